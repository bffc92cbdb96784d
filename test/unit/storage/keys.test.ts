import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import type { YouthRecommendations } from '#core/matching/types';
import type { RecommendationSet } from '#core/ports';
import { decodeCursor, encodeCursor, pageLimit } from '#functions/adapters/dynamodb/common';
import { contentHash, recommendationKeys } from '#functions/adapters/dynamodb/recommendations';
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

describe('candidate sort key', () => {
  it('sorts higher scores first and equal scores by youth id', () => {
    const score = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((s) => Math.round(s * 1e4) / 1e4);
    const youthId = fc.stringMatching(/^Y[0-9A-Z]{1,8}$/);
    fc.assert(
      fc.property(score, youthId, score, youthId, (sa, ya, sb, yb) => {
        fc.pre(ya !== yb);
        const ka = recommendationKeys.byScore(sa, ya);
        const kb = recommendationKeys.byScore(sb, yb);
        const expected = sa !== sb ? sa > sb : ya < yb;
        expect(ka < kb).toBe(expected);
      }),
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

  it('ignores the reference date and the order of object keys', () => {
    const reordered = {
      trainings: [],
      jobs: [{ explanation: { en: 'b', id: 'a' }, score: 0.8, opportunityId: 'V1' }],
      configVersion: 'weights-v1',
      asOf: '2027-01-01',
      youthId: 'Y1',
    };
    expect(contentHash(reordered)).toBe(contentHash(set));
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
