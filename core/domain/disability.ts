/** Washington Group short set domains. Difficulty 1 = no difficulty .. 4 = cannot do at all. */
export const DISABILITY_DOMAINS = [
  'seeing',
  'hearing',
  'walking',
  'cognition',
  'self_care',
  'communication',
] as const;
export type DisabilityDomain = (typeof DISABILITY_DOMAINS)[number];
export type Difficulty = 1 | 2 | 3 | 4;
export type DisabilityProfile = Partial<Record<DisabilityDomain, Difficulty>>;

/** A need that an opportunity must accommodate: difficulty "a lot" (3) or "cannot do" (4). */
export const ACCOMMODATION_THRESHOLD = 3;

/** Bit i set = domain DISABILITY_DOMAINS[i]. Used by the matcher for a one-instruction coverage test. */
export function domainsToMask(domains: Iterable<DisabilityDomain>): number {
  let mask = 0;
  for (const d of domains) mask |= 1 << DISABILITY_DOMAINS.indexOf(d);
  return mask;
}

export function accommodationNeeds(profile: DisabilityProfile): DisabilityDomain[] {
  return DISABILITY_DOMAINS.filter((d) => (profile[d] ?? 1) >= ACCOMMODATION_THRESHOLD);
}
