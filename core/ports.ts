/**
 * Ports: what the pipeline and the API need from storage and the bucket, in domain terms. Adapters
 * (functions/adapters/dynamodb/, functions/adapters/s3/) implement them; access patterns and keys are in docs/data-model.md.
 */
import type { ConsentRecord } from './assessment/consent.ts';
import type { Invitation } from './assessment/invitation.ts';
import type { OpportunityKind, OpportunityProfile, YouthProfile } from './domain/profiles.ts';
import type { TrainingOffer, Vacancy } from './domain/records.ts';
import type { ListCounts, OpportunityRef } from './matching/candidate-lists.ts';
import type { OpportunityReviewRepository } from './protection/review.ts';
import type { FairnessAuditReport } from './usecases/audit.ts';
import type { ProcessingReport } from './usecases/report.ts';

/** `cursor` is opaque: the adapter encodes its position, the API seals it before it leaves. */
export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  cursor?: string;
}

/** Result of a bulk upsert of versioned records: ids whose stored version was newer are left alone. */
export interface PutManyResult {
  written: number;
  stale: string[];
}

/** A record refused because the person was erased (data-subject erasure) before it was assessed. */
export interface ErasedRecord {
  id: string;
  /** ISO date-time of the erasure. */
  erasedAt: string;
}

// ---- youth ----------------------------------------------------------------------------------

export interface StoredYouth {
  profile: YouthProfile;
  /** HMAC of the NIK (functions/shared/nik.ts); the NIK itself is never stored. */
  nikHash?: string;
  /** Chosen by the writer, e.g. the upload's event time in ms; an older version never overwrites. */
  version: number;
}

/** Who was erased, for the work that follows an erasure elsewhere (raw upload files). */
export interface ErasureSubject {
  youthId: string;
  nikHash?: string;
  /** ISO date-time stored in the tombstones. */
  erasedAt: string;
}

/** Work that follows an erasure outside the table, e.g. removing the youth's rows from raw upload files. */
export interface ErasureFollowUp {
  afterErasure(subject: ErasureSubject): Promise<void>;
}

export interface YouthErasure {
  /** Absent when nothing was stored about the youth (then no tombstone is written either). */
  subject?: ErasureSubject;
  profiles: number;
  recommendationSets: number;
  candidateEntries: number;
  outcomes: number;
  invitations: number;
  consents: number;
}

export interface YouthExport {
  youth?: StoredYouth;
  recommendations?: StoredRecommendationSet;
  /** The youth's entries as the candidate lists hold them (read from the lists, not the set). */
  candidateEntries: CandidateEntry[];
  outcomes: OutcomeRecord[];
  /** Assessment invitations, without the code hash and the aptitude seed. */
  invitations: ExportedInvitation[];
  consents: ConsentRecord[];
}

export type ExportedInvitation = Omit<Invitation, 'codeHash' | 'aptitudeSeed'>;

export interface YouthRepository {
  get(youthId: string): Promise<StoredYouth | undefined>;
  /** Throws ConflictError when a newer version is stored. */
  put(youth: StoredYouth): Promise<void>;
  /**
   * Skips (as `erased`) a youth whose id or NIK hash was erased on or after the day it was assessed;
   * a profile assessed after the erasure is a new registration and is stored.
   */
  putMany(youth: readonly StoredYouth[]): Promise<PutManyResult & { erased: ErasedRecord[] }>;
  listByDistrict(district: string, page?: PageRequest): Promise<Page<StoredYouth>>;
  /** Every youth of a district, for rematches; pages through the district index, never a Scan. */
  allInDistrict(district: string): AsyncIterable<StoredYouth>;
  findByNikHash(nikHash: string): Promise<StoredYouth[]>;
  /** Everything stored about one youth (data-subject access). */
  exportAll(youthId: string): Promise<YouthExport>;
  /**
   * Writes the tombstones (youth id, NIK hash) first, then takes the youth off every candidate list
   * and removes profile, recommendations, outcomes, invitations and consents. Set writes for the youth fail from then on.
   * `erasedAt` is an ISO date-time.
   */
  erase(youthId: string, erasedAt: string): Promise<YouthErasure>;
}

// ---- opportunities --------------------------------------------------------------------------

export type StoredOpportunity =
  | { kind: 'job'; record: Vacancy; profile: OpportunityProfile; version: number }
  | { kind: 'training'; record: TrainingOffer; profile: OpportunityProfile; version: number };

