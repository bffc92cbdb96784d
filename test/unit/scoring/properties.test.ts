import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssessmentRecord } from '#core/domain/records';
import { RIASEC } from '#core/domain/riasec';
import { createScoringContext, scoreAssessment } from '#core/scoring/score';
import { assessment, FULL, itemId, MINI } from './fixtures.ts';

const ctx = createScoringContext();

const answer = fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 6 });

/** A record on either form with arbitrary answers (some missing), aptitudes and gender. */
const records: fc.Arbitrary<AssessmentRecord> = fc
  .record({
    instrument: fc.constantFrom(FULL, MINI),
    answers: fc.array(answer, { minLength: 60, maxLength: 60 }),
    dropped: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
    gender: fc.constantFrom<'F' | 'M'>('F', 'M'),
    aptitudes: fc.dictionary(
      fc.constantFrom('verbal', 'numerical', 'abstract', 'spatial', 'clerical', 'mechanical'),
      fc
        .integer({ min: 1, max: 60 })
        .chain((total) =>
          fc.record({ correct: fc.integer({ min: 0, max: total }), total: fc.constant(total) }),
        ),
    ),
    skills: fc.array(fc.constantFrom('Excel', 'las', 'menganyam', 'SIM A', 'Kasir', 'ngarit', 'excel'), {
      maxLength: 6,
    }),
  })
  .map(({ instrument, answers, dropped, gender, aptitudes, skills }) => {
    const perScale = instrument === FULL ? 10 : 5;
    const interests: Record<string, number | null> = {};
    RIASEC.forEach((letter, s) => {
      for (let i = 0; i < perScale; i++) {
        const k = s * 10 + i;
        // Missing and null both mean unanswered: exercise both spellings.
        if (!dropped[k]) interests[itemId(letter, i + 1)] = answers[k] ?? null;
      }
    });
    return assessment({ instrument, interests, gender, aptitudes, skills });
  });

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % keys.length]! }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

describe('scoring properties', () => {
  it('keeps every score within its bounds', () => {
    fc.assert(
      fc.property(records, (record) => {
        const profile = scoreAssessment(record, ctx);
        const max = record.instrument === FULL ? 40 : 20;
        for (const letter of RIASEC) {
          const { score, answered, items } = profile.interests[letter];
          expect(answered).toBeLessThanOrEqual(items);
          if (score !== null) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(max);
          }
        }
        for (const value of profile.interestProfile ?? []) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        if (profile.hollandCode !== null) expect(new Set(profile.hollandCode).size).toBe(3);
        for (const aptitude of Object.values(profile.aptitudes)) {
          expect(aptitude.percentile).toBeGreaterThanOrEqual(0);
          expect(aptitude.percentile).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('does not depend on the order of items or subtests', () => {
    fc.assert(
      fc.property(
        records,
        fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 60 }),
        (record, keys) => {
          const reordered = {
            ...record,
            interests: Object.fromEntries(shuffled(Object.entries(record.interests), keys)),
            aptitudes: Object.fromEntries(shuffled(Object.entries(record.aptitudes ?? {}), keys)),
          };
          expect(scoreAssessment(reordered, ctx)).toEqual(scoreAssessment(record, ctx));
        },
      ),
    );
  });

  it('never changes a score when only the gender changes', () => {
    fc.assert(
      fc.property(records, (record) => {
        const other = { ...record, gender: record.gender === 'F' ? ('M' as const) : ('F' as const) };
        const { gender: g1, ...first } = scoreAssessment(record, ctx);
        const { gender: g2, ...second } = scoreAssessment(other, ctx);
        expect(g1).not.toBe(g2);
        expect(second).toEqual(first);
      }),
    );
  });

  it('gives the same output for the same input and leaves the input untouched', () => {
    fc.assert(
      fc.property(records, (record) => {
        const before = structuredClone(record);
        const first = scoreAssessment(record, ctx);
        const second = scoreAssessment(structuredClone(record), ctx);
        expect(second).toEqual(first);
        expect(record).toEqual(before);
      }),
    );
  });

  it('prorates only scales with at least 80% of their items answered', () => {
    fc.assert(
      fc.property(records, (record) => {
        const profile = scoreAssessment(record, ctx);
        for (const letter of RIASEC) {
          const { score, answered, items, prorated } = profile.interests[letter];
          expect(score === null).toBe(answered / items < 0.8);
          expect(prorated).toBe(score !== null && answered < items);
        }
      }),
    );
  });
});
