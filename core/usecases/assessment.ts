/**
 * The youth assessment over injected ports: counsellors invite, the youth opens the invitation with
 * its code, consents, and submits once; the submission becomes one assessment object in the
 * uploads bucket, so the same pipeline as every uploaded file scores and matches it. Status and
 * results are read back with the same code.
 */
import {
  type AptitudeAnswers,
  generateAptitudeSections,
  type PublicSection,
  publicSection,
  SCREEN_SUBTESTS,
  scoreAptitudeAnswers,
} from '../assessment/aptitude.ts';
import { codeFromBytes, normaliseCode } from '../assessment/code.ts';
import {
  CONSENT_TEXT,
  type ConsentGiven,
  type ConsentRecord,
  consentRecord,
  isMinor,
} from '../assessment/consent.ts';
import {
  type AptitudeCounts,
  assertOpen,
  assessmentRecordOf,
  type CounsellorContact,
  expiresAt,
  type Invitation,
  TooManyAttemptsError,
  type YouthRegistry,
} from '../assessment/invitation.ts';
import { type YouthResults, youthResultsView } from '../assessment/results.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Language } from '../domain/language.ts';
import type { YouthProfile } from '../domain/profiles.ts';
import type { AptitudeSubtest } from '../domain/records.ts';
import type { InstrumentRegistry } from '../instruments/registry.ts';
import type { YouthRecommendationFacts } from '../matching/types.ts';
import type {
  AssessmentInbox,
  AttemptThrottle,
  InvitationRepository,
  RecommendationRepository,
  ReportRepository,
  YouthRepository,
} from '../ports.ts';
import { type ScoringContext, scoreAssessment } from '../scoring/score.ts';
import { PROGRAMME_OWNER, uploadKey } from './upload-key.ts';

/** Wrong codes one source may try per window before it has to wait. */
export const MAX_CODE_FAILURES = 10;

