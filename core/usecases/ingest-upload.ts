/**
 * One upload, end to end, over injected ports: rows are parsed as they stream in, assessments are
 * scored and their NIK pseudonymised, vacancies and training offers become profiles; records are
 * stored as versions of the upload's event time; then the youth the upload affects are matched and
 * only the recommendation sets that changed are written. Returns the processing report.
 */
import type { IsoDate } from '../domain/calendar.ts';
import { erasedRecordIssue } from '../domain/erasure.ts';
import { type Issue, ValidationError } from '../domain/errors.ts';
import type { OpportunityProfile, YouthProfile } from '../domain/profiles.ts';
import type { AssessmentRecord, RecordKind, TrainingOffer, Vacancy } from '../domain/records.ts';
import type { OccupationLookup } from '../domain/reference.ts';
import type { OpportunityProfileContext } from '../matching/opportunity-profile.ts';
import type { ErasedRecord, MatchingPorts, PutManyResult, StoredOpportunity, StoredYouth } from '../ports.ts';
import { withoutHeld } from '../protection/review.ts';
import { byRow, parseRowStream } from '../records/parse.ts';
import type { RawRowSource, RecordOf } from '../records/types.ts';
import type { ScoringContext } from '../scoring/score.ts';
import {
  issueAt,
  opportunityProfileContext,
  profileTrainingRow,
  profileVacancyRow,
  scoreRow,
} from './intake.ts';
import { holdWarnings, reviewIntake } from './protection.ts';
import {
  loadOpenOpportunities,
  type MatchingSetup,
  rematchDistricts,
  rematchYouth,
  withChangedOpportunities,
} from './rematch.ts';
import {
  emptyCounts,
  fileRejectedReport,
  type GenderRequirementReviewItem,
  type MatchingCounts,
  NO_MATCHING,
  type ProcessingReport,
  type UploadDescriptor,
} from './report.ts';
import { ownerScopeId, PROGRAMME_OWNER, parseUploadKey, type UploadOwner } from './upload-key.ts';

export type { RawRowSource } from '../records/types.ts';

export interface IngestDeps extends MatchingPorts {
  scoring: ScoringContext;
  occupations: OccupationLookup;
  matching: MatchingSetup;
  /** Keyed HMAC of a 16-digit NIK; throws ValidationError (never echoing the value) otherwise. */
  pseudonymiseNik: (nik: string) => string;
  isKnownDistrict?: (code: string) => boolean;
  /** Milliseconds; read only for the report's timings. */
  now: () => number;
}

export interface IngestUploadInput {
  upload: UploadDescriptor;
  /** Opened lazily so a file refused by its key is never read. */
  openRows: () => RawRowSource;
  /** The file name named in every issue. */
  file: string;
  /** Version of every record written: the upload's event time in ms, so an older upload never wins. */
  version: number;
  asOf: IsoDate;
  processedAt: string;
}

interface Accepted<T> {
  value: T;
  row: number;
}

interface KindState {
  rejected: Issue[];
  warnings: Issue[];
  review: GenderRequirementReviewItem[];
  youth: Accepted<StoredYouth>[];
  opportunities: Accepted<StoredOpportunity>[];
}

