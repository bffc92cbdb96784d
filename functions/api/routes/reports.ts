/**
 * Programme managers' summary per district, computed from keyed queries only: the youth district
 * index (ids only), the recommendation fingerprints of those ids, the district's outcome counters
 * and its review flags. No individual youth appears in it.
 */
import { z } from 'zod';
import { authorize, decisionCoversDistrict } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import { NotFoundError, ValidationError } from '#core/domain/errors';
import { type ExportTable, toCsv } from '#core/domain/export-table';
import { OUTCOME_TYPES, type RecommendationHeadline } from '#core/ports';
import { countCases } from '#core/protection/cases';
import { getDistrict } from '#core/reference/districts';
import {
  analyseProfiles,
  genderRequirementReview,
  mergeAnalyses,
  vacancyLoad,
} from '#core/usecases/dashboard';
import { emptyOutcomeCounts } from '#functions/adapters/dynamodb/district-stats';
import { writeTablesXlsx, XLSX_CONTENT_TYPE } from '#functions/shared/files/xlsx-write';
import { programmeDate } from '#functions/shared/programme-date';
import { type ApiDeps, defineRoute } from '../route.ts';
import {
  auditResponse,
  dashboardResponse,
  type EXPORT_TABLES,
  exportQuery,
  noQuery,
  summaryQuery,
  summaryResponse,
} from '../schemas.ts';

const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

