/**
 * Programme managers' summary per district, computed from keyed queries only: the youth district
 * index (ids only), the recommendation fingerprints of those ids, the district's outcome counters
 * and its review flags. No individual youth appears in it.
 */
import { authorize } from '#core/access/policy';
import { type ApiDeps, defineRoute } from '../route.ts';
import { summaryQuery, summaryResponse } from '../schemas.ts';

async function districtSummary(deps: ApiDeps, district: string) {
  const [youthIds, outcomes, reviews] = await Promise.all([
    deps.stats.youthIdsInDistrict(district),
    deps.stats.outcomeCounts(district),
    deps.stats.reviewFlags(district),
  ]);
  const headlines = await deps.recommendations.headlines(youthIds);
  return {
    district,
    youth: youthIds.length,
    withRecommendations: headlines.size,
    outcomes,
    reviews: reviews
      .map((flag) => ({
        kind: flag.kind,
        opportunityId: flag.opportunityId,
        complaints: flag.complaints,
        firstComplaintAt: flag.firstComplaintAt,
        lastComplaintAt: flag.lastComplaintAt,
      }))
      .sort((a, b) => b.complaints - a.complaints || (a.lastComplaintAt < b.lastComplaintAt ? 1 : -1)),
  };
}

export const getSummary = defineRoute({
  method: 'GET',
  path: '/reports/summary',
  operationId: 'getSummary',
  summary: 'Per-district counts: youth, youth with recommendations, outcomes by type, flagged opportunities',
  description:
    "Managers only. `district` narrows the report; districts outside the manager's account are 403 (district codes are public and aggregates describe no one). Without it: the manager's districts, or every pilot district for a programme-wide manager.",
  tag: 'reports',
  access: 'reports:summary',
  query: summaryQuery,
  responses: { 200: { description: 'Counts per district', schema: summaryResponse } },
  async handle({ query, principal }, deps) {
    const asked = query.district?.split(',');
    const decision = authorize(principal, 'reports:summary', asked ? { districts: asked } : undefined);
    const districts = [...(decision.districts ?? deps.pilotDistricts)].sort();
    const summaries = await Promise.all(districts.map((district) => districtSummary(deps, district)));
    return { status: 200, body: { generatedAt: new Date(deps.now()).toISOString(), districts: summaries } };
  },
});