/** Identity of an upload for its report, even when its key is outside both layouts. */
export function uploadIdentity(key: string): {
  uploadId: string;
  ownerId: string;
  owner?: UploadOwner;
  issues: Issue[];
} {
  try {
    const parts = parseUploadKey(key);
    return { uploadId: parts.uploadId, ownerId: ownerScopeId(parts.owner), owner: parts.owner, issues: [] };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // Only programme staff can write keys the API does not build.
    return { uploadId: key.replace(/^incoming\//, ''), ownerId: PROGRAMME_OWNER, issues: [...error.issues] };
  }
}

function ownerIssue(
  owner: UploadOwner,
  kind: RecordKind,
  record: Vacancy | TrainingOffer,
  file: string,
  row: number,
): Issue | undefined {
  if (kind === 'vacancies' && owner.scope === 'employer') {
    const vacancy = record as Vacancy;
    if (vacancy.employer_id === owner.employerId) return undefined;
    return {
      ...issueAt({ file, row }, vacancy.vacancy_id),
      field: 'employer_id',
      reason: `this upload belongs to employer ${owner.employerId}; a row for another employer is refused`,
    };
  }
  if (kind === 'trainings' && owner.scope === 'provider') {
    const training = record as TrainingOffer;
    if (training.provider_id === owner.providerId) return undefined;
    return {
      ...issueAt({ file, row }, training.training_id),
      field: 'provider_id',
      reason: `this upload belongs to provider ${owner.providerId}; a row for another provider is refused`,
    };
  }
  return undefined;
}

function acceptAssessment(
  record: AssessmentRecord,
  row: number,
  file: string,
  deps: IngestDeps,
  version: number,
  state: KindState,
): void {
  const scored = scoreRow(record, { file, row }, deps.scoring);
  if (!scored.ok) {
    state.rejected.push(...scored.rejected);
    return;
  }
  const stored: StoredYouth = { profile: scored.profile, version };
  if (record.nik !== undefined) {
    try {
      stored.nikHash = deps.pseudonymiseNik(record.nik);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      state.rejected.push({
        ...issueAt({ file, row }, record.youth_id),
        field: 'nik',
        reason: 'must be exactly 16 digits',
      });
      return;
    }
  }
  state.warnings.push(...scored.warnings);
  state.youth.push({ value: stored, row });
}

function acceptOpportunity(
  kind: 'vacancies' | 'trainings',
  record: Vacancy | TrainingOffer,
  row: number,
  file: string,
  ctx: OpportunityProfileContext,
  version: number,
  state: KindState,
): void {
  if (kind === 'vacancies') {
    const vacancy = record as Vacancy;
    const { profile, warnings, review } = profileVacancyRow(vacancy, { file, row }, ctx);
    state.warnings.push(...warnings);
    if (review) state.review.push(review);
    state.opportunities.push({ value: { kind: 'job', record: vacancy, profile, version }, row });
    return;
  }
  const training = record as TrainingOffer;
  const { profile, warnings } = profileTrainingRow(training, { file, row }, ctx);
  state.warnings.push(...warnings);
  state.opportunities.push({ value: { kind: 'training', record: training, profile, version }, row });
}

function distinctRows(issues: readonly Issue[]): Set<number> {
  return new Set(issues.flatMap((issue) => (issue.row === undefined ? [] : [issue.row])));
}

/** Matches the freshly stored youth against every open opportunity. */
async function matchNewYouth(
  youth: readonly YouthProfile[],
  deps: IngestDeps,
  asOf: IsoDate,
): Promise<MatchingCounts> {
  if (youth.length === 0) return { ...NO_MATCHING };
  const open = await loadOpenOpportunities(deps.opportunities, deps.matching, asOf, deps.reviews);
  const { audit: _audit, ...counts } = await rematchYouth(youth, open, deps, deps.matching, asOf);
  return counts;
}

/**
 * Rematches the youth who can reach the changed opportunities. The rule is deliberately simple:
 * every stored youth of the programme's districts, because a youth willing to relocate can reach an
 * opportunity anywhere, and a closed or moved opportunity must leave sets it used to be in.
 */
async function rematchForOpportunities(
  changed: readonly OpportunityProfile[],
  held: ReadonlySet<string>,
  deps: IngestDeps,
  asOf: IsoDate,
): Promise<MatchingCounts> {
  if (changed.length === 0) return { ...NO_MATCHING };
  const open = loadOpenOpportunities(deps.opportunities, deps.matching, asOf, deps.reviews).then((stored) =>
    // A changed opportunity just held must not come back in with the changes.
    withoutHeld(withChangedOpportunities(stored, changed), held),
  );
  const { audit: _audit, ...counts } = await rematchDistricts(
    deps.matching.youthDistricts,
    deps,
    open,
    deps.matching,
    asOf,
  );
  return counts;
}

const OWNERSHIP_LOOKUPS_AT_ONCE = 25;

/**
 * An owner may only write ids that are new or already theirs: without this check an employer could
 * replace another employer's vacancy by reusing its id in a row that names themselves.
 */
async function refuseForeignIds(
  owner: UploadOwner,
  file: string,
  deps: IngestDeps,
  state: KindState,
): Promise<void> {
  if (owner.scope === 'programme') return;
  const ownerId = owner.scope === 'employer' ? owner.employerId : owner.providerId;
  const foreign = new Set<string>();
  const candidates = state.opportunities.map((a) => a.value);
  for (let i = 0; i < candidates.length; i += OWNERSHIP_LOOKUPS_AT_ONCE) {
    const part = candidates.slice(i, i + OWNERSHIP_LOOKUPS_AT_ONCE);
    const stored = await Promise.all(part.map((o) => deps.opportunities.get(o.kind, o.profile.id)));
    stored.forEach((current, j) => {
      if (current !== undefined && current.profile.ownerId !== ownerId) foreign.add(part[j]!.profile.id);
    });
  }
  if (foreign.size === 0) return;
  const what = owner.scope === 'employer' ? 'vacancy_id' : 'training_id';
  for (const { value, row } of state.opportunities) {
    if (!foreign.has(value.profile.id)) continue;
    state.rejected.push({
      ...issueAt({ file, row }, value.profile.id),
      field: what,
      reason: `${what} ${value.profile.id} belongs to another ${owner.scope}; choose a new id`,
    });
  }
  state.opportunities = state.opportunities.filter((a) => !foreign.has(a.value.profile.id));
  state.review = state.review.filter((item) => !foreign.has(item.vacancy_id));
}

/** Rows of erased people the repository refused: rejected with the reason, no longer accepted. */
function refuseErased(erased: readonly ErasedRecord[], file: string, state: KindState): void {
  if (erased.length === 0) return;
  const byId = new Map(erased.map((e) => [e.id, e]));
  for (const { value, row } of state.youth) {
    const record = byId.get(value.profile.youthId);
    if (record) state.rejected.push(erasedRecordIssue(issueAt({ file, row }, record.id), record.erasedAt));
  }
  state.rejected.sort(byRow);
  state.youth = state.youth.filter((a) => !byId.has(a.value.profile.youthId));
}

function freshOf<T>(
  accepted: readonly Accepted<T>[],
  idOf: (value: T) => string,
  result: PutManyResult,
): T[] {
  const stale = new Set(result.stale);
  return accepted.map((a) => a.value).filter((value) => !stale.has(idOf(value)));
}

export async function ingestUpload(input: IngestUploadInput, deps: IngestDeps): Promise<ProcessingReport> {
  const started = deps.now();
  const { upload, file, version, asOf, processedAt } = input;
  const identity = uploadIdentity(upload.key);
  const base = { upload, uploadId: identity.uploadId, ownerId: identity.ownerId, asOf, processedAt };
  if (identity.owner === undefined) {
    return fileRejectedReport({ ...base, issues: identity.issues.map((issue) => ({ ...issue, file })) });
  }
  const owner = identity.owner;
  const kind = upload.kind;
  const state: KindState = { rejected: [], warnings: [], review: [], youth: [], opportunities: [] };
  const ctx = opportunityProfileContext(deps.scoring, deps.occupations, deps.matching.config);
  const parsed = await parseRowStream(
    kind,
    input.openRows(),
    { file, ...(deps.isKnownDistrict !== undefined && { isKnownDistrict: deps.isKnownDistrict }) },
    (record, row) => {
      if (kind === 'assessments') {
        acceptAssessment(record as RecordOf['assessments'], row, file, deps, version, state);
        return;
      }
      const opportunity = record as Vacancy | TrainingOffer;
      const refused = ownerIssue(owner, kind, opportunity, file, row);
      if (refused) state.rejected.push(refused);
      else acceptOpportunity(kind, opportunity, row, file, ctx, version, state);
    },
  );
  if (kind !== 'assessments') await refuseForeignIds(owner, file, deps, state);
  const readerRows = distinctRows(parsed.readerIssues);
  const rowsRead = parsed.rowsRead;
  state.rejected.push(...parsed.rejected);
  state.rejected.sort(byRow);
  // Per row, the parser's warnings before the profile's, as the rows were read; file-level first.
  state.warnings.unshift(...parsed.warnings);
  state.warnings.sort(byRow);
  const parsedAt = deps.now();

  const accepted = kind === 'assessments' ? state.youth.length : state.opportunities.length;
  const fileLevel = state.rejected.some((issue) => issue.row === undefined);
  const counts = emptyCounts();
  counts.rows = rowsRead + [...readerRows].length;
  counts.accepted = accepted;
  counts.rejected = distinctRows(state.rejected).size;
  counts.warnings = state.warnings.length;

  let matching: MatchingCounts = { ...NO_MATCHING };
  let storedAt = parsedAt;
  if (accepted > 0) {
    if (kind === 'assessments') {
      const result = await deps.youth.putMany(state.youth.map((a) => a.value));
      storedAt = deps.now();
      refuseErased(result.erased, file, state);
      counts.accepted = state.youth.length;
      counts.rejected = distinctRows(state.rejected).size;
      counts.stored = result.written;
      counts.stale = result.stale.length;
      const fresh = freshOf(state.youth, (y) => y.profile.youthId, result).map((y) => y.profile);
      matching = await matchNewYouth(fresh, deps, asOf);
    } else {
      const result = await deps.opportunities.putMany(state.opportunities.map((a) => a.value));
      storedAt = deps.now();
      counts.stored = result.written;
      counts.stale = result.stale.length;
      const freshStored = freshOf(state.opportunities, (o) => o.profile.id, result);
      const held = new Set<string>();
      if (deps.reviews) {
        const review = await reviewIntake(deps.reviews, freshStored, asOf, processedAt);
        for (const ref of review.held) held.add(ref);
        const rows = new Map(state.opportunities.map((a) => [a.value.profile.id, a.row]));
        state.warnings.push(...holdWarnings(review.notices, (id) => rows.get(id), file));
        counts.warnings = state.warnings.length;
      }
      const fresh = freshStored.map((o) => o.profile);
      matching = await rematchForOpportunities(fresh, held, deps, asOf);
    }
  }
  const finished = deps.now();
  return {
    ...base,
    status: fileLevel && accepted === 0 ? 'rejected_file' : 'processed',
    counts,
    rejected: state.rejected,
    warnings: state.warnings,
    review: { genderRequirement: state.review },
    matching,
    timings: {
      parseMs: parsedAt - started,
      storeMs: storedAt - parsedAt,
      matchMs: finished - storedAt,
      totalMs: finished - started,
    },
  };
}
