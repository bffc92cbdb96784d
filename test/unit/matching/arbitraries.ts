import fc from 'fast-check';
import { DISABILITY_DOMAINS, type DisabilityProfile } from '#core/domain/disability';
import { EDUCATION_LEVELS } from '#core/domain/education';
import type { AptitudeScore, OpportunityProfile, YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS, type AptitudeSubtest } from '#core/domain/records';
import type { RiasecVector } from '#core/domain/riasec';
import { interestsFrom } from './fixtures.ts';

/** Small domains on purpose: equal scores (ties) and constraint boundaries happen often. */
export const DISTRICTS = ['3374', '3322', '3323', '3321', '3301', '3399'];
export const SKILLS = ['las', 'bubut', 'k3', 'excel', 'jahit', 'kasir'];
const BIRTH_DATES = [
  '1990-01-01',
  '1992-11-15',
  '1992-11-16',
  '2001-11-15',
  '2001-11-16',
  '2008-11-15',
  '2010-05-05',
];
const DEADLINES = ['2026-11-14', '2026-11-15', '2026-12-31'];

const riasecLevels = fc.tuple(...Array.from({ length: 6 }, () => fc.constantFrom(1, 2, 4, 7)));
const interestLevels = fc.tuple(...Array.from({ length: 6 }, () => fc.constantFrom(0, 0.25, 0.5, 1)));

const disability: fc.Arbitrary<DisabilityProfile> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  fc
    .tuple(fc.constantFrom(...DISABILITY_DOMAINS), fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>)
    .map(([domain, difficulty]) => ({ [domain]: difficulty })),
);

const aptitudes = fc.subarray([...APTITUDE_SUBTESTS]).chain((subtests) =>
  fc.tuple(...subtests.map(() => fc.constantFrom(10, 30, 50, 70, 90))).map((percentiles) => {
    const scores: Partial<Record<AptitudeSubtest, AptitudeScore>> = {};
    subtests.forEach((s, i) => {
      scores[s] = { correct: 0, total: 20, percentile: percentiles[i]!, norm: 'default' };
    });
    return scores;
  }),
);

export const youthArb: fc.Arbitrary<Omit<YouthProfile, 'youthId'>> = fc
  .record({
    gender: fc.constantFrom('F' as const, 'M' as const),
    birthDate: fc.constantFrom(...BIRTH_DATES),
    district: fc.constantFrom(...DISTRICTS.slice(0, 5)),
    education: fc.constantFrom(...EDUCATION_LEVELS),
    disability,
    welfareDecile: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    profile: fc.option(interestLevels, { nil: null, freq: 6 }),
    aptitudes,
    skills: fc.subarray(SKILLS),
    maxCommuteKm: fc.option(fc.constantFrom(0, 15, 30, 45), { nil: undefined }),
    willingToRelocate: fc.boolean(),
  })
  .map((r) => ({
    instrument: 'sinergi-minat-bakat-v1',
    assessedAt: '2026-10-01',
    gender: r.gender,
    birthDate: r.birthDate,
    district: r.district,
    education: r.education,
    disability: r.disability,
    ...(r.welfareDecile === undefined ? {} : { welfareDecile: r.welfareDecile }),
    interests: interestsFrom(r.profile ?? [0, 0, 0, 0, 0, 0]),
    interestProfile: r.profile as RiasecVector | null,
    hollandCode: r.profile ? 'RIA' : null,
    aptitudes: r.aptitudes,
    skills: r.skills,
    unknownSkills: [],
    preferences: {
      ...(r.maxCommuteKm === undefined ? {} : { maxCommuteKm: r.maxCommuteKm }),
      willingToRelocate: r.willingToRelocate,
    },
    flags: [],
  }));

export const opportunityArb: fc.Arbitrary<Omit<OpportunityProfile, 'id'>> = fc
  .record({
    kind: fc.constantFrom('job' as const, 'training' as const),
    riasec: riasecLevels,
    unknown: fc.boolean(),
    jobZone: fc.integer({ min: 1, max: 5 }),
    district: fc.constantFrom(...DISTRICTS),
    capacity: fc.constantFrom(0, 1, 3),
    minEducation: fc.constantFrom(...EDUCATION_LEVELS),
    minAge: fc.option(fc.constantFrom(18, 25), { nil: undefined }),
    maxAge: fc.option(fc.constantFrom(24, 34), { nil: undefined }),
    skills: fc.subarray(SKILLS),
    accessibleFor: fc.subarray([...DISABILITY_DOMAINS]),
    adjustableFor: fc.subarray([...DISABILITY_DOMAINS], { maxLength: 2 }),
    notAccessibleFor: fc.subarray([...DISABILITY_DOMAINS], { maxLength: 2 }),
    deadline: fc.constantFrom(...DEADLINES),
    occupation: fc.constantFrom('7212', '4110', '5223'),
    certified: fc.boolean(),
    genderRequirement: fc.constantFrom('any' as const, 'male' as const, 'female' as const),
  })
  .map((r) => ({
    kind: r.kind,
    ownerId: 'O1',
    ownerName: 'Owner',
    title: `${r.kind} ${r.occupation}`,
    occupationCodes: [r.occupation],
    riasec: r.riasec as unknown as RiasecVector,
    riasecSource: r.unknown ? ('unknown' as const) : ('occupation' as const),
    jobZone: r.jobZone,
    district: r.district,
    capacity: r.capacity,
    minEducation: r.minEducation,
    ...(r.minAge === undefined ? {} : { minAge: r.minAge }),
    ...(r.maxAge === undefined ? {} : { maxAge: r.maxAge }),
    skills: r.skills,
    accessibleFor: r.accessibleFor,
    adjustableFor: r.adjustableFor,
    notAccessibleFor: r.notAccessibleFor,
    deadline: r.deadline,
    certified: r.certified,
    ...(r.kind === 'job' ? { genderRequirement: r.genderRequirement } : {}),
  }));

/** Youth with unique ids. */
export const youthListArb = fc
  .array(youthArb, { minLength: 1, maxLength: 12 })
  .map((list) => list.map((y, i) => ({ ...y, youthId: `Y${String(i).padStart(3, '0')}` }) as YouthProfile));

/**
 * Opportunities with unique ids; some are exact copies of another under a new id, so equal scores
 * must be broken by id. Ids are assigned in a scrambled order so id order is not input order.
 */
export const opportunityListArb = fc
  .tuple(fc.array(opportunityArb, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 10 }))
  .map(([base, copies]) => {
    const all = [...base, ...copies.map((c) => base[c % base.length]!)];
    return all.map(
      (o, i) =>
        ({
          ...o,
          id: `${o.kind === 'job' ? 'V' : 'T'}${String((i * 7919) % 1000).padStart(3, '0')}-${i}`,
        }) as OpportunityProfile,
    );
  });
