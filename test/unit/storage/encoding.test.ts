import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListedCandidate, SetOpportunity } from '#core/matching/candidate-lists';
import { assertItemSize, itemBytes, MAX_ITEM_BYTES } from '#functions/adapters/dynamodb/common';
import {
  decodeCandidates,
  decodeSetOpportunities,
  encodeCandidates,
  encodeSetOpportunities,
  membershipOf,
  toErasureMarker,
  toSetSlot,
} from '#functions/adapters/dynamodb/recommendation-items';

// Any text, separators, quotes and astral characters included: ids are not restricted upstream.
const text = fc.string({ unit: 'binary', maxLength: 24 });
const score = fc.double({ noNaN: true, noDefaultInfinity: true }).map((s) => (Object.is(s, -0) ? 0 : s));
const rank = fc.integer({ min: 1, max: 2_000 });

const storedCandidate: fc.Arbitrary<ListedCandidate> = fc
  .record({ youthId: text, score, rank, district: fc.option(text, { nil: undefined }) })
  .map(({ district, ...rest }) => (district === undefined ? rest : { ...rest, district }));

const setOpportunity: fc.Arbitrary<SetOpportunity> = fc.record({
  kind: fc.constantFrom('job' as const, 'training' as const),
  id: text,
  score,
  rank,
});

describe('candidate list and set opportunity encoding', () => {
  it('round-trips any candidate list through one string, order and absent districts kept', () => {
    fc.assert(
      fc.property(fc.array(storedCandidate, { maxLength: 40 }), (entries) => {
        const encoded = encodeCandidates(entries);
        expect(typeof encoded).toBe('string');
        const decoded = decodeCandidates(encoded);
        expect(decoded).toEqual(entries);
        // toEqual ignores an undefined property; a stored entry must not gain or lose one.
        decoded.forEach((entry, i) => {
          expect(Object.keys(entry).sort()).toEqual(Object.keys(entries[i] ?? {}).sort());
        });
      }),
    );
  });

  it('round-trips any set opportunity list through one string', () => {
    fc.assert(
      fc.property(fc.array(setOpportunity, { maxLength: 40 }), (opportunities) => {
        expect(decodeSetOpportunities(encodeSetOpportunities(opportunities))).toEqual(opportunities);
      }),
    );
  });

  it('keeps an entry without a district without one', () => {
    const [entry] = decodeCandidates(encodeCandidates([{ youthId: 'Y1', score: 0.5, rank: 2 }]));
    expect(entry).toEqual({ youthId: 'Y1', score: 0.5, rank: 2 });
    expect(entry).not.toHaveProperty('district');
  });

  it('reads an absent attribute as an empty list and refuses what it did not write', () => {
    expect(decodeCandidates(undefined)).toEqual([]);
    expect(decodeSetOpportunities(undefined)).toEqual([]);
    expect(() => decodeCandidates('{"youthId":"Y1"}')).toThrow(/not in the format/);
    expect(() => decodeCandidates('[[1,0.5,1]]')).toThrow(/not in the format/);
    expect(() => decodeCandidates(42)).toThrow(/not in the format/);
    expect(() => decodeSetOpportunities('[["vacancy","V1",0.5,1]]')).toThrow(/not in the format/);
    expect(() => decodeSetOpportunities('not json')).toThrow(SyntaxError);
  });

  it('reads a set item key as a set, an erasure marker or nothing; only a set puts the youth on lists', () => {
    const opportunities: SetOpportunity[] = [
      { kind: 'job', id: 'V1', score: 0.8, rank: 1 },
      { kind: 'training', id: 'T1', score: 0.4, rank: 1 },
    ];
    const set = toSetSlot({
      youthId: 'Y\t1',
      contentHash: 'h',
      district: '3374',
      opportunities: encodeSetOpportunities(opportunities),
      pendingRemovals: encodeSetOpportunities([{ kind: 'job', id: 'V9', score: 0.3, rank: 4 }]),
    });
    expect(set).toEqual({
      state: 'set',
      summary: {
        contentHash: 'h',
        district: '3374',
        opportunities,
        pendingRemovals: [{ kind: 'job', id: 'V9', score: 0.3, rank: 4 }],
      },
    });
    expect(membershipOf(set)).toEqual({ opportunities, district: '3374' });
    const erased = toSetSlot(toErasureMarker('Y\t1', '2026-11-30T10:00:00.000Z', opportunities));
    expect(erased).toEqual({
      state: 'erased',
      erasedAt: '2026-11-30T10:00:00.000Z',
      pendingRemovals: opportunities,
    });
    expect(membershipOf(erased)).toBeUndefined();
    expect(membershipOf(toSetSlot(undefined))).toBeUndefined();
  });
});

describe('item size as DynamoDB counts it', () => {
  it('counts names and UTF-8 values, binary by its bytes, numbers at their maximum', () => {
    expect(itemBytes({ pk: 'abc' })).toBe(3 + 2 + 1 + 3);
    expect(itemBytes({ name: 'é' })).toBe(3 + 4 + 1 + 2);
    expect(itemBytes({ doc: new Uint8Array(1000) })).toBe(3 + 3 + 1 + 1000);
    expect(itemBytes({ n: 1 })).toBe(3 + 1 + 1 + 21);
    expect(itemBytes({ l: ['a', 'b'] })).toBe(3 + 1 + 1 + (3 + 2 + 2));
  });

  it('refuses an item over the budget by its binary size, not its JSON size', () => {
    const small = { pk: 'p', document: new Uint8Array(100 * 1024) };
    // As JSON a Uint8Array of 100 KB is several times larger than 350 KB.
    expect(Buffer.byteLength(JSON.stringify(small))).toBeGreaterThan(MAX_ITEM_BYTES);
    expect(() => assertItemSize(small, 'small')).not.toThrow();
    expect(() => assertItemSize({ pk: 'p', document: new Uint8Array(MAX_ITEM_BYTES) }, 'big')).toThrow(
      /exceeds the 358400-byte item budget/,
    );
  });
});
