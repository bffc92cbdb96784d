import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CandidateInput,
  counsellorCandidateView,
  counsellorRecommendationsView,
  counsellorYouthListItem,
  counsellorYouthView,
  employerCandidateView,
} from '#core/access/projections';
import { DISABILITY_DOMAINS } from '#core/domain/disability';
import { EDUCATION_LEVELS } from '#core/domain/education';
import type { YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS, CONTRACT_TYPES } from '#core/domain/records';
import type { Recommendation, YouthRecommendations } from '#core/matching/types';
import { youthProfile } from './fixtures.ts';

/** Every key at every depth of a JSON-like value. */
function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysDeep(v, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysDeep(v, into);
    }
  }
  return into;
}

/** Every string at every depth (keys excluded). */
function stringsDeep(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsDeep(v, into);
  else if (typeof value === 'object' && value !== null)
    for (const v of Object.values(value)) stringsDeep(v, into);
  return into;
}

const EMPLOYER_FORBIDDEN_KEYS = [
  'youthId',
  'nik',
  'nikHash',
  'name',
  'fullName',
  'phone',
  'birthDate',
  'age',
  'gender',
  'district',
  'education',
  'disability',
  'accommodationNeeds',
  'welfareDecile',
  'interests',
  'aptitudes',
  'preferences',
  'flags',
  'unknownSkills',
];
const COUNSELLOR_FORBIDDEN_KEYS = [
  'nik',
  'nikHash',
  'name',
  'phone',
  'birthDate',
  'gender',
  'disability',
  'welfareDecile',
];

const scale = fc.record({
  score: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  answered: fc.integer({ min: 0, max: 10 }),
  items: fc.constant(10),
  prorated: fc.boolean(),
});
const aptitude = fc.record({
  correct: fc.integer({ min: 0, max: 20 }),
  total: fc.constant(20),
  percentile: fc.integer({ min: 0, max: 100 }),
  norm: fc.constantFrom('default' as const, 'cohort' as const),
});
const difficulty = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);
const skill = fc.stringMatching(/^sk_[a-z]{2,8}$/);

