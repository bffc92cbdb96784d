import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchAll, topCandidates } from '#core/matching/index';
import { opportunityListArb, youthListArb } from './arbitraries.ts';
import { job, options, training, youth } from './fixtures.ts';

const walking = youth({ disability: { walking: 3 } });

describe('accessibility states', () => {
  it('unknown does not exclude: it costs part of reach, is flagged and the explanation says to confirm', () => {
    const [unknown] = matchAll([walking], [job()], options());
    const [stated] = matchAll([walking], [job({ accessibleFor: ['walking'] })], options());
    const [adjustable] = matchAll([walking], [job({ adjustableFor: ['walking'] })], options());
    const u = unknown!.jobs[0]!;
    expect(u.flags).toContain('accessibility_unconfirmed');
    expect(u.explanation.en).toContain('confirm with the employer');
    expect(u.explanation.id).toContain('konfirmasikan dengan pemberi kerja');
    // Same place, reach 1 x 0.15; unknown keeps 80% of it.
    expect(stated!.jobs[0]!.components.reach).toBe(0.15);
    expect(u.components.reach).toBe(0.12);
    expect(stated!.jobs[0]!.flags).toContain('accessibility_stated');
    expect(stated!.jobs[0]!.explanation.en).toContain('accessible for your needs');
    expect(adjustable!.jobs[0]!.flags).toContain('accessibility_adjustable');
    expect(adjustable!.jobs[0]!.components.reach).toBe(0.15);
  });

  it('explicitly not accessible excludes, also when listed accessible as well', () => {
    for (const o of [
      job({ notAccessibleFor: ['walking'] }),
      job({ notAccessibleFor: ['walking'], accessibleFor: ['walking'] }),
    ]) {
      expect(matchAll([walking], [o], options())[0]!.jobs).toHaveLength(0);
    }
    expect(
      matchAll([walking], [training({ notAccessibleFor: ['walking'] })], options())[0]!.trainings,
    ).toHaveLength(0);
    // A need the youth does not have is no reason to exclude.
    expect(matchAll([youth()], [job({ notAccessibleFor: ['walking'] })], options())[0]!.jobs).toHaveLength(1);
  });

  it('explicit "not accessible" always excludes; unknown accessibility never hides a youth\'s only options', () => {
    fc.assert(
      fc.property(youthListArb, opportunityListArb, (people, opportunities) => {
        const all = matchAll(people, opportunities, { ...options(), limitJobs: 50, limitTrainings: 50 });
        // The same opportunities with every accessibility statement removed: nothing is hidden.
        const unstated = opportunities.map((o) => ({
          ...o,
          accessibleFor: [],
          adjustableFor: [],
          notAccessibleFor: [],
        }));
        const open = matchAll(people, unstated, { ...options(), limitJobs: 50, limitTrainings: 50 });
        people.forEach((p, i) => {
          const needs = Object.entries(p.disability)
            .filter(([, d]) => d >= 3)
            .map(([k]) => k);
          for (const r of [...all[i]!.jobs, ...all[i]!.trainings]) {
            const o = opportunities.find((x) => x.id === r.opportunityId)!;
            expect(needs.some((n) => o.notAccessibleFor?.includes(n as never))).toBe(false);
            if (needs.length > 0) expect(r.explanation.en).toMatch(/accessib/i);
          }
          const withoutStatements = open[i]!.jobs.length + open[i]!.trainings.length;
          const noneExcluded = opportunities.every(
            (o) => !needs.some((n) => o.notAccessibleFor?.includes(n as never)),
          );
          if (noneExcluded) expect(all[i]!.jobs.length + all[i]!.trainings.length).toBe(withoutStatements);
        });
        for (const o of opportunities) {
          for (const c of topCandidates(o, people, options())) {
            const p = people.find((x) => x.youthId === c.youthId)!;
            const needs = Object.entries(p.disability)
              .filter(([, d]) => d >= 3)
              .map(([k]) => k);
            expect(needs.some((n) => o.notAccessibleFor?.includes(n as never))).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