export interface AssessmentDeps {
  invitations: InvitationRepository;
  youth: YouthRepository;
  recommendations: RecommendationRepository<YouthRecommendationFacts>;
  reports: ReportRepository;
  inbox: AssessmentInbox;
  throttle: AttemptThrottle;
  scoring: ScoringContext;
  /** Keyed hash of a normalised code; the code itself is never stored. */
  hashCode: (code: string) => string;
  randomBytes: (n: number) => Uint8Array;
  newId: () => string;
  now: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

// ---- counsellor side -------------------------------------------------------------------------

/** An invited youth's registry fields from their stored profile; aptitudes not given on screen carry over. */
export function registryFromProfile(profile: YouthProfile): {
  registry: YouthRegistry;
  carried: AptitudeCounts;
} {
  const carried: AptitudeCounts = {};
  for (const [subtest, score] of Object.entries(profile.aptitudes)) {
    if ((SCREEN_SUBTESTS as readonly string[]).includes(subtest) || !score) continue;
    carried[subtest as AptitudeSubtest] = { correct: score.correct, total: score.total };
  }
  const p = profile.preferences;
  const preferences = {
    ...(p.maxCommuteKm !== undefined && { max_commute_km: p.maxCommuteKm }),
    ...(p.willingToRelocate !== undefined && { willing_to_relocate: p.willingToRelocate }),
    ...(p.contractTypes !== undefined && { contract_types: [...p.contractTypes] }),
  };
  return {
    registry: {
      gender: profile.gender,
      birthDate: profile.birthDate,
      education: profile.education,
      disability: profile.disability,
      ...(profile.welfareDecile !== undefined && { welfareDecile: profile.welfareDecile }),
      skills: [...profile.skills, ...profile.unknownSkills],
      ...(Object.keys(preferences).length > 0 && { preferences }),
    },
    carried,
  };
}

export interface NewInvitation {
  youthId: string;
  district: string;
  instrument: string;
  registry: YouthRegistry;
  paperAptitudes: AptitudeCounts;
  counsellor: CounsellorContact;
  createdBy: string;
  days?: number;
}

function assertPaperSubtests(
  paper: AptitudeCounts,
  instrument: string,
  instruments: InstrumentRegistry,
): void {
  const allowed = instruments.get(instrument).aptitudeSubtests;
  const issues = Object.keys(paper).flatMap((subtest) => {
    const field = `paperAptitudes.${subtest}`;
    if ((SCREEN_SUBTESTS as readonly string[]).includes(subtest)) {
      return [{ field, reason: 'is taken on screen; only other subtests are entered from paper' }];
    }
    if (!(allowed as readonly string[]).includes(subtest)) {
      return [{ field, reason: `is not a subtest of instrument ${instrument}` }];
    }
    return [];
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

/** Creates an invitation and returns it with its code, which exists nowhere else afterwards. */
export async function createInvitation(
  input: NewInvitation,
  deps: AssessmentDeps,
): Promise<{ invitation: Invitation; code: string }> {
  if (!deps.scoring.instruments.has(input.instrument)) {
    throw new ValidationError([
      { field: 'instrument', reason: `must be one of ${deps.scoring.instruments.ids().join(', ')}` },
    ]);
  }
  assertPaperSubtests(input.paperAptitudes, input.instrument, deps.scoring.instruments);
  // 40 bits make a collision with a live code very unlikely; checking costs one read.
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = codeFromBytes(deps.randomBytes(8));
    const codeHash = deps.hashCode(code);
    if (await deps.invitations.findByCodeHash(codeHash)) continue;
    const now = deps.now();
    const invitation: Invitation = {
      invitationId: deps.newId(),
      youthId: input.youthId,
      district: input.district,
      instrument: input.instrument,
      codeHash,
      aptitudeSeed: hex(deps.randomBytes(8)),
      createdAt: iso(now),
      createdBy: input.createdBy,
      expiresAt: expiresAt(now, input.days),
      status: 'active',
      counsellor: input.counsellor,
      registry: input.registry,
      paperAptitudes: input.paperAptitudes,
      revision: 1,
    };
    await deps.invitations.create(invitation);
    return { invitation, code };
  }
  throw new ConflictError('could not draw an unused invitation code; try again');
}

function nextRevision(invitation: Invitation, changes: Partial<Invitation>): Invitation {
  return { ...invitation, ...changes, revision: invitation.revision + 1 };
}

export async function revokeInvitation(invitation: Invitation, deps: AssessmentDeps): Promise<Invitation> {
  if (invitation.status === 'submitted') {
    throw new ConflictError('the invitation was already used for a submission and cannot be revoked');
  }
  if (invitation.status === 'revoked') return invitation;
  const next = nextRevision(invitation, { status: 'revoked', revokedAt: iso(deps.now()) });
  await deps.invitations.update(next);
  return next;
}

/** A new code for the same youth and instrument; the old one is revoked and points to the new one. */
export async function reissueInvitation(
  invitation: Invitation,
  input: { createdBy: string; days?: number },
  deps: AssessmentDeps,
): Promise<{ invitation: Invitation; code: string }> {
  if (invitation.status === 'submitted') {
    throw new ConflictError(
      'the invitation was already used for a submission; create a new invitation instead',
    );
  }
  const created = await createInvitation(
    {
      youthId: invitation.youthId,
      district: invitation.district,
      instrument: invitation.instrument,
      registry: invitation.registry,
      paperAptitudes: invitation.paperAptitudes,
      counsellor: invitation.counsellor,
      createdBy: input.createdBy,
      ...(input.days !== undefined && { days: input.days }),
    },
    deps,
  );
  const revoked = invitation.status === 'revoked' ? invitation : await revokeInvitation(invitation, deps);
  await deps.invitations.update(nextRevision(revoked, { replacedBy: created.invitation.invitationId }));
  return created;
}

/** Paper results of subtests not given on screen, entered before the youth submits. */
export async function setPaperAptitudes(
  invitation: Invitation,
  paper: AptitudeCounts,
  deps: AssessmentDeps,
): Promise<Invitation> {
  if (invitation.status !== 'active') {
    throw new ConflictError(
      `the invitation is ${invitation.status}; paper results can be added while it is active`,
    );
  }
  assertPaperSubtests(paper, invitation.instrument, deps.scoring.instruments);
  const next = nextRevision(invitation, { paperAptitudes: { ...invitation.paperAptitudes, ...paper } });
  await deps.invitations.update(next);
  return next;
}

// ---- youth side (authorised by the code) -----------------------------------------------------

/**
 * The invitation a typed code opens. Unknown and malformed codes count against the source; past
 * `MAX_CODE_FAILURES` in a window every attempt is refused, right or wrong, until the window ends.
 */
export async function openInvitation(
  rawCode: string,
  source: string,
  deps: AssessmentDeps,
): Promise<Invitation> {
  const now = deps.now();
  if ((await deps.throttle.failures(source, now)) >= MAX_CODE_FAILURES) {
    throw new TooManyAttemptsError(
      'Terlalu banyak kode salah yang dicoba dari jaringan ini. Tunggu 15 menit lalu coba lagi.',
    );
  }
  let invitation: Invitation | undefined;
  try {
    invitation = await deps.invitations.findByCodeHash(deps.hashCode(normaliseCode(rawCode)));
  } catch (error) {
    if (error instanceof ValidationError) await deps.throttle.recordFailure(source, now);
    throw error;
  }
  if (!invitation) {
    await deps.throttle.recordFailure(source, now);
    throw new NotFoundError('Kode undangan tidak dikenal. Periksa lagi kode dari konselor kamu.');
  }
  assertOpen(invitation, now);
  return invitation;
}

export interface AssessmentSession {
  invitationId: string;
  instrument: string;
  status: Invitation['status'];
  expiresAt: string;
  /** Under 18 today: a parent or guardian must consent too. */
  minor: boolean;
  consent: { textVersion: string; given: boolean };
  aptitude: PublicSection[];
  counsellor: CounsellorContact;
  submittedAt?: string;
}

export async function assessmentSession(
  invitation: Invitation,
  deps: AssessmentDeps,
): Promise<AssessmentSession> {
  const consent = await deps.invitations.getConsent(invitation.youthId, invitation.invitationId);
  return {
    invitationId: invitation.invitationId,
    instrument: invitation.instrument,
    status: invitation.status,
    expiresAt: invitation.expiresAt,
    minor: isMinor(invitation.registry.birthDate, iso(deps.now()).slice(0, 10)),
    consent: { textVersion: CONSENT_TEXT.version, given: consent !== undefined },
    aptitude: generateAptitudeSections(invitation.aptitudeSeed).map(publicSection),
    counsellor: invitation.counsellor,
    ...(invitation.submission && { submittedAt: invitation.submission.submittedAt }),
  };
}

export async function recordConsent(
  invitation: Invitation,
  given: ConsentGiven,
  deps: AssessmentDeps,
): Promise<ConsentRecord> {
  const record = consentRecord(given, {
    youthId: invitation.youthId,
    invitationId: invitation.invitationId,
    birthDate: invitation.registry.birthDate,
    recordedAt: iso(deps.now()),
  });
  return deps.invitations.putConsent(record);
}

export interface SubmissionInput {
  idempotencyKey: string;
  /** Sent along when the device was offline when the youth agreed. */
  consent?: ConsentGiven;
  interests: Record<string, number | null>;
  aptitude: AptitudeAnswers;
}

export interface SubmissionAccepted {
  uploadId: string;
  submittedAt: string;
  /** True when this request repeated one already accepted. */
  replay: boolean;
}

export const ALREADY_SUBMITTED =
  'Jawaban untuk kode ini sudah dikirim. Satu kode hanya bisa dipakai sekali; hubungi konselor kamu jika perlu mengulang.';

export function assessmentUploadId(invitationId: string): string {
  return `assessment-${invitationId}`;
}

/**
 * Accepts the one submission of an invitation. The invitation is marked submitted (conditional on
 * its revision) before anything is written, so two concurrent sends cannot both pass; the pending
 * report is stored before the object, so the pipeline's real report always replaces it, never the
 * other way round. A retry with the same idempotency key finishes a half-done send or repeats the answer.
 */
export async function submitAssessment(
  invitation: Invitation,
  input: SubmissionInput,
  deps: AssessmentDeps,
): Promise<SubmissionAccepted> {
  let current = invitation;
  if (current.status === 'submitted') {
    if (current.submission!.idempotencyKey !== input.idempotencyKey)
      throw new ConflictError(ALREADY_SUBMITTED);
    if (current.submission!.written) {
      return {
        uploadId: current.submission!.uploadId,
        submittedAt: current.submission!.submittedAt,
        replay: true,
      };
    }
  }
  const consent =
    (await deps.invitations.getConsent(current.youthId, current.invitationId)) ??
    (input.consent ? await recordConsent(current, input.consent, deps) : undefined);
  if (!consent) {
    throw new ValidationError([
      {
        field: 'consent',
        reason: 'Persetujuan belum diberikan: jawaban tidak bisa dikirim tanpa persetujuan.',
      },
    ]);
  }
  const submittedAt = current.submission?.submittedAt ?? iso(deps.now());
  const screen = scoreAptitudeAnswers(current.aptitudeSeed, input.aptitude);
  const record = assessmentRecordOf(current, input.interests, screen, submittedAt);
  // Scored here only to refuse bad answers with the youth still on the line; the pipeline scores it for real.
  scoreAssessment(record, deps.scoring);
  const uploadId = assessmentUploadId(current.invitationId);
  const objectKey = uploadKey('assessments', PROGRAMME_OWNER, uploadId, 'assessment.json');
  if (current.status === 'active') {
    current = nextRevision(current, {
      status: 'submitted',
      submission: { idempotencyKey: input.idempotencyKey, submittedAt, uploadId, objectKey, written: false },
    });
    try {
      await deps.invitations.update(current);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Another send won the race: the same device's retry finishes it, anyone else is refused.
      const stored = await deps.invitations.get(current.youthId, current.invitationId);
      if (stored?.submission?.idempotencyKey === input.idempotencyKey)
        return submitAssessment(stored, input, deps);
      throw new ConflictError(ALREADY_SUBMITTED);
    }
  }
  await deps.reports.put({
    uploadId,
    ownerId: PROGRAMME_OWNER,
    kind: 'assessments',
    bucket: deps.inbox.bucket,
    key: objectKey,
    createdAt: submittedAt,
    report: { status: 'pending' },
  });
  await deps.inbox.put(objectKey, `${JSON.stringify([record])}\n`);
  try {
    await deps.invitations.update(
      nextRevision(current, { submission: { ...current.submission!, written: true } }),
    );
  } catch (error) {
    // The only change after `submitted` is this flag: a concurrent retry of the same send set it.
    if (!(error instanceof ConflictError)) throw error;
  }
  return { uploadId, submittedAt, replay: false };
}

export type AssessmentState = 'not_submitted' | 'processing' | 'ready' | 'failed';

export interface AssessmentStatus {
  state: AssessmentState;
  submittedAt?: string;
  /** When `failed`: why, as the pipeline reported it. */
  problems?: { field: string; reason: string }[];
}

export async function assessmentStatus(
  invitation: Invitation,
  deps: AssessmentDeps,
): Promise<AssessmentStatus> {
  const submission = invitation.submission;
  if (invitation.status !== 'submitted' || !submission) return { state: 'not_submitted' };
  const record = await deps.reports.get(submission.uploadId);
  const report = record?.report ?? { status: 'pending' };
  const base = { submittedAt: submission.submittedAt };
  if (report.status === 'pending' || !submission.written) return { ...base, state: 'processing' };
  const counts = report.counts as { accepted?: number } | undefined;
  if (report.status === 'processed' && counts?.accepted === 1) return { ...base, state: 'ready' };
  const rejected = (report.rejected as { field: string; reason: string }[] | undefined) ?? [];
  return { ...base, state: 'failed', problems: rejected.map(({ field, reason }) => ({ field, reason })) };
}

export async function assessmentResults(
  invitation: Invitation,
  lang: Language,
  deps: AssessmentDeps,
): Promise<YouthResults> {
  const status = await assessmentStatus(invitation, deps);
  if (status.state !== 'ready') {
    throw new NotFoundError('Hasilmu belum siap. Tunggu sebentar, halaman ini akan memeriksa lagi.');
  }
  const stored = await deps.youth.get(invitation.youthId);
  if (!stored) throw new NotFoundError('Hasilmu tidak ditemukan lagi. Tanyakan ke konselor kamu.');
  const set = await deps.recommendations.get(invitation.youthId);
  return youthResultsView(stored.profile, set?.set, invitation.counsellor, lang);
}