/** Profiles with every field set, plus fields a future version or a careless store might add. */
const fullProfile = fc
  .record({
    youthId: fc.stringMatching(/^Y-[0-9]{6}$/),
    nik: fc.stringMatching(/^[0-9]{16}$/),
    name: fc.stringMatching(/^Nama [A-Z][a-z]{3,8}$/),
    phone: fc.stringMatching(/^\+628[0-9]{9}$/),
    birthYear: fc.integer({ min: 1991, max: 2008 }),
    district: fc.constantFrom('3374', '3322', '3301'),
    gender: fc.constantFrom('F' as const, 'M' as const),
    education: fc.constantFrom(...EDUCATION_LEVELS),
    disability: fc.record(Object.fromEntries(DISABILITY_DOMAINS.map((d) => [d, difficulty]))),
    welfareDecile: fc.integer({ min: 1, max: 4 }),
    interests: fc.record({ R: scale, I: scale, A: scale, S: scale, E: scale, C: scale }),
    aptitudes: fc.record(Object.fromEntries(APTITUDE_SUBTESTS.map((s) => [s, aptitude]))),
    skills: fc.uniqueArray(skill, { minLength: 1, maxLength: 6 }),
    opportunitySkills: fc.uniqueArray(skill, { maxLength: 6 }),
    contractTypes: fc.subarray([...CONTRACT_TYPES], { minLength: 1 }),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((r) => {
    const profile = {
      ...youthProfile({
        youthId: r.youthId,
        gender: r.gender,
        birthDate: `${r.birthYear}-02-28`,
        district: r.district,
        education: r.education,
        disability: r.disability,
        welfareDecile: r.welfareDecile,
        interests: r.interests,
        aptitudes: r.aptitudes,
        skills: r.skills,
        unknownSkills: ['keterampilan lain'],
        preferences: { maxCommuteKm: 30, willingToRelocate: true, contractTypes: r.contractTypes },
        flags: ['interests_identical'],
      }),
      nik: r.nik,
      nikHash: 'f'.repeat(64),
      name: r.name,
      phone: r.phone,
    } as YouthProfile;
    const input: CandidateInput = {
      youth: profile,
      score: r.score,
      rank: 2,
      components: { interest: 0.3, aptitude: 0.2, skills: 0.1, reach: 0.05 },
      opportunitySkills: r.opportunitySkills,
    };
    return { input, secrets: [r.youthId, r.nik, r.name, r.phone, `${r.birthYear}-02-28`, 'f'.repeat(64)] };
  });

describe('employer candidate view', () => {
  it('property: no forbidden key at any depth and no identifying value anywhere', () => {
    fc.assert(
      fc.property(fullProfile, ({ input, secrets }) => {
        const view = employerCandidateView({ ...input, pseudonym: 'cand_abc' });
        const keys = keysDeep(view);
        for (const key of EMPLOYER_FORBIDDEN_KEYS) expect(keys.has(key)).toBe(false);
        const strings = stringsDeep(view);
        for (const secret of secrets) expect(strings).not.toContain(secret);
        expect(JSON.stringify(view)).not.toContain(input.youth.youthId);
      }),
    );
  });

  it('is exactly the pseudonym, score, components and the skill split', () => {
    const view = employerCandidateView({
      youth: youthProfile({ skills: ['sk_a', 'sk_b'] }),
      score: 0.71,
      components: { interest: 0.3, aptitude: 0.2, skills: 0.15, reach: 0.06 },
      opportunitySkills: ['sk_b', 'sk_c'],
      pseudonym: 'cand_xyz',
    });
    expect(view).toEqual({
      candidate: 'cand_xyz',
      score: 0.71,
      components: { interest: 0.3, aptitude: 0.2, skills: 0.15, reach: 0.06 },
      matchedSkills: ['sk_b'],
      missingSkills: ['sk_c'],
    });
  });

  it('refuses to run without a real pseudonym', () => {
    const youth = youthProfile();
    const base = { youth, score: 0.5, opportunitySkills: [] };
    expect(() => employerCandidateView({ ...base, pseudonym: '' })).toThrow(RangeError);
    expect(() => employerCandidateView({ ...base, pseudonym: youth.youthId })).toThrow(RangeError);
  });
});

describe('counsellor views', () => {
  it('property: the profile, list and candidate views keep out NIK, welfare decile, gender and raw disability', () => {
    fc.assert(
      fc.property(fullProfile, ({ input }) => {
        const views = [
          counsellorYouthView(input.youth, { asOf: '2026-11-27' }),
          counsellorYouthListItem(input.youth),
          counsellorCandidateView(input),
        ];
        for (const [i, view] of views.entries()) {
          const keys = keysDeep(view);
          // The profile's contact phone is the counsellor's to see on the youth's own page only.
          const forbidden =
            i === 0 ? COUNSELLOR_FORBIDDEN_KEYS.filter((k) => k !== 'phone') : COUNSELLOR_FORBIDDEN_KEYS;
          for (const key of forbidden) expect(keys.has(key)).toBe(false);
          const strings = stringsDeep(view);
          expect(strings).not.toContain((input.youth as unknown as { nik: string }).nik);
          expect(strings).not.toContain((input.youth as unknown as { name: string }).name);
        }
      }),
    );
  });

  it('shows age instead of birth date and accommodation needs instead of difficulty levels', () => {
    const view = counsellorYouthView(youthProfile({ birthDate: '2003-05-20' }), { asOf: '2026-05-19' });
    expect(view.age).toBe(22);
    expect(counsellorYouthView(youthProfile({ birthDate: '2003-05-20' }), { asOf: '2026-05-20' }).age).toBe(
      23,
    );
    // walking 3 and hearing 4 are needs; seeing 2 is not.
    expect(view.accommodationNeeds).toEqual(['hearing', 'walking']);
    expect(view.aptitudes.clerical).toEqual({ percentile: 88, correct: 18, total: 20, norm: 'cohort' });
    expect(view.interests.S).toEqual({ score: 25, answered: 8, items: 8, prorated: false });
    expect(view.preferences).toEqual({
      maxCommuteKm: 25,
      willingToRelocate: false,
      contractTypes: ['permanent'],
    });
  });

  it('is a copy: changing the view leaves the stored profile alone', () => {
    const profile = youthProfile();
    const view = counsellorYouthView(profile, { asOf: '2026-11-27' });
    view.skills.push('sk_extra');
    view.preferences.contractTypes?.push('daily');
    expect(profile.skills).toEqual(['sk_sewing', 'sk_bookkeeping']);
    expect(profile.preferences.contractTypes).toEqual(['permanent']);
  });

  it('a list item carries the headline but nothing else of it', () => {
    const item = counsellorYouthListItem(youthProfile(), {
      youthId: 'Y-0001',
      asOf: '2026-11-27',
      configVersion: 'c1',
      topJob: { opportunityId: 'V-1', score: 0.8, title: 'Operator Jahit', secret: 'x' } as never,
    });
    expect(item.topJob).toEqual({ opportunityId: 'V-1', score: 0.8, title: 'Operator Jahit' });
    expect(item.topTraining).toBeUndefined();
  });

  it('a counsellor candidate names the youth and the skill split', () => {
    const view = counsellorCandidateView({
      youth: youthProfile({ skills: ['sk_a'] }),
      score: 0.6,
      rank: 1,
      opportunitySkills: ['sk_a', 'sk_b'],
    });
    expect(view).toMatchObject({
      youthId: 'Y-0001',
      district: '3374',
      rank: 1,
      matchedSkills: ['sk_a'],
      missingSkills: ['sk_b'],
    });
    expect(view.components).toBeUndefined();
  });
});

describe('recommendations view', () => {
  const recommendation = (id: string): Recommendation =>
    ({
      opportunityId: id,
      kind: 'job',
      title: 'Penjahit',
      ownerName: 'PT Garmen',
      score: 0.7,
      components: { interest: 0.3, aptitude: 0.2, skills: 0.15, reach: 0.05 },
      sharedHolland: ['R'],
      missingSkills: ['sk_x'],
      aptitudeGaps: [{ subtest: 'numerical', percentile: 30, expected: 50 }],
      distanceKm: 12.5,
      flags: ['relocation_required'],
      basis: { interestCongruence: 0.71, skillsRequired: 2, skillsShared: 1 },
      explanation: { id: 'Cocok karena minat', en: 'Fits because of interest' },
      internalTrace: 'not for anyone',
    }) as Recommendation;
  const set: YouthRecommendations = {
    youthId: 'Y-0001',
    asOf: '2026-11-27',
    configVersion: 'c1',
    hollandCode: 'RSC',
    jobs: [recommendation('V-1')],
    trainings: [{ ...recommendation('T-1'), kind: 'training' }],
    pathways: [
      {
        jobId: 'V-2',
        jobTitle: 'Operator',
        ownerName: 'PT Mesin',
        interestCongruence: 0.8,
        gaps: ['skills'],
        missingSkills: ['sk_y'],
        requiredEducation: 'SMK',
        trainings: [
          {
            opportunityId: 'T-2',
            title: 'Las',
            ownerName: 'BLK',
            score: 0.5,
            closesSkills: ['sk_y'],
            closesEducation: false,
            distanceKm: null,
          },
        ],
        basis: { interestCongruence: 0.8, skillsRequired: 1, skillsShared: 0 },
        explanation: { id: 'Jalur', en: 'Pathway' },
      },
    ],
    flags: [],
    basis: { education: 'SMA', maxCommuteKm: 25 },
  };

  it.each([
    ['id', 'Cocok karena minat', 'Jalur'],
    ['en', 'Fits because of interest', 'Pathway'],
  ] as const)('explanations in %s', (lang, explanation, pathway) => {
    const view = counsellorRecommendationsView(set, { lang });
    expect(view.lang).toBe(lang);
    expect(view.jobs[0]!.explanation).toBe(explanation);
    expect(view.pathways[0]!.explanation).toBe(pathway);
    expect(view.trainings[0]!.kind).toBe('training');
  });

  it('fields the matcher adds later are not passed on', () => {
    const keys = keysDeep(counsellorRecommendationsView(set, { lang: 'id' }));
    expect(keys.has('internalTrace')).toBe(false);
    expect(keys.has('basis')).toBe(false);
  });
});