export interface OpenOpportunitiesQuery {
  districts: readonly string[];
  /** Opportunities whose deadline is on or after this date. */
  asOf: string;
}

export interface OpportunityRepository {
  get(kind: OpportunityKind, id: string): Promise<StoredOpportunity | undefined>;
  /** Throws ConflictError when a newer version is stored. */
  put(opportunity: StoredOpportunity): Promise<void>;
  putMany(opportunities: readonly StoredOpportunity[]): Promise<PutManyResult>;
  listByDistrict(
    kind: OpportunityKind,
    district: string,
    page?: PageRequest,
  ): Promise<Page<StoredOpportunity>>;
  /** `ownerId` is the employer id (jobs) or the provider id (trainings). */
  listByOwner(kind: OpportunityKind, ownerId: string, page?: PageRequest): Promise<Page<StoredOpportunity>>;
  listOpen(kind: OpportunityKind, query: OpenOpportunitiesQuery): Promise<StoredOpportunity[]>;
}

// ---- recommendations ------------------------------------------------------------------------

export interface RankedOpportunity {
  opportunityId: string;
  score: number;
  /** Kept in headlines when the matcher provides it, so youth lists need no second read. */
  title?: string;
}

/**
 * A youth's recommendation set as the matcher produces it. Only these fields are read by storage;
 * everything else (explanations, pathways, flags, Holland code) is stored and returned as it came.
 */
export interface RecommendationSet {
  youthId: string;
  asOf: string;
  configVersion: string;
  jobs: readonly RankedOpportunity[];
  trainings: readonly RankedOpportunity[];
}

export interface StoredRecommendationSet<S extends RecommendationSet = RecommendationSet> {
  set: S;
  /** SHA-256 of the set without `asOf`: equal hash, equal answer. */
  contentHash: string;
}

/** The small per-youth summary read by youth lists: the best job and the best training. */
export interface RecommendationHeadline {
  youthId: string;
  asOf: string;
  configVersion: string;
  topJob?: RankedOpportunity;
  topTraining?: RankedOpportunity;
}

export interface CandidateEntry {
  kind: OpportunityKind;
  opportunityId: string;
  youthId: string;
  score: number;
  /** 1-based position of the opportunity in the youth's own list. */
  rank: number;
  /**
   * The youth's district when the writer knew it: lets a counsellor's list skip other districts
   * before reading profiles. A hint only; the profile stays the authority.
   */
  district?: string;
}

/** What one `write` of a writer did with the sets it was given. */
export interface SetsWritten {
  written: number;
  unchanged: number;
  /** Sets not written because the youth was erased meanwhile. */
  erased: number;
}

/** `candidateListsUpdated` counts lists (one per opportunity) rewritten or deleted. */
export interface WriteSetsResult extends SetsWritten, ListCounts {}

/** Which part of the candidate lists a repair checks against the sets. */
export interface CandidateListScope {
  /** Entries of this district's youth are checked on every list in scope. */
  district: string;
  /** Every youth of the district: each list their sets name is in scope. */
  youthIds: readonly string[];
  /** Lists in scope besides those the sets name (the open opportunities). */
  opportunities: readonly OpportunityRef[];
}

/**
 * One run's writes of recommendation sets. `write` stores the changed sets of a block at once, each
 * conditional on the version it replaces, and remembers which candidate lists they touch; `close`
 * brings each touched list in line with the sets as they are then, so a run over many blocks
 * rewrites a popular opportunity's list once, and a writer with an old view never leaves an entry
 * that no set has.
 */
export interface RecommendationWriter<S extends RecommendationSet = RecommendationSet> {
  /** `districts` maps youth ids to their district, kept in candidate entries when given. */
  write(sets: readonly S[], districts?: ReadonlyMap<string, string>): Promise<SetsWritten>;
  /** Updates the candidate lists the writes touched; the writer takes no writes after it. */
  close(): Promise<WriteSetsResult>;
}

