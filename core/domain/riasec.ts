/** Holland's six interest types, in O*NET's order. The order is the documented tie-break everywhere. */
export const RIASEC = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
export type RiasecLetter = (typeof RIASEC)[number];

/** Six numbers in RIASEC order. */
export type RiasecVector = readonly [number, number, number, number, number, number];

export const RIASEC_NAMES: Record<RiasecLetter, { en: string; id: string }> = {
  R: { en: 'Realistic', id: 'Realistis' },
  I: { en: 'Investigative', id: 'Investigatif' },
  A: { en: 'Artistic', id: 'Artistik' },
  S: { en: 'Social', id: 'Sosial' },
  E: { en: 'Enterprising', id: 'Wirausaha' },
  C: { en: 'Conventional', id: 'Konvensional' },
};
