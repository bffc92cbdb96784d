import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISABILITY_DOMAINS } from '#core/domain/disability';
import { EDUCATION_LEVELS } from '#core/domain/education';
import type { ScaleScore, YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS, CONTRACT_TYPES } from '#core/domain/records';
import { toStoredYouth, toYouthItem } from '#functions/adapters/dynamodb/youth';
import { youthProfile } from '../../integration/storage/fixtures.ts';

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const scale: fc.Arbitrary<ScaleScore> = fc.record({
  score: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
  answered: fc.integer({ min: 0, max: 10 }),
  items: fc.integer({ min: 1, max: 10 }),
  prorated: fc.boolean(),
});

const profile: fc.Arbitrary<YouthProfile> = fc.record(
  {
    youthId: fc.string({ minLength: 1, unit: 'binary' }),
    instrument: fc.string(),
    assessedAt: fc.string(),
    gender: fc.constantFrom('F' as const, 'M' as const),
    birthDate: fc.string(),
    district: fc.stringMatching(/^[0-9]{4}$/),
    education: fc.constantFrom(...EDUCATION_LEVELS),
    disability: fc.dictionary(fc.constantFrom(...DISABILITY_DOMAINS), fc.constantFrom(1, 2, 3, 4 as const)),
    welfareDecile: fc.integer({ min: 1, max: 10 }),
    interests: fc.record({ R: scale, I: scale, A: scale, S: scale, E: scale, C: scale }),
    interestProfile: fc.option(fc.tuple(fraction, fraction, fraction, fraction, fraction, fraction), {
      nil: null,
    }),
    hollandCode: fc.option(fc.stringMatching(/^[RIASEC]{3}$/), { nil: null }),
    aptitudes: fc.dictionary(
      fc.constantFrom(...APTITUDE_SUBTESTS),
      fc.record({
        correct: fc.nat(40),
        total: fc.integer({ min: 1, max: 40 }),
        percentile: fc.double({ min: 0, max: 100, noNaN: true }),
        norm: fc.constantFrom('default' as const, 'cohort' as const),
      }),
    ),
    skills: fc.array(fc.string()),
    unknownSkills: fc.array(fc.string({ unit: 'binary' })),
    preferences: fc.record(
      {
        maxCommuteKm: fc.double({ min: 0, max: 500, noNaN: true }),
        willingToRelocate: fc.boolean(),
        contractTypes: fc.uniqueArray(fc.constantFrom(...CONTRACT_TYPES)),
      },
      { requiredKeys: [] },
    ),
    flags: fc.array(fc.string()),
  },
  { requiredKeys: ['youthId', 'district', 'interests', 'skills', 'unknownSkills', 'flags'] },
) as fc.Arbitrary<YouthProfile>;

describe('youth profile documents', () => {
  it('round-trips any profile, whatever its text, numbers and missing optional fields', () => {
    fc.assert(
      fc.property(profile, fc.integer({ min: 1, max: 1_000 }), (p, version) => {
        const item = toYouthItem({ profile: p, version });
        expect(typeof item.document).toBe('string');
        // JSON is the stored form: it drops undefined fields exactly as the nested attributes did.
        expect(toStoredYouth(item)).toEqual({ profile: JSON.parse(JSON.stringify(p)), version });
      }),
    );
  });

  it('keeps the keys, index keys and NIK hash beside the document, never the NIK itself', () => {
    const p = youthProfile('Y1');
    const item = toYouthItem({ profile: p, version: 3, nikHash: 'h'.repeat(64) });
    expect(item).toMatchObject({ pk: 'YOUTH#Y1', sk: 'PROFILE', version: 3, nikHash: 'h'.repeat(64) });
    expect(toStoredYouth(item)).toEqual({ profile: p, version: 3, nikHash: 'h'.repeat(64) });
  });
});
