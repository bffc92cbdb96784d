import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type BestYouth, type CandidateLists } from '#core/matching/allocation';
import { matchAll } from '#core/matching/index';
import { feasibleYouthCounts } from '#core/matching/match';
import { opportunityListArb, youthListArb } from './arbitraries.ts';
import { job, options, youth } from './fixtures.ts';

/** Candidate lists from rows of [opportunity, units], best first. */
function lists(rows: [number, number][][], depth = 4): CandidateLists {
  const out: CandidateLists = {
    youth: rows.length,
    depth,
    opportunity: new Int32Array(rows.length * depth),
    units: new Int32Array(rows.length * depth),
    count: new Int32Array(rows.length),
  };
  rows.forEach((row, y) => {
    row.forEach(([o, u], i) => {
      out.opportunity[y * depth + i] = o;
      out.units[y * depth + i] = u;
    });
    out.count[y] = row.length;
  });
  return out;
}

/** Per opportunity its best youth from the same lists (what the kernel keeps). */
function bestOf(l: CandidateLists, n: number, depth = 4): BestYouth {
  const best: BestYouth = {
    depth,
    youth: new Int32Array(n * depth),
    units: new Int32Array(n * depth),
    count: new Int32Array(n),
  };
  for (let o = 0; o < n; o++) {
    const entries: [number, number][] = [];
    for (let y = 0; y < l.youth; y++) {
      for (let i = 0; i < l.count[y]!; i++) {
        if (l.opportunity[y * l.depth + i] === o) entries.push([y, l.units[y * l.depth + i]!]);
      }
    }
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    entries.slice(0, depth).forEach(([y, u], i) => {
      best.youth[o * depth + i] = y;
      best.units[o * depth + i] = u;
    });
    best.count[o] = Math.min(depth, entries.length);
  }
  return best;
}

function run(
  rows: [number, number][][],
  capacity: number[],
  slots: number,
  loadFactor = 1,
  maxLoadFactor = 1,
) {
  const l = lists(rows);
  const feasible = capacity.map((_, o) => rows.filter((r) => r.some(([x]) => x === o)).length);
  return allocate({
    lists: l,
    bestYouth: bestOf(l, capacity.length),
    capacity,
    feasible,
    slots,
    loadFactor,
    maxLoadFactor,
    youthRank: rows.map((_, y) => y),
  });
}

describe('allocate', () => {
  it('keeps the best proposers within display capacity; the released youth take their next choice', () => {
    // Three youth all prefer opportunity 0 (1 opening); one slot each; mean load 3 / 2 openings.
    // Display capacity of 0 = floor(1 x 1.5 x 1) = 1: the best-scoring youth 1 keeps it.
    const a = run(
      [
        [
          [0, 800],
          [1, 700],
        ],
        [
          [0, 900],
          [1, 600],
        ],
        [
          [0, 850],
          [1, 500],
        ],
      ],
      [1, 1],
      1,
    );
    expect(Array.from(a.displayCapacity)).toEqual([1, 1]);
    expect(Array.from(a.heldCount)).toEqual([1, 1, 0]);
    expect(a.held[1]).toBe(0);
    expect(a.held[0]).toBe(1);
    expect(Array.from(a.load)).toEqual([1, 1]);
  });

  it('a first choice beyond the display capacity is kept in the reserve up to the maximum load', () => {
    // Opportunity 1 is nobody's candidate (floor 0). Mean load 2 slots / 2 openings = 1: display 1,
    // reserve floor(2 x 1) - 1 = 1, so the youth outscored at opportunity 0 still keeps it.
    const a = run([[[0, 800]], [[0, 900]]], [1, 1], 1, 1, 2);
    expect(Array.from(a.reserve)).toEqual([1, 1]);
    expect(Array.from(a.load)).toEqual([2, 0]);
  });

  it('an opportunity below its floor is shown to its best youth in place of a recommendation that has room to spare', () => {
    const a = run(
      [
        [
          [0, 800],
          [1, 700],
        ],
        [
          [0, 900],
          [1, 600],
        ],
      ],
      [1, 1],
      1,
      1,
      2,
    );
    expect(Array.from(a.load)).toEqual([1, 1]);
    expect(a.held[0]).toBe(1);
    expect(a.held[1]).toBe(0);
  });

  it('a youth left with nothing takes a place from a youth who holds more than one', () => {
    // Display capacity 1 each (mean load 3 / 3 = 1). Youth 0 outscores youth 1 at both 0 and 1 and
    // holds them; youth 1 is left with nothing, then takes opportunity 0 from youth 0.
    const a = run(
      [
        [
          [0, 900],
          [1, 800],
        ],
        [
          [0, 500],
          [1, 400],
        ],
      ],
      [1, 1, 1],
      2,
    );
    expect(Array.from(a.heldCount)).toEqual([1, 1]);
    expect(a.held[2]).toBe(0);
  });

  it('never exceeds display capacity plus reserve, holds only candidates, and is deterministic', () => {
    const rowsArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc
        .array(
          fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: 50 })), {
            selector: ([o]) => o,
            maxLength: 4,
          }),
          { minLength: 1, maxLength: 12 },
        )
        .map((rows) => ({ n, rows: rows.map((r) => [...r].sort((a, b) => b[1] - a[1] || a[0] - b[0])) })),
    );
    fc.assert(
      fc.property(
        rowsArb,
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        ({ n, rows }, caps, slots) => {
          const capacity = caps.slice(0, n);
          const a = run(rows, capacity, slots, 1.5, 3);
          const b = run(rows, capacity, slots, 1.5, 3);
          expect(a).toEqual(b);
          for (let o = 0; o < n; o++)
            expect(a.load[o]).toBeLessThanOrEqual(a.displayCapacity[o]! + a.reserve[o]!);
          rows.forEach((row, y) => {
            const held = Array.from(a.held.subarray(y * slots, y * slots + a.heldCount[y]!));
            expect(held.length).toBeLessThanOrEqual(slots);
            expect(new Set(held).size).toBe(held.length);
            for (const o of held) expect(row.some(([x]) => x === o)).toBe(true);
          });
        },
      ),
    );
  });
});

