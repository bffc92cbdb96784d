/**
 * A profile scaled to its own highest value (two decimals), so profiles on different scales (a
 * youth's 1-5 answers, an occupation's O*NET 1-7 levels) compare by shape, as the matcher compares
 * them. Missing values stay missing; an all-zero profile has no shape and is all missing.
 */
export function relativeProfile(values: readonly (number | null)[]): (number | null)[] {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  return values.map((v) => (v === null || max === 0 ? null : Math.round((v / max) * 100) / 100));
}
