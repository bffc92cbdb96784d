/**
 * Indonesian education levels. SMA and SMK are both upper secondary; D4 and S1 are both
 * bachelor level, so each pair shares a rank and satisfies the other's minimum.
 */
export const EDUCATION_LEVELS = [
  'none',
  'SD',
  'SMP',
  'SMA',
  'SMK',
  'D1',
  'D2',
  'D3',
  'D4',
  'S1',
  'S2',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

const RANK: Record<EducationLevel, number> = {
  none: 0,
  SD: 1,
  SMP: 2,
  SMA: 3,
  SMK: 3,
  D1: 4,
  D2: 5,
  D3: 6,
  D4: 7,
  S1: 7,
  S2: 8,
};

export function educationRank(level: EducationLevel): number {
  return RANK[level];
}

export function meetsEducation(has: EducationLevel, required: EducationLevel): boolean {
  return RANK[has] >= RANK[required];
}