describe('matching with allocation', () => {
  it('gives the same sets whatever the youth order, and stays within the maximum load', () => {
    fc.assert(
      fc.property(youthListArb, opportunityListArb, (people, opportunities) => {
        const on = { ...options(), allocate: true, limitJobs: 2, limitTrainings: 1 };
        const forward = matchAll(people, opportunities, on);
        const backward = matchAll([...people].reverse(), opportunities, on).reverse();
        expect(backward.map((r) => r.jobs.map((j) => j.opportunityId))).toEqual(
          forward.map((r) => r.jobs.map((j) => j.opportunityId)),
        );
        const feasible = feasibleYouthCounts(people, opportunities, on);
        for (const o of opportunities) {
          const shown = forward.filter((r) => r.jobs.some((j) => j.opportunityId === o.id)).length;
          if (o.kind === 'job' && feasible.has(`job:${o.id}`)) {
            // Never more than the maximum load (5 x mean load) per opening, at least one place.
            const mean = forward.reduce((s, r) => s + r.jobs.length, 0) / Math.max(1, o.capacity);
            expect(shown).toBeLessThanOrEqual(Math.max(o.capacity, Math.ceil(5 * mean * o.capacity), 1));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('spreads youth over openings instead of showing one popular vacancy to everyone', () => {
    const popular = job({ id: 'V-POP', capacity: 1, riasec: [7, 1, 1, 1, 1, 1] });
    const others = Array.from({ length: 10 }, (_, i) =>
      job({ id: `V-${String(i).padStart(2, '0')}`, capacity: 1, riasec: [6, 2, 1, 1, 1, 1] }),
    );
    const people = Array.from({ length: 20 }, (_, i) =>
      youth({ youthId: `Y${String(i).padStart(2, '0')}`, interestProfile: [1, 0, 0, 0, 0, 0] }),
    );
    const off = matchAll(people, [popular, ...others], { ...options(), limitJobs: 1, limitTrainings: 0 });
    const on = matchAll(people, [popular, ...others], {
      ...options(),
      limitJobs: 1,
      limitTrainings: 0,
      allocate: true,
    });
    const count = (sets: typeof on, id: string) => sets.filter((r) => r.jobs[0]?.opportunityId === id).length;
    expect(count(off, 'V-POP')).toBe(20);
    // 20 slots over 11 openings: mean load 1.82; display floor(1.8 x 1.82) = 3, with the first-choice
    // reserve at most floor(5 x 1.82) = 9; every other opening is shown to at least one youth.
    expect(count(on, 'V-POP')).toBe(9);
    for (const o of others) expect(count(on, o.id)).toBeGreaterThanOrEqual(1);
    expect(on.every((r) => r.jobs.length === 1)).toBe(true);
  });
});
