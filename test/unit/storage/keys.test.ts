import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import { mergeCandidateList } from '#core/matching/candidate-lists';
import type { YouthRecommendations } from '#core/matching/types';
import type { RecommendationSet } from '#core/ports';
import { decodeCursor, encodeCursor, pageLimit } from '#functions/adapters/dynamodb/common';
import {
  serialiseSet,
  toSetItem,
  toStoredRecommendationSet,
} from '#functions/adapters/dynamodb/recommendation-items';
import { normaliseSequencer } from '#functions/adapters/dynamodb/uploads';
import { compareSequencers } from '#functions/shared/s3-events';

const hex = fc.stringMatching(/^[0-9A-Fa-f]{1,20}$/);

describe('S3 sequencer normalisation', () => {
  it('orders normalised sequencers by the S3 rule (right-pad with zeros, then compare)', () => {
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        const byValue = Math.sign(compareSequencers(a, b));
        const na = normaliseSequencer(a);
        const nb = normaliseSequencer(b);
        expect(Math.sign(na < nb ? -1 : na > nb ? 1 : 0)).toBe(byValue);
      }),
    );
  });

  it('refuses what is not hexadecimal', () => {
    expect(() => normaliseSequencer('')).toThrow(ValidationError);
    expect(() => normaliseSequencer('12G4')).toThrow(ValidationError);
    expect(() => normaliseSequencer('1'.repeat(33))).toThrow(ValidationError);
  });
});

describe('candidate list merge', () => {
  const candidate = fc.record({
    youthId: fc.stringMatching(/^Y[0-9A-Z]{1,4}$/),
    score: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((s) => Math.round(s * 1e4) / 1e4),
    rank: fc.integer({ min: 1, max: 20 }),
  });
  const byYouth = <C extends { youthId: string }>(list: C[]) => new Map(list.map((c) => [c.youthId, c]));

  it('keeps higher scores first and equal scores in youth-id order, capped, the cut counted', () => {
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 30 }),
        fc.array(candidate, { maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        (current, upserts, cap) => {
          const existing = [...byYouth(current).values()];
          const merged = mergeCandidateList(existing, byYouth(upserts), cap);
          const all = new Set([...existing, ...upserts].map((c) => c.youthId));
          expect(merged.entries).toHaveLength(Math.min(cap, all.size));
          expect(merged.counts.candidateEntriesOverCap).toBe(Math.max(0, all.size - cap));
          merged.entries.slice(1).forEach((b, i) => {
            const a = merged.entries[i]!;
            expect(a.score > b.score || (a.score === b.score && a.youthId < b.youthId)).toBe(true);
          });
        },
      ),
    );
  });

  it('brings the given youth in line, leaves the others, and says when nothing changed', () => {
    const current = [
      { youthId: 'Y1', score: 0.9, rank: 1 },
      { youthId: 'Y2', score: 0.5, rank: 3 },
      { youthId: 'Y4', score: 0.05, rank: 9 },
    ];
    const merged = mergeCandidateList(
      current,
      new Map([
        ['Y2', { youthId: 'Y2', score: 0.95, rank: 1 }],
        ['Y3', { youthId: 'Y3', score: 0.1, rank: 2 }],
        ['Y1', undefined],
        ['Y9', undefined],
      ]),
    );
    expect(merged.entries.map((c) => c.youthId)).toEqual(['Y2', 'Y3', 'Y4']);
    expect(merged.counts).toMatchObject({
      candidateEntriesAdded: 1,
      candidateEntriesUpdated: 1,
      candidateEntriesRemoved: 1,
    });
    const same = mergeCandidateList(
      current,
      new Map([
        ['Y1', { youthId: 'Y1', score: 0.9, rank: 1 }],
        ['Y7', undefined],
      ]),
    );
    expect(same.changed).toBe(false);
  });
});

describe('stored set items', () => {
  const item = <S extends RecommendationSet>(set: S) =>
    toSetItem({
      set,
      serialised: serialiseSet(set),
      opportunities: [],
      pendingRemovals: [],
      session: 's',
    });

  it('round-trip any set through the deflated document, asOf from the item', () => {
    const ranked = fc.record({
      opportunityId: fc.string(),
      score: fc.double({ noNaN: true, noDefaultInfinity: true }),
    });
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(ranked, { maxLength: 10 }),
        fc.array(fc.string()),
        (youthId, jobs, flags) => {
          const set = { youthId, asOf: '2026-11-01', configVersion: 'v1', jobs, trainings: [], flags };
          const stored = item(set);
          expect(stored.document).toBeInstanceOf(Uint8Array);
          expect(toStoredRecommendationSet(stored)).toEqual({
            set: JSON.parse(JSON.stringify(set)),
            contentHash: serialiseSet(set).contentHash,
          });
        },
      ),
    );
  });
});

describe('recommendation content hash', () => {
  const set = {
    youthId: 'Y1',
    asOf: '2026-11-01',
    configVersion: 'weights-v1',
    jobs: [{ opportunityId: 'V1', score: 0.8, explanation: { id: 'a', en: 'b' } }],
    trainings: [],
  };

  const contentHash = (s: RecommendationSet) => serialiseSet(s).contentHash;

  it('ignores the reference date', () => {
    expect(contentHash({ ...set, asOf: '2027-01-01' })).toBe(contentHash(set));
  });

  it('changes with any score, explanation, order or configuration change', () => {
    const variants = [
      { ...set, jobs: [{ ...set.jobs[0]!, score: 0.81 }] },
      { ...set, jobs: [{ ...set.jobs[0]!, explanation: { id: 'a', en: 'c' } }] },
      { ...set, configVersion: 'weights-v2' },
      { ...set, jobs: [...set.jobs, { opportunityId: 'V2', score: 0.1, explanation: { id: '', en: '' } }] },
    ];
    const hashes = new Set([set, ...variants].map(contentHash));
    expect(hashes.size).toBe(variants.length + 1);
  });
});

describe('cursors and page limits', () => {
  it('round-trips a LastEvaluatedKey and refuses anything else', () => {
    const key = { pk: 'YOUTH#Y1', sk: 'PROFILE', gsi1pk: 'DISTRICT#3374', gsi1sk: 'YOUTH#Y1' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(encodeCursor(undefined)).toBeUndefined();
    for (const bad of [
      '%%%',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"pk":1}').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(ValidationError);
    }
  });

  it('defaults the page size to 50 and allows 1 to 100', () => {
    expect(pageLimit(undefined)).toBe(50);
    expect(pageLimit({ limit: 1 })).toBe(1);
    expect(pageLimit({ limit: 100 })).toBe(100);
    for (const limit of [0, 101, 2.5, -1]) expect(() => pageLimit({ limit })).toThrow(ValidationError);
  });
});

describe('the recommendation port', () => {
  it('takes the matcher output as a recommendation set without conversion', () => {
    expectTypeOf<YouthRecommendations>().toExtend<RecommendationSet>();
  });
});
