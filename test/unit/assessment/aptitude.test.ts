import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AptitudeItem,
  generateAptitudeSections,
  publicSection,
  SECTION_SIZES,
  scoreAptitudeAnswers,
  TIME_LIMITS_SECONDS,
} from '#core/assessment/aptitude';
import { ValidationError } from '#core/domain/errors';
import { defaultAptitudeNorms, percentileFor } from '#core/scoring/norms';

const SEED = '5eed00aa11223344';
const seeds = fc.stringMatching(/^[0-9a-f]{16}$/);

const amount = (text: string) => Number(text.replace(/\./g, ''));

/**
 * Solves a numerical item from its Indonesian text alone, independently of the generator: if the
 * key points at this answer, the key is right.
 */
function solve(text: string): number {
  let m = /^(\d+) \S+ .+ harganya Rp ([\d.]+)\. Berapa harga (\d+) /.exec(text);
  if (m) return (amount(m[2]!) / Number(m[1])) * Number(m[3]);
  m = /seharga Rp ([\d.]+) didiskon (\d+)%/.exec(text);
  if (m) return amount(m[1]!) - (amount(m[1]!) * Number(m[2])) / 100;
  m = /membeli (\d+) bungkus nasi @ Rp ([\d.]+) dan membayar Rp ([\d.]+)\./.exec(text);
  if (m) return amount(m[3]!) - Number(m[1]) * amount(m[2]!);
  m = /^Lanjutkan deret ini: ([\d, ]+), \.\.\.$/.exec(text);
  if (m) {
    const t = m[1]!.split(', ').map(Number);
    const [a, b, c] = t.slice(-3) as [number, number, number];
    return b - a === c - b ? c + (c - b) : c * (c / b);
  }
  m = /menyelesaikan (\d+) kaos dalam 1 jam\. Berapa kaos dalam (\d+) jam/.exec(text);
  if (m) return Number(m[1]) * Number(m[2]);
  m = /Upah harian Rp ([\d.]+)\. Berapa upah untuk (\d+) hari/.exec(text);
  if (m) return amount(m[1]!) * Number(m[2]);
  m = /^(\d+) orang mengecat sebuah rumah dalam (\d+) hari\. Berapa hari jika dikerjakan (\d+) orang/.exec(
    text,
  );
  if (m) return (Number(m[1]) * Number(m[2])) / Number(m[3]);
  throw new Error(`no solver for: ${text}`);
}

const keysOf = (items: readonly AptitudeItem[]) => items.map((item) => item.key);

describe('on-screen aptitude items', () => {
  it('are the same for the same seed and differ between seeds', () => {
    fc.assert(
      fc.property(seeds, seeds, (a, b) => {
        expect(generateAptitudeSections(a)).toEqual(generateAptitudeSections(a));
        if (a.slice(0, 8) !== b.slice(0, 8)) {
          expect(generateAptitudeSections(a)).not.toEqual(generateAptitudeSections(b));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('have numerical keys that point at the answer worked out from the text', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const [numerical] = generateAptitudeSections(seed);
        expect(numerical!.items).toHaveLength(SECTION_SIZES.numerical);
        for (const item of numerical!.items) {
          const options = item.options as number[];
          expect(new Set(options).size).toBe(4);
          expect(options.every((o) => Number.isInteger(o) && o > 0)).toBe(true);
          expect(options[item.key]).toBe(solve(item.text.id));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('have clerical keys "same" exactly when the two lines are equal, half of them each way', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const clerical = generateAptitudeSections(seed)[1]!;
        expect(clerical.items).toHaveLength(SECTION_SIZES.clerical);
        for (const item of clerical.items) {
          const [left, right] = item.pair!;
          expect(item.key).toBe(left === right ? 0 : 1);
        }
        expect(clerical.items.filter((i) => i.key === 1)).toHaveLength(SECTION_SIZES.clerical / 2);
      }),
      { numRuns: 200 },
    );
  });

  it('reach the device without the answer key', () => {
    const sections = generateAptitudeSections(SEED).map(publicSection);
    expect(JSON.stringify(sections)).not.toMatch(/"key"/);
    expect(sections[0]!.items[0]).toEqual({ ...generateAptitudeSections(SEED)[0]!.items[0], key: undefined });
  });
});

describe('scoring on-screen answers', () => {
  const [numerical, clerical] = generateAptitudeSections(SEED) as [
    ReturnType<typeof generateAptitudeSections>[0],
    ReturnType<typeof generateAptitudeSections>[0],
  ];

  it('counts a known answer set: 8 of 10 numerical, 15 of 20 clerical (blanks are wrong)', () => {
    const numericalAnswers = keysOf(numerical.items).map((key, i) =>
      i < 8 ? key : i === 8 ? (key + 1) % 4 : null,
    );
    const clericalAnswers = keysOf(clerical.items).map((key, i) => (i < 15 ? key : 1 - key));
    const counts = scoreAptitudeAnswers(SEED, {
      numerical: { answers: numericalAnswers, elapsedMs: 200_000 },
      clerical: { answers: clericalAnswers, elapsedMs: 119_000 },
    });
    expect(counts).toEqual({ numerical: { correct: 8, total: 10 }, clerical: { correct: 15, total: 20 } });
    // On the subtests' existing scale: 0.8 numerical is the 88th percentile, 0.75 clerical halfway from 53 to 71.
    expect(percentileFor(defaultAptitudeNorms, 'numerical', 0.8).percentile).toBe(88);
    expect(percentileFor(defaultAptitudeNorms, 'clerical', 0.75).percentile).toBe(62);
  });

  it('scores only the sections given', () => {
    expect(scoreAptitudeAnswers(SEED, {})).toEqual({});
    const all = keysOf(clerical.items);
    expect(scoreAptitudeAnswers(SEED, { clerical: { answers: all, elapsedMs: 1 } })).toEqual({
      clerical: { correct: 20, total: 20 },
    });
  });

  it('refuses answers no device running the app can produce', () => {
    const issues = (answers: Parameters<typeof scoreAptitudeAnswers>[1]) => {
      try {
        scoreAptitudeAnswers(SEED, answers);
      } catch (error) {
        return (error as ValidationError).issues.map((i) => i.field);
      }
      return [];
    };
    expect(issues({ numerical: { answers: [1, 2], elapsedMs: 1 } })).toEqual(['aptitude.numerical.answers']);
    expect(
      issues({
        clerical: { answers: keysOf(clerical.items), elapsedMs: (TIME_LIMITS_SECONDS.clerical + 60) * 1000 },
      }),
    ).toEqual(['aptitude.clerical.elapsedMs']);
    const outOfRange = keysOf(clerical.items).map((k, i) => (i === 3 ? 2 : k));
    expect(issues({ clerical: { answers: outOfRange, elapsedMs: 1 } })).toEqual([
      'aptitude.clerical.answers.3',
    ]);
    expect(() => scoreAptitudeAnswers(SEED, { clerical: { answers: outOfRange, elapsedMs: 1 } })).toThrow(
      ValidationError,
    );
  });
});
