/**
 * Invitations: how a youth takes the assessment without an account. A counsellor invites one youth
 * of their district for one instrument; the code (shown once, stored only as a keyed hash) opens
 * the assessment until it expires, is revoked, or has been used for one submission. After that
 * the same code shows the youth their own results for a while, and nothing about anyone else.
 */
import type { IsoDate } from '../domain/calendar.ts';
import type { DisabilityProfile } from '../domain/disability.ts';
import type { EducationLevel } from '../domain/education.ts';
import { DomainError } from '../domain/errors.ts';
import type { AptitudeSubtest, AssessmentRecord } from '../domain/records.ts';

export const DEFAULT_INVITATION_DAYS = 7;
export const MAX_INVITATION_DAYS = 30;
/** How long after submitting the code still shows the youth their results. */
export const RESULTS_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const INVITATION_STATUSES = ['active', 'submitted', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export type AptitudeCount = { correct: number; total: number };
export type AptitudeCounts = Partial<Record<AptitudeSubtest, AptitudeCount>>;

/**
 * The registry fields an assessment record needs besides the answers: given by the counsellor for
 * a new youth, or copied from the stored profile when an existing youth is invited again.
 */
export interface YouthRegistry {
  gender: 'F' | 'M';
  birthDate: IsoDate;
  education: EducationLevel;
  disability?: DisabilityProfile;
  welfareDecile?: number;
  /** Skill ids or names, as the scoring vocabulary reads them. */
  skills?: string[];
  preferences?: AssessmentRecord['preferences'];
}

/** The next step shown to the youth: who to talk to. */
export interface CounsellorContact {
  name: string;
  phone?: string;
  office?: string;
}

export interface Submission {
  /** Chosen by the device once per invitation: a retried send carries the same key. */
  idempotencyKey: string;
  submittedAt: string;
  /** The upload id the pipeline reports under. */
  uploadId: string;
  objectKey: string;
  /** Set once the assessment object is in the bucket. */
  written: boolean;
}

export interface Invitation {
  invitationId: string;
  youthId: string;
  /** The youth's district when invited; the counsellor's scope is checked against it. */
  district: string;
  instrument: string;
  codeHash: string;
  /** Hex; generates the on-screen aptitude items. Never leaves the server. */
  aptitudeSeed: string;
  createdAt: string;
  /** The inviting counsellor's subject. */
  createdBy: string;
  expiresAt: string;
  status: InvitationStatus;
  counsellor: CounsellorContact;
  registry: YouthRegistry;
  /** Subtests not given on screen: paper results entered by the counsellor, or carried from the last profile. */
  paperAptitudes: AptitudeCounts;
  revokedAt?: string;
  /** The invitation that replaced this one when it was re-issued. */
  replacedBy?: string;
  submission?: Submission;
  /** Bumped on every change; writes are conditional on the revision read. */
  revision: number;
}

/** The code no longer opens the assessment (expired or revoked): 410 with a message for the youth. */
export class InvitationClosedError extends DomainError {
  override name = 'InvitationClosedError';
}

/** Too many wrong codes from one place: 429. */
export class TooManyAttemptsError extends DomainError {
  override name = 'TooManyAttemptsError';
}

export function expiresAt(createdAtMs: number, days: number = DEFAULT_INVITATION_DAYS): string {
  return new Date(createdAtMs + days * DAY_MS).toISOString();
}

function dateOf(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

/**
 * Whether the code may still be used to take the assessment; throws the message the youth sees
 * otherwise. A submitted invitation is not closed here: its code still shows the results.
 */
export function assertOpen(invitation: Invitation, nowMs: number): void {
  if (invitation.status === 'revoked') {
    throw new InvitationClosedError(
      'Kode ini sudah dibatalkan oleh konselor. Minta kode baru ke konselor kamu.',
    );
  }
  if (invitation.status === 'submitted') {
    const until = Date.parse(invitation.submission!.submittedAt) + RESULTS_DAYS * DAY_MS;
    if (nowMs > until) {
      throw new InvitationClosedError(
        `Hasil asesmen dengan kode ini hanya bisa dilihat sampai ${dateOf(new Date(until).toISOString())}. Tanyakan hasilmu ke konselor.`,
      );
    }
    return;
  }
  if (nowMs >= Date.parse(invitation.expiresAt)) {
    throw new InvitationClosedError(
      `Kode ini sudah kedaluwarsa pada ${dateOf(invitation.expiresAt)}. Minta kode baru ke konselor kamu.`,
    );
  }
}

/** The assessment record an invitation's answers become: the same shape as any uploaded row. */
export function assessmentRecordOf(
  invitation: Invitation,
  answers: Record<string, number | null>,
  screenAptitudes: AptitudeCounts,
  assessedAt: string,
): AssessmentRecord {
  const { registry } = invitation;
  const aptitudes = { ...invitation.paperAptitudes, ...screenAptitudes };
  return {
    youth_id: invitation.youthId,
    instrument: invitation.instrument,
    assessed_at: assessedAt,
    gender: registry.gender,
    birth_date: registry.birthDate,
    district: invitation.district,
    education: registry.education,
    ...(registry.disability && { disability: registry.disability }),
    ...(registry.welfareDecile !== undefined && { welfare_decile: registry.welfareDecile }),
    interests: answers,
    ...(Object.keys(aptitudes).length > 0 && { aptitudes }),
    ...(registry.skills && registry.skills.length > 0 && { skills: registry.skills }),
    ...(registry.preferences && { preferences: registry.preferences }),
  };
}
