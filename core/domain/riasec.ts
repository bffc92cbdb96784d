import type { Bilingual } from './language.ts';

/** Holland's six interest types, in O*NET's order. The order is the documented tie-break everywhere. */
export const RIASEC = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
export type RiasecLetter = (typeof RIASEC)[number];

/** Six numbers in RIASEC order. */
export type RiasecVector = readonly [number, number, number, number, number, number];

export const RIASEC_NAMES: Readonly<Record<RiasecLetter, Bilingual>> = {
  R: { en: 'Realistic', id: 'Realistis' },
  I: { en: 'Investigative', id: 'Investigatif' },
  A: { en: 'Artistic', id: 'Artistik' },
  S: { en: 'Social', id: 'Sosial' },
  E: { en: 'Enterprising', id: 'Wirausaha' },
  C: { en: 'Conventional', id: 'Konvensional' },
};

/**
 * A Holland code written by an employer ("SEC") stands for an O*NET-scale profile: the first
 * letter high, the second and third progressively lower, the rest low. Only the shape matters to
 * the matcher, which compares centred profiles.
 */
const HOLLAND_LEVELS = [7, 5.5, 4] as const;
const HOLLAND_REST = 1.5;

export function hollandCodeToProfile(code: string): RiasecVector {
  const letters = code.trim().toUpperCase().split('');
  if (letters.length < 1 || letters.length > 3 || new Set(letters).size !== letters.length) {
    throw new RangeError(`a Holland code has one to three distinct letters of RIASEC: "${code}"`);
  }
  const profile = RIASEC.map(() => HOLLAND_REST);
  letters.forEach((letter, rank) => {
    const i = RIASEC.indexOf(letter as RiasecLetter);
    if (i < 0) throw new RangeError(`"${letter}" is not a RIASEC letter in Holland code "${code}"`);
    profile[i] = HOLLAND_LEVELS[rank]!;
  });
  return profile as unknown as RiasecVector;
}