async function districtSummary(deps: ApiDeps, district: string) {
  const [youthIds, outcomes, reviews, cases] = await Promise.all([
    deps.stats.youthIdsInDistrict(district),
    deps.stats.outcomeCounts(district),
    deps.stats.reviewFlags(district),
    deps.cases.listByDistrict(district),
  ]);
  const headlines = await deps.recommendations.headlines(youthIds);
  return {
    district,
    youth: youthIds.length,
    withRecommendations: headlines.size,
    outcomes,
    cases: countCases(cases, new Date(deps.now()).toISOString(), deps.pilotDistricts),
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

// ---- dashboard ----------------------------------------------------------------------------------

/** The most crowded vacancies shown per district. */
const CONGESTION_LIMIT = 10;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/**
 * One district's figures: its youth's profiles (the district index, followed to the end), their
 * headlines, the outcome counters and review flags, and the opportunities open on `asOf`.
 */
async function districtFigures(deps: ApiDeps, district: string, asOf: string) {
  const [profiles, outcomes, reviews, vacancies, trainings] = await Promise.all([
    collect(deps.youth.allInDistrict(district)),
    deps.stats.outcomeCounts(district),
    deps.stats.reviewFlags(district),
    deps.opportunities.listOpen('job', { districts: [district], asOf }),
    deps.opportunities.listOpen('training', { districts: [district], asOf }),
  ]);
  const headlines = await deps.recommendations.headlines(profiles.map((y) => y.profile.youthId));
  return {
    district,
    analysis: analyseProfiles(profiles.map((y) => y.profile)),
    headlines: [...headlines.values()],
    outcomes,
    complaints: reviews.reduce((n, flag) => n + flag.complaints, 0),
    vacancies: vacancies.map((v) => v.profile),
    trainings: trainings.map((t) => t.profile),
  };
}

type DistrictFigures = Awaited<ReturnType<typeof districtFigures>>;

function figuresView(parts: readonly DistrictFigures[], allHeadlines: readonly RecommendationHeadline[]) {
  const analysis = mergeAnalyses(parts.map((p) => p.analysis));
  const outcomes = emptyOutcomeCounts();
  for (const part of parts) for (const type of OUTCOME_TYPES) outcomes[type] += part.outcomes[type];
  const vacancies = parts.flatMap((p) => p.vacancies);
  const trainings = parts.flatMap((p) => p.trainings);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    youth: analysis.youth,
    withRecommendations: sum(parts.map((p) => p.headlines.length)),
    withoutUsableProfile: analysis.withoutUsableProfile,
    holland: analysis.holland,
    aptitude: analysis.aptitude,
    outcomes,
    complaints: sum(parts.map((p) => p.complaints)),
    openVacancies: vacancies.length,
    openings: sum(vacancies.map((v) => v.capacity)),
    openTrainings: trainings.length,
    seats: sum(trainings.map((t) => t.capacity)),
    genderReview: genderRequirementReview(vacancies),
    congestion: vacancyLoad(vacancies, allHeadlines, CONGESTION_LIMIT),
  };
}

/** The dashboard of the districts the caller may see (or asked for), and of all of them together. */
async function dashboard(deps: ApiDeps, principal: Principal, asked: readonly string[] | undefined) {
  const decision = authorize(principal, 'reports:summary', asked ? { districts: asked } : undefined);
  const districts = [...(decision.districts ?? deps.pilotDistricts)].sort();
  const now = deps.now();
  const asOf = programmeDate(now);
  const parts = await Promise.all(districts.map((district) => districtFigures(deps, district, asOf)));
  const allHeadlines = parts.flatMap((p) => p.headlines);
  return {
    generatedAt: new Date(now).toISOString(),
    asOf,
    districts: parts.map((part) => ({
      district: part.district,
      name: getDistrict(part.district)?.name ?? part.district,
      ...figuresView([part], allHeadlines),
    })),
    programme: figuresView(parts, allHeadlines),
  };
}

export const getDashboard = defineRoute({
  method: 'GET',
  path: '/reports/dashboard',
  operationId: 'getDashboard',
  summary: 'The programme dashboard per district and for the districts together',
  description:
    'Managers only, districts as in the summary. Assessment results (Holland codes and aptitude percentile bands by gender, youth without a usable profile), youth with recommendations, the outcome funnel, complaints, open vacancies and seats, gender-requirement vacancies awaiting review and the most crowded vacancies. Counts over groups only; it reads every profile of the districts by key (the district index), never a Scan.',
  tag: 'reports',
  access: 'reports:summary',
  query: summaryQuery,
  responses: { 200: { description: 'The dashboard figures', schema: dashboardResponse } },
  async handle({ query, principal }, deps) {
    return { status: 200, body: await dashboard(deps, principal, query.district?.split(',')) };
  },
});

// ---- exports ------------------------------------------------------------------------------------

type Dashboard = Awaited<ReturnType<typeof dashboard>>;
type ExportTableName = (typeof EXPORT_TABLES)[number];

/** The dashboard's tables with Indonesian headers, as a manager's spreadsheet wants them. */
function exportTables(view: Dashboard): Record<ExportTableName, ExportTable> {
  const perDistrict = <T>(pick: (d: Dashboard['districts'][number]) => T[]) =>
    view.districts.flatMap((d) => pick(d).map((row) => ({ district: d.district, name: d.name, ...row })));
  const where = [
    { key: 'district', header: 'Kode BPS' },
    { key: 'name', header: 'Kabupaten/Kota' },
  ];
  return {
    districts: {
      name: 'kabupaten',
      columns: [
        ...where,
        { key: 'youth', header: 'Pemuda terases' },
        { key: 'withRecommendations', header: 'Dengan rekomendasi' },
        { key: 'withoutUsableProfile', header: 'Tanpa profil minat' },
        ...OUTCOME_TYPES.map((type) => ({ key: type, header: `Hasil: ${type}` })),
        { key: 'complaints', header: 'Pengaduan' },
        { key: 'openVacancies', header: 'Lowongan terbuka' },
        { key: 'openings', header: 'Jumlah kebutuhan' },
        { key: 'openTrainings', header: 'Pelatihan terbuka' },
        { key: 'seats', header: 'Kursi pelatihan' },
      ],
      rows: view.districts.map((d) => ({ ...d, ...d.outcomes })),
    },
    holland: {
      name: 'kode_holland',
      columns: [
        ...where,
        { key: 'gender', header: 'Jenis kelamin' },
        { key: 'letter', header: 'Huruf Holland pertama' },
        { key: 'count', header: 'Jumlah' },
      ],
      rows: perDistrict((d) => d.holland),
    },
    aptitude: {
      name: 'bakat',
      columns: [
        ...where,
        { key: 'subtest', header: 'Subtes' },
        { key: 'gender', header: 'Jenis kelamin' },
        { key: 'band', header: 'Persentil dari' },
        { key: 'count', header: 'Jumlah' },
      ],
      rows: perDistrict((d) => d.aptitude),
    },
    gender_review: {
      name: 'syarat_gender',
      columns: [
        ...where,
        { key: 'vacancyId', header: 'ID Lowongan' },
        { key: 'title', header: 'Jabatan' },
        { key: 'ownerName', header: 'Perusahaan' },
        { key: 'genderRequirement', header: 'Syarat jenis kelamin' },
      ],
      rows: perDistrict((d) => d.genderReview),
    },
    congestion: {
      name: 'kepadatan',
      columns: [
        ...where,
        { key: 'vacancyId', header: 'ID Lowongan' },
        { key: 'title', header: 'Jabatan' },
        { key: 'ownerName', header: 'Perusahaan' },
        { key: 'openings', header: 'Jumlah kebutuhan' },
        { key: 'topPicks', header: 'Pemuda dengan pilihan utama ini' },
      ],
      rows: perDistrict((d) => d.congestion),
    },
  };
}

export const exportDashboard = defineRoute({
  method: 'GET',
  path: '/reports/export',
  operationId: 'exportDashboard',
  summary: "The dashboard's tables as CSV (one table) or XLSX (one sheet per table)",
  description:
    'The same figures as GET /v1/reports/dashboard, per district. Text cells that begin with = + - @ are written with a leading apostrophe, so a spreadsheet never runs them as formulas.',
  tag: 'reports',
  access: 'reports:summary',
  query: exportQuery,
  responses: { 200: { description: 'The file', fileTypes: [CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE] } },
  async handle({ query, principal }, deps) {
    if (query.format === 'csv' && query.table === undefined) {
      throw new ValidationError([{ field: 'table', reason: 'is required for CSV (one table per file)' }]);
    }
    const view = await dashboard(deps, principal, query.district?.split(','));
    const tables = exportTables(view);
    const chosen = query.table === undefined ? Object.values(tables) : [tables[query.table]];
    const stem = `sinergi-${query.table ?? 'dasbor'}-${view.asOf}`.replaceAll('_', '-');
    if (query.format === 'csv') {
      const bytes = new TextEncoder().encode(toCsv(chosen[0]!));
      return { status: 200, file: { contentType: CSV_CONTENT_TYPE, fileName: `${stem}.csv`, bytes } };
    }
    const bytes = await writeTablesXlsx(chosen, new Date(deps.now()));
    return { status: 200, file: { contentType: XLSX_CONTENT_TYPE, fileName: `${stem}.xlsx`, bytes } };
  },
});

// ---- fairness audit -----------------------------------------------------------------------------

/** What the audit step stores (core/usecases/audit.ts); extra fields are kept out of the answer. */
const storedAudit = auditResponse
  .omit({ key: true })
  .extend({
    groups: z.array(auditResponse.shape.groups.element.loose()),
    genderRequirementReview: z.array(auditResponse.shape.genderRequirementReview.element.loose()),
  })
  .loose();

export const getLatestAudit = defineRoute({
  method: 'GET',
  path: '/reports/audit',
  operationId: 'getLatestAudit',
  summary: 'The latest nightly fairness audit',
  description:
    'Managers only. Group statistics (gender, disability, welfare decile, district) of the last nightly rematch and the open vacancies stating a gender requirement. A manager of some districts sees the district rows of their own districts only. 404 before the first nightly run.',
  tag: 'reports',
  access: 'reports:audit',
  query: noQuery,
  responses: { 200: { description: 'The audit', schema: auditResponse } },
  errors: [404],
  async handle({ principal }, deps) {
    const decision = authorize(principal, 'reports:audit', undefined);
    const stored = await deps.audits.latest();
    if (!stored) throw new NotFoundError('no fairness audit has been stored yet');
    const audit = storedAudit.parse(stored.audit);
    return {
      status: 200,
      body: {
        key: stored.key,
        asOf: audit.asOf,
        batches: audit.batches,
        youthCount: audit.youthCount,
        groups: audit.groups
          .filter((g) => g.group !== 'district' || decisionCoversDistrict(decision, g.value))
          .map((g) => ({
            group: g.group,
            value: g.value,
            count: g.count,
            shareWithJob: g.shareWithJob,
            meanTopJobScore: g.meanTopJobScore,
            meanJobs: g.meanJobs,
            meanTrainings: g.meanTrainings,
          })),
        genderRequirementReview: audit.genderRequirementReview.map((r) => ({
          opportunityId: r.opportunityId,
          title: r.title,
          ownerName: r.ownerName,
          genderRequirement: r.genderRequirement,
        })),
      },
    };
  },
});
