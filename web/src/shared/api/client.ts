/**
 * The one API client. Its types are the API's own zod schemas (functions/api/schemas.ts), imported
 * as types only, so the schemas stay the single source of the API's shapes and no schema code
 * reaches the browser bundle. Components call these functions through TanStack Query (keys.ts);
 * they never fetch on their own.
 */
import type { z } from 'zod';
import type * as schemas from '#functions/api/schemas';

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

export type YouthList = Out<typeof schemas.youthListResponse>;
export type YouthListItem = YouthList['items'][number];
export type YouthListQuery = In<typeof schemas.youthListQuery>;
export type YouthProfile = Out<typeof schemas.youthProfileResponse>;
export type Recommendations = Out<typeof schemas.recommendationsResponse>;
export type Recommendation = Recommendations['jobs'][number];
export type Pathway = Recommendations['pathways'][number];
export type Outcome = Out<typeof schemas.outcomeResponse>;
export type OutcomeHistory = Out<typeof schemas.outcomeListResponse>;
export type OutcomeBody = In<typeof schemas.outcomeBody>;
export type OutcomeType = OutcomeBody['type'];
export type Candidates = Out<typeof schemas.candidatesResponse>;
export type UploadCreated = Out<typeof schemas.uploadCreatedResponse>;
export type UploadStatus = Out<typeof schemas.uploadStatusResponse>;
export type UploadBody = In<typeof schemas.uploadBody>;
export type Summary = Out<typeof schemas.summaryResponse>;
export type UploadList = Out<typeof schemas.uploadListResponse>;
export type OwnOpportunities = Out<typeof schemas.ownOpportunitiesResponse>;
export type CandidateInterest = Out<typeof schemas.interestResponse>;
export type Dashboard = Out<typeof schemas.dashboardResponse>;
export type FairnessAudit = Out<typeof schemas.auditResponse>;
export type ExportQuery = In<typeof schemas.exportQuery>;
export type ExportTable = NonNullable<ExportQuery['table']>;
export type TemplateKind = In<typeof schemas.templatePath>['kind'];
export type YouthExport = Out<typeof schemas.exportResponse>;
export type Erasure = Out<typeof schemas.erasureResponse>;
export type ErrorBody = Out<typeof schemas.errorResponseSchema>;
export type Lang = NonNullable<In<typeof schemas.recommendationsQuery>['lang']>;
export type AssessmentContent = Out<typeof schemas.assessmentContentResponse>;
export type AssessmentSession = Out<typeof schemas.assessmentSessionResponse>;
export type AptitudeSection = AssessmentSession['aptitude'][number];
export type ConsentBody = In<typeof schemas.consentBody>;
export type ConsentRecorded = Out<typeof schemas.consentResponse>;
export type SubmissionBody = In<typeof schemas.submissionBody>;
export type SubmissionAccepted = Out<typeof schemas.submissionResponse>;
export type AssessmentStatus = Out<typeof schemas.assessmentStatusResponse>;
export type YouthResults = Out<typeof schemas.youthResultsResponse>;

/** A response other than 2xx, with the API's error body when it sent one. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody> | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

/** The browser could not reach the API at all (offline, DNS, connection reset). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

interface ClientHooks {
  token: () => string | undefined;
  /** A 401: the token expired or was revoked. */
  onUnauthorized: () => void;
}

let hooks: ClientHooks = { token: () => undefined, onUnauthorized: () => undefined };

export function configureApi(next: ClientHooks): void {
  hooks = next;
}

type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (the assessment app's invitation code). */
  headers?: Record<string, string>;
}

function queryString(query: Query = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  return search.size > 0 ? `?${search}` : '';
}

/** A file the API sends (template, export): its bytes and the name the API gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

async function requestFile(path: string, query: Query = {}): Promise<DownloadedFile> {
  const headers: Record<string, string> = {};
  const token = hooks.token();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/v1${path}${queryString(query)}`, { headers });
  } catch (error) {
    throw new NetworkError(String(error));
  }
  if (!response.ok) {
    if (response.status === 401) hooks.onUnauthorized();
    const text = await response.text();
    throw new ApiError(response.status, text === '' ? undefined : (JSON.parse(text) as Partial<ErrorBody>));
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'sinergi';
  return { blob: await response.blob(), fileName };
}

/**
 * The file itself, to the presigned URL the API issued (the uploads bucket, another origin). The
 * browser sets content-length from the body; content-type must be the signed one.
 */
async function putUploadFile(created: UploadCreated, file: Blob): Promise<void> {
  let response: Response;
  try {
    response = await fetch(created.url, {
      method: created.method,
      headers: { 'content-type': created.headers['content-type'] },
      body: file,
    });
  } catch (error) {
    throw new NetworkError(String(error));
  }
  if (!response.ok) throw new ApiError(response.status, { message: `S3 ${response.status}` });
}

