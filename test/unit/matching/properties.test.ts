import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { YouthProfile } from '#core/domain/profiles';
import { matchAll, matchInBlocks, type Recommendation, topCandidates } from '#core/matching/index';
import { opportunityListArb, SKILLS, youthListArb } from './arbitraries.ts';
import { matchBruteForce } from './brute-force.ts';
import { options } from './fixtures.ts';

const RUNS = { numRuns: 150 };

function ranking(list: { opportunityId: string; score: number }[]) {
  return list.map((r) => `${r.opportunityId}@${r.score}`);
}

function allRecommendations(results: ReturnType<typeof matchAll>): Recommendation[] {
  return results.flatMap((r) => [...r.jobs, ...r.trainings]);
}

/** A youth whose gender cannot be read: any read fails the test. */
function genderless(youth: YouthProfile): YouthProfile {
  return new Proxy(youth, {
    get(target, property, receiver) {
      if (property === 'gender') throw new Error('the matcher read gender');
      return Reflect.get(target, property, receiver);
    },
  });
}

describe('matching properties', () => {
  it('scores lie in 0..1 and the components add up to the score', () => {
    fc.assert(
      fc.property(youthListArb, opportunityListArb, (youth, opportunities) => {
        for (const r of allRecommendations(matchAll(youth, opportunities, options()))) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          const { interest, aptitude, skills, reach } = r.components;
          expect(Math.round((interest + aptitude + skills + reach) * 10_000) / 10_000).toBe(r.score);
          for (const c of [interest, aptitude, skills, reach]) expect(c).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('the blocked matcher returns the same top-K as the brute-force reference, ties included', () => {
    fc.assert(
      fc.property(
        youthListArb,
        opportunityListArb,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        (youth, opportunities, limitJobs, limitTrainings) => {
          const opts = { ...options(), limitJobs, limitTrainings };
          const fast = matchAll(youth, opportunities, opts);
          const plain = matchBruteForce(youth, opportunities, opts);
          fast.forEach((result, i) => {
            expect(result.youthId).toBe(plain[i]!.youthId);
            expect(ranking(result.jobs)).toEqual(ranking(plain[i]!.jobs));
            expect(ranking(result.trainings)).toEqual(ranking(plain[i]!.trainings));
            expect(result.jobs.map((j) => j.components)).toEqual(plain[i]!.jobs.map((j) => j.components));
          });
        },
      ),
      RUNS,
    );
  });

  it('never reads gender, and swapping gender changes no score or ranking', () => {
    fc.assert(
      fc.property(youthListArb, opportunityListArb, (youth, opportunities) => {
        const before = matchAll(youth, opportunities, options());
        const swapped = youth.map((y) => ({
          ...y,
          gender: y.gender === 'F' ? ('M' as const) : ('F' as const),
        }));
        expect(matchAll(swapped, opportunities, options())).toEqual(before);
        expect(matchAll(youth.map(genderless), opportunities, options())).toEqual(before);
        for (const o of opportunities.slice(0, 3)) {
          expect(() => topCandidates(o, youth.map(genderless), options())).not.toThrow();
        }
      }),
      RUNS,
    );
  });

  it('adding a skill a vacancy requires never lowers that vacancy score', () => {
    fc.assert(
      fc.property(
        youthListArb,
        opportunityListArb,
        fc.constantFrom(...SKILLS),
        (youth, opportunities, skill) => {
          const y = youth[0]!;
          for (const o of opportunities) {
            if (!o.skills.includes(skill) || y.skills.includes(skill)) continue;
            const before = topCandidates(o, [y], options());
            const after = topCandidates(o, [{ ...y, skills: [...y.skills, skill] }], options());
            expect(after.length).toBe(before.length);
            if (o.kind === 'job' && before[0])
              expect(after[0]!.score).toBeGreaterThanOrEqual(before[0].score);
          }
        },
      ),
      RUNS,
    );
  });

  it('same input, same output; input order of opportunities does not matter', () => {
    fc.assert(
      fc.property(youthListArb, opportunityListArb, fc.nat(), (youth, opportunities, shift) => {
        const first = matchAll(youth, opportunities, options());
        expect(matchAll(youth, opportunities, options())).toEqual(first);
        const k = shift % opportunities.length;
        const reordered = [...opportunities.slice(k), ...opportunities.slice(0, k)].reverse();
        expect(matchAll(youth, reordered, options())).toEqual(first);
      }),
      RUNS,
    );
  });

  it('streaming in small blocks gives identical results', () => {
    fc.assert(
      fc.property(
        youthListArb,
        opportunityListArb,
        fc.integer({ min: 1, max: 5 }),
        (youth, opportunities, size) => {
          const kernel = matchAll(youth, opportunities, options());
          expect([...matchInBlocks(youth, opportunities, options(), size)].flat()).toEqual(kernel);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the reverse query ranks by score then youth id, with the same scores as the forward match', () => {
    fc.assert(
      fc.property(youthListArb, opportunityListArb, (youth, opportunities) => {
        const job = opportunities[0]!;
        const candidates = topCandidates(job, youth, options());
        for (let i = 1; i < candidates.length; i++) {
          const [a, b] = [candidates[i - 1]!, candidates[i]!];
          expect(a.score > b.score || (a.score === b.score && a.youthId < b.youthId)).toBe(true);
        }
        const forward = matchAll(youth, [job], options());
        const expected = forward
          .map((r) => ({ youthId: r.youthId, rec: [...r.jobs, ...r.trainings][0] }))
          .filter((r) => r.rec !== undefined);
        expect(new Map(candidates.map((c) => [c.youthId, c.score]))).toEqual(
          new Map(expected.map((r) => [r.youthId, r.rec!.score])),
        );
      }),
      RUNS,
    );
  });
});