export interface RecommendationRepository<S extends RecommendationSet = RecommendationSet> {
  openWriter(): RecommendationWriter<S>;
  /** One writer for one call: writes only the sets whose content changed and updates candidate lists. */
  writeSets(sets: readonly S[], districts?: ReadonlyMap<string, string>): Promise<WriteSetsResult>;
  get(youthId: string): Promise<StoredRecommendationSet<S> | undefined>;
  headlines(youthIds: readonly string[]): Promise<Map<string, RecommendationHeadline>>;
  /** How many youth each opportunity's candidate list holds (0 for an opportunity without a list). */
  candidateCounts(kind: OpportunityKind, opportunityIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Brings every list in scope in line with the current sets and returns what it had to change:
   * drift a crashed run left behind, which the nightly rematch reports.
   */
  repairCandidateLists(scope: CandidateListScope): Promise<ListCounts>;
  /** Best candidates first, ties in youth-id order. */
  listCandidates(
    kind: OpportunityKind,
    opportunityId: string,
    page?: PageRequest,
  ): Promise<Page<CandidateEntry>>;
}

// ---- uploads --------------------------------------------------------------------------------

/** One S3 object version as an event names it. */
export interface S3ObjectRef {
  bucket: string;
  key: string;
  /** Hexadecimal, as S3 sends it; orders events on the same key. */
  sequencer: string;
  versionId?: string;
  /** The content's eTag; under the same sequencer another eTag is other content, not a duplicate. */
  eTag?: string;
}

export interface ClaimOptions {
  /** Milliseconds since the epoch; passed in because core never reads the clock. */
  now: number;
  /** How long a claim blocks others; past it a crashed run's claim can be taken over. */
  leaseMs: number;
}

/**
 * `new`: process it. `duplicate`: this version was processed already. `stale`: a newer upload of
 * the key was claimed, never overwrite it. `in_progress`: another run holds a live claim; retry later.
 */
export type ClaimResult = 'new' | 'duplicate' | 'stale' | 'in_progress';

export interface LedgerEntry<Summary = Record<string, unknown>> {
  bucket: string;
  key: string;
  sequencer: string;
  versionId?: string;
  eTag?: string;
  status: 'processing' | 'done';
  claimedAt: number;
  completedAt?: number;
  summary?: Summary;
}

export interface UploadLedger<Summary = Record<string, unknown>> {
  claim(object: S3ObjectRef, options: ClaimOptions): Promise<ClaimResult>;
  /** Throws ConflictError when a newer upload of the key took the claim meanwhile. */
  complete(object: S3ObjectRef, summary: Summary, now: number): Promise<void>;
  get(bucket: string, key: string): Promise<LedgerEntry<Summary> | undefined>;
}

export interface UploadReportRecord<Report = Record<string, unknown>> {
  uploadId: string;
  /** `EMPLOYER#<id>`, `PROVIDER#<id>` or another scope the API assigns. */
  ownerId: string;
  kind: 'assessments' | 'vacancies' | 'trainings';
  bucket: string;
  key: string;
  /** ISO date-time; orders an owner's uploads. */
  createdAt: string;
  report: Report;
}

export interface ReportRepository<Report = Record<string, unknown>> {
  /** Replaces the report of the upload (a reprocessed upload gets a new report). */
  put(record: UploadReportRecord<Report>): Promise<void>;
  get(uploadId: string): Promise<UploadReportRecord<Report> | undefined>;
  listByOwner(ownerId: string, page?: PageRequest): Promise<Page<UploadReportRecord<Report>>>;
}

/** The stores matching reads and writes, together. */
export interface MatchingPorts {
  youth: YouthRepository;
  opportunities: OpportunityRepository;
  recommendations: RecommendationRepository;
  /** Opportunities held for programme review (docs/protection.md) are never matched. */
  reviews?: OpportunityReviewRepository;
}

// ---- outcomes -------------------------------------------------------------------------------

export const OUTCOME_TYPES = [
  'contacted',
  'applied',
  'interviewed',
  'hired',
  'enrolled',
  'declined',
  'complaint',
  'employer_interest',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/**
 * What a counsellor records. `employer_interest` is recorded by the employer's "interested" action
 * on a pseudonymous candidate, so the youth's counsellor sees it in the history.
 */
export const COUNSELLOR_OUTCOME_TYPES = OUTCOME_TYPES.filter(
  (t): t is Exclude<OutcomeType, 'employer_interest'> => t !== 'employer_interest',
);

export interface OutcomeRecord {
  outcomeId: string;
  youthId: string;
  type: OutcomeType;
  /** ISO date-time the outcome was recorded; orders the history. */
  at: string;
  actor: { role: string; id: string };
  opportunity?: { kind: OpportunityKind; id: string };
  note?: string;
}

/** A complained-about opportunity awaiting the programme's review. */
export interface ReviewFlag {
  kind: OpportunityKind;
  opportunityId: string;
  complaints: number;
  firstComplaintAt: string;
  lastComplaintAt: string;
}

export type OutcomeCounts = Record<OutcomeType, number>;

/** Aggregates per district for the managers' summary; they name no youth. */
export interface DistrictStats {
  youthIdsInDistrict(district: string): Promise<string[]>;
  countOutcome(district: string, type: OutcomeType): Promise<void>;
  outcomeCounts(district: string): Promise<OutcomeCounts>;
  flagForReview(
    district: string,
    opportunity: { kind: OpportunityKind; id: string },
    at: string,
  ): Promise<void>;
  reviewFlags(district: string): Promise<ReviewFlag[]>;
}

/**
 * An `Idempotency-Key` as the outcome store keeps it: `scope` names the key within its caller and
 * youth, `fingerprint` the request it first came with; kept until `expiresAt` (epoch seconds).
 */
export interface OutcomeIdempotency {
  scope: string;
  fingerprint: string;
  expiresAt: number;
}

export type OutcomeReservation =
  | { first: true }
  | { first: false; fingerprint: string; outcome: OutcomeRecord };

export interface OutcomeRepository {
  /** Append-only: a repeated outcome id is a ConflictError. */
  append(outcome: OutcomeRecord): Promise<void>;
  /**
   * Keeps `outcome` as the answer to the key, unless the key already has one (not yet expired at
   * `nowSeconds`): then that one is returned, with the fingerprint of the request that set it.
   */
  reserve(key: OutcomeIdempotency, outcome: OutcomeRecord, nowSeconds: number): Promise<OutcomeReservation>;
  /** Oldest first. */
  listByYouth(youthId: string, page?: PageRequest): Promise<Page<OutcomeRecord>>;
  /** Oldest first; complaints about an opportunity are found here for review. */
  listByOpportunity(
    kind: OpportunityKind,
    opportunityId: string,
    page?: PageRequest,
  ): Promise<Page<OutcomeRecord>>;
}

// ---- uploads and reports in the bucket ------------------------------------------------------

export interface PresignedPutRequest {
  key: string;
  contentType: string;
  contentLength: number;
  expiresInSeconds: number;
  /** The API's clock, so the URL expires exactly when the response says. */
  signingDate: Date;
}

/** Presigned PUTs: the content type and exact length are signed, so S3 refuses any other body. */
export interface UploadSigner {
  readonly bucket: string;
  presignPut(request: PresignedPutRequest): Promise<string>;
}

export interface ReportWriter {
  /** Writes the bucket's report and the table copy; returns the report's key. */
  writeUploadReport(report: ProcessingReport): Promise<string>;
  writeAudit(audit: FairnessAuditReport): Promise<string>;
}

// ---- assessment invitations -----------------------------------------------------------------

/** Invitations and consent records live with the youth, so export and erasure take them along. */
export interface InvitationRepository {
  /** Throws ConflictError when the invitation id exists. */
  create(invitation: Invitation): Promise<void>;
  get(youthId: string, invitationId: string): Promise<Invitation | undefined>;
  findByCodeHash(codeHash: string): Promise<Invitation | undefined>;
  /** Newest first. */
  listByYouth(youthId: string): Promise<Invitation[]>;
  /** Stores `next` if the stored revision is `next.revision - 1`; ConflictError otherwise. */
  update(next: Invitation): Promise<void>;
  /** The first consent for an invitation wins; returns the stored one. */
  putConsent(record: ConsentRecord): Promise<ConsentRecord>;
  getConsent(youthId: string, invitationId: string): Promise<ConsentRecord | undefined>;
}

/** Failed code attempts per source (a pseudonymised network address), in fixed windows. */
export interface AttemptThrottle {
  failures(source: string, nowMs: number): Promise<number>;
  recordFailure(source: string, nowMs: number): Promise<void>;
}

/** Where a submitted assessment is dropped for the pipeline: `incoming/assessments/...` in the uploads bucket. */
export interface AssessmentInbox {
  readonly bucket: string;
  put(key: string, body: string): Promise<void>;
}
