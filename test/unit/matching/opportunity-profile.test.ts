import { describe, expect, it } from 'vitest';
import type { TrainingOffer, Vacancy } from '#core/domain/records';
import type { OccupationInfo } from '#core/domain/reference';
import type { RiasecVector } from '#core/domain/riasec';
import { matchAll, trainingToProfile, vacancyToProfile } from '#core/matching/index';
import { job, options, youth } from './fixtures.ts';

const OCCUPATIONS: Record<string, OccupationInfo> = {
  '7212': {
    code: '7212',
    title: 'Welders and flame cutters',
    riasec: [6.5, 2, 1.5, 1.5, 2, 3],
    spread: [0.2, 0.2, 0.2, 0.2, 0.2, 0.2],
    jobZone: 2,
    onetCount: 2,
  },
  '4110': {
    code: '4110',
    title: 'General office clerks',
    riasec: [1.5, 2, 1.5, 3, 3, 6.5],
    spread: [0.2, 0.2, 0.2, 0.2, 0.2, 0.2],
    jobZone: 3,
    onetCount: 4,
  },
};

const ctx = {
  occupations: (code: string) => OCCUPATIONS[code],
  normaliseSkills: (skills: string[]) => ({
    known: skills.filter((s) => s.startsWith('sk-')),
    unknown: skills.filter((s) => !s.startsWith('sk-')),
  }),
};

const vacancy: Vacancy = {
  vacancy_id: 'V1',
  employer_id: 'E1',
  employer_name: 'PT Baja',
  title: 'Welder',
  occupation_code: '7212',
  district: '3374',
  openings: 2,
  min_education: 'SMK',
  skills: ['sk-las', 'menggerinda', 'sk-k3', 'sk-las'],
  gender_requirement: 'male',
  closing_date: '2026-12-31',
};

const offer: TrainingOffer = {
  training_id: 'T1',
  provider_id: 'P1',
  provider_name: 'BLK',
  title: 'Welding and office basics',
  target_occupations: ['7212', '4110'],
  skills_taught: ['sk-las'],
  district: '3374',
  seats: 20,
  start_date: '2026-12-01',
  duration_days: 30,
  cost_idr: 0,
  min_education: 'SMP',
};

describe('vacancy profiles', () => {
  it("takes the occupation's profile and job zone, with skills normalised", () => {
    const { profile, warnings } = vacancyToProfile(vacancy, ctx);
    expect(profile).toMatchObject({
      kind: 'job',
      id: 'V1',
      riasec: OCCUPATIONS['7212']!.riasec,
      riasecSource: 'occupation',
      jobZone: 2,
      capacity: 2,
      deadline: '2026-12-31',
      skills: ['sk-k3', 'sk-las'],
      genderRequirement: 'male',
    });
    expect(warnings).toEqual([expect.objectContaining({ record: 'V1', field: 'skills' })]);
    expect(warnings[0]!.reason).toContain('menggerinda');
  });

  it("a vacancy's own RIASEC overrides the occupation default", () => {
    const riasec: RiasecVector = [1, 1, 1, 7, 5, 3];
    const { profile } = vacancyToProfile({ ...vacancy, riasec }, ctx);
    expect(profile.riasec).toEqual(riasec);
    expect(profile.riasecSource).toBe('override');
    expect(profile.jobZone).toBe(2);
  });

  it('an occupation estimated from its group is marked, and recommendations say so', () => {
    const estimated = (code: string) =>
      code === '7219' ? { ...OCCUPATIONS['7212']!, code, basis: 'minor_group' as const } : OCCUPATIONS[code];
    const { profile } = vacancyToProfile(
      { ...vacancy, occupation_code: '7219' },
      { ...ctx, occupations: estimated },
    );
    expect(profile.estimatedFrom).toBe('minor_group');
    const own = vacancyToProfile(
      { ...vacancy, occupation_code: '7219', riasec: [7, 1, 1, 1, 1, 1] },
      {
        ...ctx,
        occupations: estimated,
      },
    );
    expect(own.profile.estimatedFrom).toBeUndefined();
    const [set] = matchAll([youth()], [{ ...job(), estimatedFrom: 'minor_group' }], options());
    expect(set!.jobs[0]!.flags).toContain('occupation_profile_estimated');
    expect(set!.jobs[0]!.explanation.en).toContain('estimated from its occupation group');
  });

  it('an unknown occupation is a warning and makes interest neutral', () => {
    const { profile, warnings } = vacancyToProfile({ ...vacancy, occupation_code: '9999', skills: [] }, ctx);
    expect(profile.riasecSource).toBe('unknown');
    expect(profile.jobZone).toBe(3);
    expect(warnings).toEqual([
      expect.objectContaining({
        record: 'V1',
        field: 'occupation_code',
        reason: expect.stringContaining('neutral'),
      }),
    ]);
  });
});

describe('training profiles', () => {
  it('take the mean profile of their target occupations and the lowest job zone', () => {
    const { profile, warnings } = trainingToProfile(offer, ctx);
    expect(warnings).toEqual([]);
    expect(profile.kind).toBe('training');
    expect(profile.riasecSource).toBe('targets');
    expect(profile.riasec).toEqual([4, 2, 1.5, 2.25, 2.5, 4.75]);
    expect(profile.jobZone).toBe(2);
    expect(profile.capacity).toBe(20);
    expect(profile.deadline).toBe('2026-12-01');
    expect(profile.certified).toBe(false);
  });

  it('ignore unknown targets with a warning, and are neutral when none is known', () => {
    const partly = trainingToProfile({ ...offer, target_occupations: ['4110', '0000'] }, ctx);
    expect(partly.profile.riasec).toEqual(OCCUPATIONS['4110']!.riasec);
    expect(partly.warnings.map((w) => w.field)).toEqual(['target_occupations']);
    const none = trainingToProfile({ ...offer, target_occupations: ['0000'] }, ctx);
    expect(none.profile.riasecSource).toBe('unknown');
  });
});
