/**
 * What a route is: its method and path, who may call it, the schemas of what it accepts and
 * returns, and the function that answers. One list of these (routes/index.ts) drives the router,
 * the request validation and the OpenAPI document.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { z } from 'zod';
import type { Action } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import type { Invitation } from '#core/assessment/invitation';
import type { SkillLabel } from '#core/domain/language';
import type { YouthRecommendationFacts } from '#core/matching/types';
import type {
  DistrictStats,
  ErasureFollowUp,
  OpportunityRepository,
  OutcomeRepository,
  RecommendationRepository,
  ReportRepository,
  UploadSigner,
  YouthRepository,
} from '#core/ports';
import type { CaseRepository } from '#core/protection/case-store';
import type { CaseRules } from '#core/protection/cases';
import type { OpportunityReviewRepository } from '#core/protection/review';
import type { ServiceDirectory } from '#core/protection/services';
import type { AssessmentDeps } from '#core/usecases/assessment';
import type { AuditReader } from './audits.ts';
import type { CandidatePseudonymiser } from './auth/pseudonym.ts';
import type { HttpMethod } from './router.ts';

export interface ApiDeps {
  youth: YouthRepository;
  /** Work after an erasure outside the table (raw upload files); none by default. */
  erasureFollowUps?: readonly ErasureFollowUp[];
  opportunities: OpportunityRepository;
  /** Sets as the pipeline stores them: facts, explanations written on read. */
  recommendations: RecommendationRepository<YouthRecommendationFacts>;
  /** Skill names in explanations. */
  skillLabel: SkillLabel;
  outcomes: OutcomeRepository;
  reports: ReportRepository;
  stats: DistrictStats;
  /** Holds of opportunities and their releases (docs/protection.md). */
  reviews: OpportunityReviewRepository;
  /** Complaint cases (docs/protection.md). */
  cases: CaseRepository;
  /** Time limits per severity, what suspends, when an employer's cases count as repeated. */
  caseRules: CaseRules;
  /** Services cases are referred to, from configuration (SERVICE_DIRECTORY) or the examples. */
  services: ServiceDirectory;
  uploads: UploadSigner;
  /** Invitations, consent, submissions and results of the youth assessment app. */
  assessment: AssessmentDeps;
  /** The assessment app's address; invitation links and QR payloads point there. */
  assessmentAppUrl?: string;
  /** Keyed hash of a caller's network address: code attempts are counted per source without storing addresses. */
  hashSource: (sourceIp: string) => string;
  audits: AuditReader;
  /** The first seals, every one opens. */
  cursorKeys: readonly Uint8Array[];
  cursorMaxAgeMs: number;
  pseudonymise: CandidatePseudonymiser;
  /** The districts a summary covers when the manager's account names none. */
  pilotDistricts: readonly string[];
  maxUploadBytes: number;
  uploadUrlTtlSeconds: number;
  serviceName: string;
  stage: string;
  logger: Logger;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** A fresh id for outcomes and uploads: letters, digits and "-" only (it goes into S3 keys). */
  newId: () => string;
  openApiDocument: Readonly<Record<string, unknown>>;
}

/**
 * `none`: no token needed (health). `authenticated`: any verified account (the API description).
 * `invitation`: the youth assessment app, authorised by an invitation code in `x-invitation-code`
 * (no account). An Action: the policy table decides which roles may call it at all, before
 * anything is loaded.
 */
export type RouteAccess = 'none' | 'authenticated' | 'invitation' | Action;

/** The header the assessment app sends the invitation code in (never the URL: it would be logged). */
export const INVITATION_CODE_HEADER = 'x-invitation-code';

export interface RouteResponse {
  description: string;
  /** A JSON body's schema, registered in apiComponents. */
  schema?: z.ZodType;
  /** A file instead of JSON: the media types it may come as. */
  fileTypes?: readonly string[];
}

export interface RouteRequest<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Present on every route whose access is an account's (not `none` or `invitation`). */
  principal: Principal;
  /** Present on `invitation` routes: the open invitation the code names. */
  invitation: Invitation;
  requestId: string;
  /** The headers the route's `headers` schema names, as it parsed them. */
  headers: Readonly<Record<string, string | undefined>>;
}

export interface FileDownload {
  contentType: string;
  /** ASCII, without quotes: it goes into content-disposition as is. */
  fileName: string;
  bytes: Uint8Array;
}

export type RouteResult = { status: number; body: unknown } | { status: number; file: FileDownload };

export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Under /v1. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: RouteAccess;
  params?: P;
  query?: Q;
  body?: B;
  /** Request headers the route reads, keyed by their canonical spelling (matched case-insensitively). */
  headers?: z.ZodObject;
  /** Success responses by status; error responses are added for every route from the access rule. */
  responses: Readonly<Record<number, RouteResponse>>;
  /** Client errors this route can answer besides the common ones. */
  errors?: readonly number[];
  handle(request: RouteRequest<z.output<P>, z.output<Q>, z.output<B>>, deps: ApiDeps): Promise<RouteResult>;
}

export type AnyRoute = RouteDefinition<z.ZodType, z.ZodType, z.ZodType>;

/** Keeps the handler's request typed by the route's own schemas. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  route: RouteDefinition<P, Q, B>,
): AnyRoute {
  return route as unknown as AnyRoute;
}

export const API_PREFIX = '/v1';
