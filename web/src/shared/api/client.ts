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

/** `/v1` + path, same origin; the JSON body back, typed by the caller from the schemas above. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const qs = search.size > 0 ? `?${search}` : '';
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
  getUpload: (uploadId: string) => request<UploadStatus>('GET', `/uploads/${id(uploadId)}`),
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
