/**
 * Sets are stored as positional documents; a field the codec forgot would be lost silently, so
 * every set the matcher produces for random programmes must come back equal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchFactsInBlocks } from '#core/matching/match';
import type { YouthRecommendationFacts } from '#core/matching/types';
import { compressSet, decompressSet, serialiseSet } from '#functions/adapters/dynamodb/recommendations';
import { FACTS_LAYOUT, setDocument, setOfDocument } from '#functions/adapters/dynamodb/set-document';
import { opportunityListArb, youthListArb } from '../matching/arbitraries.ts';
import { job, options, youth } from '../matching/fixtures.ts';

const facts = (
  youth: Parameters<typeof matchFactsInBlocks>[0],
  opportunities: Parameters<typeof matchFactsInBlocks>[1],
) => [...matchFactsInBlocks(youth, opportunities, options())].flat();

describe('positional set documents', () => {
  it('give back every set the matcher makes, field for field', () => {
    fc.assert(
      fc.property(youthListArb, opportunityListArb, (youth, opportunities) => {
        for (const set of facts(youth, opportunities)) {
          const document = setDocument(set);
          expect((document as unknown[])[0]).toBe(FACTS_LAYOUT);
          expect(setOfDocument(JSON.parse(JSON.stringify(document)), set.asOf)).toEqual(set);
          expect(decompressSet(compressSet(set), set.asOf)).toEqual(set);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('are a fraction of the JSON of the set, and hash equal sets equally', () => {
    const sets: YouthRecommendationFacts[] = [];
    fc.assert(
      fc.property(youthListArb, opportunityListArb, (youth, opportunities) => {
        sets.push(...facts(youth, opportunities).filter((s) => s.jobs.length + s.pathways.length > 0));
      }),
      { numRuns: 30 },
    );
    expect(sets.length).toBeGreaterThan(10);
    const positional = sets.reduce((n, s) => n + serialiseSet(s).json.length, 0);
    const named = sets.reduce((n, s) => n + JSON.stringify(s).length, 0);
    expect(positional).toBeLessThan(named * 0.6);
    for (const set of sets) {
      expect(serialiseSet(structuredClone(set)).contentHash).toBe(serialiseSet(set).contentHash);
      expect(serialiseSet({ ...set, asOf: '2030-01-01' }).contentHash).toBe(serialiseSet(set).contentHash);
    }
  });

  it('keep sets of other shapes, and sets carrying their own text, as named JSON', () => {
    const [set] = facts([youth()], [job()]);
    expect(set!.jobs.length).toBeGreaterThan(0);
    const explained = { ...set!, jobs: set!.jobs.map((r) => ({ ...r, explanation: { id: 'a', en: 'b' } })) };
    for (const other of [
      { youthId: 'Y', asOf: '2026-11-01', configVersion: 'v', jobs: [], trainings: [] },
      explained,
    ]) {
      expect(Array.isArray(setDocument(other))).toBe(false);
      expect(decompressSet(compressSet(other), other.asOf)).toEqual(other);
    }
  });

  it('refuses a positional document of a layout it does not know', () => {
    expect(() => setOfDocument(['facts/99', 'Y'], '2026-11-01')).toThrow(/unknown layout/);
  });
});
