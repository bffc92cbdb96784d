import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateFromDayNumber, yearsBefore } from '#cli/demo/dates';
import { ageOn, dayNumber } from '#core/domain/calendar';
import { SeededRandom } from '#core/domain/seeded-random';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 50 }, () => random.float());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('gives each named stream its own sequence', () => {
    const a = SeededRandom.stream(1, 'assessments');
    const b = SeededRandom.stream(1, 'vacancies');
    expect(Array.from({ length: 5 }, () => a.float())).not.toEqual(
      Array.from({ length: 5 }, () => b.float()),
    );
  });

  it('keeps floats in [0, 1) and integers within their inclusive bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: -50, max: 50 }),
        fc.nat(100),
        (seed, min, width) => {
          const random = new SeededRandom(seed);
          for (let i = 0; i < 20; i++) {
            const f = random.float();
            const n = random.int(min, min + width);
            expect(f >= 0 && f < 1).toBe(true);
            expect(Number.isInteger(n) && n >= min && n <= min + width).toBe(true);
          }
        },
      ),
    );
  });

  it('reaches both ends of an integer range', () => {
    const random = new SeededRandom(3);
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('draws weighted values in proportion to their weights', () => {
    const random = new SeededRandom(11);
    const draws = Array.from({ length: 20_000 }, () =>
      random.weighted([
        { value: 'a', weight: 3 },
        { value: 'b', weight: 1 },
        { value: 'never', weight: 0 },
      ]),
    );
    const shareA = draws.filter((d) => d === 'a').length / draws.length;
    expect(shareA).toBeGreaterThan(0.73);
    expect(shareA).toBeLessThan(0.77);
    expect(draws).not.toContain('never');
  });

  it('samples distinct items and never more than there are', () => {
    const random = new SeededRandom(5);
    const sample = random.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    expect(random.sample([1, 2], 5).sort()).toEqual([1, 2]);
  });

  it('draws normals with the requested mean and spread', () => {
    const random = new SeededRandom(9);
    const xs = Array.from({ length: 20_000 }, () => random.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
  });

  it('refuses an empty pick and weights that sum to nothing', () => {
    const random = new SeededRandom(1);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.weighted([{ value: 1, weight: 0 }])).toThrow(RangeError);
  });
});

describe('demo calendar helpers', () => {
  it('turns a day number back into the same date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (days) => {
        expect(dayNumber(dateFromDayNumber(days))).toBe(days);
      }),
    );
    expect(dateFromDayNumber(0)).toBe('1970-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('moves a date whole years back, 29 February landing on 28 February', () => {
    expect(yearsBefore('2026-12-01', 18)).toBe('2008-12-01');
    expect(yearsBefore('2028-02-29', 17)).toBe('2011-02-28');
    expect(ageOn(yearsBefore('2028-02-29', 18), '2028-02-29')).toBe(18);
  });
});
