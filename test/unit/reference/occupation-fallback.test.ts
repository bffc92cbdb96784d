import { describe, expect, it } from 'vitest';
import { createOccupationReference, occupationReference } from '#core/reference/occupations';

const entry = (code: string, riasec: number[], jobZone: number, onetCount = 1) => ({
  code,
  title: `group ${code}`,
  titleSource: 'ilo',
  riasec,
  spread: [0, 0, 0, 0, 0, 0],
  jobZone,
  onetCount,
  onetCodes: Array.from({ length: onetCount }, (_, i) => `11-10${String(i).padStart(2, '0')}.00`),
  examples: [],
});

describe('occupation lookup for codes without a profile of their own', () => {
  const reference = createOccupationReference({
    header: occupationReference.header,
    occupations: [
      entry('4311', [1, 2, 1, 2, 3, 7], 2, 1),
      entry('4312', [1, 2, 1, 2, 5, 7], 2, 3),
      entry('4411', [2, 2, 2, 2, 2, 2], 3, 1),
    ],
  });

  it('returns the unit group itself when it has a profile', () => {
    expect(reference.lookup('4311')).toMatchObject({ code: '4311', riasec: [1, 2, 1, 2, 3, 7] });
    expect(reference.lookup('4311')?.basis).toBeUndefined();
  });

  it('estimates from the minor group, weighted by O*NET occupations, with the spread between groups', () => {
    const estimate = reference.lookup('4313');
    expect(estimate?.basis).toBe('minor_group');
    expect(estimate?.riasec).toEqual([1, 2, 1, 2, 4.5, 7]);
    // E: weighted variance around 4.5 of (3 x1, 5 x3) = (2.25 + 3 * 0.25) / 4 = 0.75
    expect(estimate?.spread[4]).toBeCloseTo(Math.sqrt(0.75), 2);
    expect(estimate?.jobZone).toBe(2);
    expect(reference.get('4313')).toBeUndefined();
  });

  it('falls back to the sub-major group, then gives up', () => {
    expect(reference.lookup('4321')?.basis).toBe('sub_major_group');
    expect(reference.lookup('9111')).toBeUndefined();
    expect(reference.lookup('43')).toBeUndefined();
  });

  it('covers the unit groups the shipped table omits, such as 4321 stock clerks', () => {
    const stockClerks = occupationReference.lookup('4321');
    expect(stockClerks?.basis).toBe('minor_group');
    expect(Math.max(...(stockClerks?.riasec ?? []))).toBe(stockClerks?.riasec[5]);
  });
});

describe('opportunity profiles on an estimated occupation', () => {
  it('uses the estimate and says so in a warning, unless the employer gave a Holland code', async () => {
    const { vacancyToProfile } = await import('#core/matching/opportunity-profile');
    const vacancy = {
      vacancy_id: 'V-1',
      employer_id: 'E-1',
      employer_name: 'PT Contoh',
      title: 'Staf Gudang',
      occupation_code: '4321',
      district: '3374',
      openings: 2,
      min_education: 'SMA' as const,
      closing_date: '2026-12-31',
    };
    const ctx = {
      occupations: occupationReference.lookup,
      normaliseSkills: (s: string[]) => ({ known: s, unknown: [] }),
    };
    const estimated = vacancyToProfile(vacancy, ctx);
    expect(estimated.profile.riasecSource).toBe('occupation');
    expect(estimated.warnings.map((w) => w.reason).join()).toContain(
      'estimated from its ISCO-08 minor group',
    );

    const explicit = vacancyToProfile({ ...vacancy, riasec: [1.5, 1.5, 1.5, 1.5, 4, 7] }, ctx);
    expect(explicit.warnings).toEqual([]);
  });
});