/** `/v1` + path, same origin; the JSON body back, typed by the caller from the schemas above. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const qs = queryString(options.query);
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = hooks.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/v1${path}${qs}`, {
      method,
      headers,
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(String(error));
  }
  const text = await response.text();
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    if (response.status === 401) hooks.onUnauthorized();
    throw new ApiError(response.status, body as Partial<ErrorBody> | undefined);
  }
  return body as T;
}

const id = encodeURIComponent;

/** The API's operations, one function each, named as in the OpenAPI document. */
export const api = {
  listYouth: (query: YouthListQuery, signal?: AbortSignal) =>
    request<YouthList>('GET', '/youth', { query, ...(signal && { signal }) }),
  getYouth: (youthId: string, signal?: AbortSignal) =>
    request<YouthProfile>('GET', `/youth/${id(youthId)}`, { ...(signal && { signal }) }),
  getRecommendations: (youthId: string, lang: Lang, signal?: AbortSignal) =>
    request<Recommendations>('GET', `/youth/${id(youthId)}/recommendations`, {
      query: { lang },
      ...(signal && { signal }),
    }),
  listOutcomes: (youthId: string, signal?: AbortSignal) =>
    request<OutcomeHistory>('GET', `/youth/${id(youthId)}/outcomes`, { ...(signal && { signal }) }),
  recordOutcome: (youthId: string, body: OutcomeBody) =>
    request<Outcome>('POST', `/youth/${id(youthId)}/outcomes`, { body }),
  exportYouth: (youthId: string) => request<YouthExport>('GET', `/youth/${id(youthId)}/export`),
  eraseYouth: (youthId: string) => request<Erasure>('DELETE', `/youth/${id(youthId)}`),
  listCandidates: (vacancyId: string, query: { cursor?: string; limit?: number } = {}) =>
    request<Candidates>('GET', `/vacancies/${id(vacancyId)}/candidates`, { query }),
  createUpload: (body: UploadBody) => request<UploadCreated>('POST', '/uploads', { body }),
  getUpload: (uploadId: string, lang: Lang = 'id', signal?: AbortSignal) =>
    request<UploadStatus>('GET', `/uploads/${id(uploadId)}`, { query: { lang }, ...(signal && { signal }) }),
  putUploadFile,
  listUploads: (signal?: AbortSignal) =>
    request<UploadList>('GET', '/uploads', { query: { limit: 100 }, ...(signal && { signal }) }),
  listOwnOpportunities: (signal?: AbortSignal) =>
    request<OwnOpportunities>('GET', '/opportunities', { query: { limit: 100 }, ...(signal && { signal }) }),
  markInterest: (vacancyId: string, candidate: string) =>
    request<CandidateInterest>('POST', `/vacancies/${id(vacancyId)}/candidates/${id(candidate)}/interest`),
  downloadTemplate: (kind: TemplateKind) => requestFile(`/templates/${id(kind)}`),
  getDashboard: (signal?: AbortSignal) =>
    request<Dashboard>('GET', '/reports/dashboard', { ...(signal && { signal }) }),
  getAudit: (signal?: AbortSignal) =>
    request<FairnessAudit>('GET', '/reports/audit', { ...(signal && { signal }) }),
  exportDashboard: (query: { format: 'csv' | 'xlsx'; table?: ExportTable }) =>
    requestFile('/reports/export', query),
  getSummary: (query: { district?: string } = {}) => request<Summary>('GET', '/reports/summary', { query }),
};

/** The header the assessment app authorises itself with (functions/api/route.ts). */
const withCode = (code: string) => ({ headers: { 'x-invitation-code': code } });

/** The assessment app's operations: no account, the invitation code instead. */
export const assessmentApi = {
  getContent: (instrumentId: string) =>
    request<AssessmentContent>('GET', `/assessment/content/${id(instrumentId)}`),
  getSession: (code: string) => request<AssessmentSession>('GET', '/assessment/session', withCode(code)),
  giveConsent: (code: string, body: ConsentBody) =>
    request<ConsentRecorded>('POST', '/assessment/consent', { body, ...withCode(code) }),
  submit: (code: string, body: SubmissionBody) =>
    request<SubmissionAccepted>('POST', '/assessment/submission', { body, ...withCode(code) }),
  getStatus: (code: string) => request<AssessmentStatus>('GET', '/assessment/status', withCode(code)),
  getResults: (code: string, lang: Lang) =>
    request<YouthResults>('GET', '/assessment/results', { query: { lang }, ...withCode(code) }),
};
