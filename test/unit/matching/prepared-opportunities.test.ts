import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchFactsInBlocks } from '#core/matching/match';
import { prepareOpportunities } from '#core/matching/prepare';
import { DISTRICTS, opportunityListArb, youthListArb } from './arbitraries.ts';
import { AS_OF, CONFIG, distance, job, options, training, youth } from './fixtures.ts';

const all = <T>(blocks: Iterable<T[]>) => [...blocks].flat();

describe('the district_distance_unknown youth flag', () => {
  const flagsOf = (
    youthList: ReturnType<typeof youth>[],
    opportunities: Parameters<typeof matchFactsInBlocks>[1],
  ) => all(matchFactsInBlocks(youthList, opportunities, options())).map((set) => set.flags);

  it('is raised when open opportunities lie outside the home district and no distance to them is known', () => {
    // 3322 has a known distance only to 3374; the one vacancy is in 3323.
    expect(flagsOf([youth({ district: '3322' })], [job({ district: '3323' })])[0]).toContain(
      'district_distance_unknown',
    );
    expect(flagsOf([youth({ district: '3374' })], [job({ district: '3323' })])[0]).not.toContain(
      'district_distance_unknown',
    );
  });

  it('is not raised when every open opportunity is at home, or the distant ones are closed', () => {
    expect(flagsOf([youth({ district: '3322' })], [job({ district: '3322' })])[0]).not.toContain(
      'district_distance_unknown',
    );
    const closed = job({ id: 'J2', district: '3323', capacity: 0 });
    expect(flagsOf([youth({ district: '3322' })], [job({ district: '3322' }), closed])[0]).not.toContain(
      'district_distance_unknown',
    );
  });

  it('does not depend on which other youth are matched in the same call', () => {
    const alone = flagsOf([youth({ youthId: 'Y1', district: '3322' })], [job({ district: '3323' })]);
    const together = flagsOf(
      [youth({ youthId: 'Y1', district: '3322' }), youth({ youthId: 'Y2', district: '3374' })],
      [job({ district: '3323' })],
    );
    expect(together[0]).toEqual(alone[0]);
  });
});

describe('opportunities prepared once for several matching calls', () => {
  it('give the same sets as preparing them with each call, for youth of any indexed district', () => {
    fc.assert(
      fc.property(youthListArb, opportunityListArb, (youthList, opportunities) => {
        const prepared = prepareOpportunities(opportunities, AS_OF, CONFIG, distance, DISTRICTS);
        for (const district of DISTRICTS) {
          const ofDistrict = youthList.filter((y) => y.district === district);
          expect(all(matchFactsInBlocks(ofDistrict, prepared, options(), 3))).toEqual(
            all(matchFactsInBlocks(ofDistrict, opportunities, options(), 3)),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('are prepared again for youth from a district they do not index, or for another day', () => {
    const opportunities = [job({ id: 'J1', district: '3374' }), training({ id: 'T1', district: '3374' })];
    const prepared = prepareOpportunities(opportunities, AS_OF, CONFIG, distance, ['3374']);
    const neighbour = [youth({ youthId: 'Y1', district: '3322' })];
    expect(all(matchFactsInBlocks(neighbour, prepared, options()))).toEqual(
      all(matchFactsInBlocks(neighbour, opportunities, options())),
    );
    const later = options({ asOf: '2026-12-01' });
    const local = [youth({ youthId: 'Y2', district: '3374' })];
    expect(all(matchFactsInBlocks(local, prepared, later))).toEqual(
      all(matchFactsInBlocks(local, opportunities, later)),
    );
    expect(all(matchFactsInBlocks(local, prepared, later))[0]?.asOf).toBe('2026-12-01');
  });
});
