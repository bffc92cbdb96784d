/**
 * Holds: why a vacancy is kept out of recommendations until a manager releases it. Intake holds
 * come from the vacancy itself (wage below the district UMK, a fee asked of applicants, fee wording
 * in its text); case holds come from complaint cases (a serious case, or repeated cases against the
 * employer). A release names who, when and why, and applies to the hold as it stood: a re-upload
 * that changes the wage or the fee makes a new hold that needs its own release.
 */
import type { IsoDate } from '../domain/calendar.ts';
import type { Vacancy } from '../domain/records.ts';
import { detectFeeWording } from './fee-wording.ts';
import { checkWage, formatRupiah, UMK_TABLES, type UmkTable } from './umk.ts';

export const INTAKE_HOLD_CODES = ['below_umk', 'applicant_fee', 'fee_wording'] as const;
export const CASE_HOLD_CODES = ['serious_complaint', 'employer_repeated_complaints'] as const;
export const HOLD_CODES = [...INTAKE_HOLD_CODES, ...CASE_HOLD_CODES] as const;
export type IntakeHoldCode = (typeof INTAKE_HOLD_CODES)[number];
export type HoldCode = (typeof HOLD_CODES)[number];

export interface Actor {
  role: string;
  id: string;
}

/** A reason to hold, before it is stored. `key` tells two holds of one code apart (the case, the wage). */
export interface HoldCandidate {
  code: HoldCode;
  key: string;
  /** Indonesian, shown to managers and in the employer's upload report. */
  reason: string;
}

export interface Release {
  by: Actor;
  at: string;
  reason: string;
}

export interface Hold extends HoldCandidate {
  since: string;
  release?: Release;
}

/** Why a vacancy is held on intake, as of the programme date (the UMK in force then). */
export function intakeHolds(
  vacancy: Vacancy,
  asOf: IsoDate,
  tables: readonly UmkTable[] = UMK_TABLES,
): HoldCandidate[] {
  const holds: HoldCandidate[] = [];
  const wage = checkWage(vacancy.wage_monthly_idr, vacancy.district, asOf, tables);
  if (wage.status === 'below_umk') {
    holds.push({
      code: 'below_umk',
      key: `${wage.wageMinIdr}@${wage.umk.tableVersion}`,
      reason: `upah ${formatRupiah(wage.wageMinIdr)} di bawah UMK ${wage.umk.districtName} ${formatRupiah(wage.umk.monthlyIdr)} (${wage.umk.tableVersion})`,
    });
  }
  const fee = vacancy.applicant_fee_idr ?? 0;
  if (vacancy.applicant_pays === true || fee > 0) {
    holds.push({
      code: 'applicant_fee',
      key: String(fee),
      reason:
        fee > 0
          ? `pelamar diminta membayar ${formatRupiah(fee)}`
          : 'pelamar diminta membayar (applicant_pays = ya)',
    });
  }
  const wording = detectFeeWording(vacancy);
  if (wording.length > 0) {
    const phrases = [...new Set(wording.map((w) => w.phrase))].sort();
    holds.push({
      code: 'fee_wording',
      key: phrases.join('|'),
      reason: `teks lowongan meminta uang dari pelamar: ${phrases.map((p) => `"${p}"`).join(', ')}`,
    });
  }
  return holds;
}

const holdId = (h: HoldCandidate) => `${h.code}\u0000${h.key}`;
const isIntake = (code: HoldCode) => (INTAKE_HOLD_CODES as readonly string[]).includes(code);

/**
 * The holds after a fresh intake check: case holds stay as they are; intake holds the vacancy
 * still earns keep their since and release; new ones start unreleased; the rest are gone.
 */
export function mergeIntakeHolds(
  existing: readonly Hold[],
  intake: readonly HoldCandidate[],
  at: string,
): Hold[] {
  const before = new Map(existing.map((h) => [holdId(h), h]));
  const kept = existing.filter((h) => !isIntake(h.code));
  const fresh = intake.map((c) => {
    const old = before.get(holdId(c));
    return old ? { ...old, reason: c.reason } : { ...c, since: at };
  });
  return [...fresh, ...kept];
}

/** Adds a case hold unless the same one (code and key) is already there, released or not. */
export function addHold(existing: readonly Hold[], candidate: HoldCandidate, at: string): Hold[] {
  if (existing.some((h) => holdId(h) === holdId(candidate))) return [...existing];
  return [...existing, { ...candidate, since: at }];
}

/** Releases every hold still in force; the reason is required and kept with each. */
export function releaseHolds(existing: readonly Hold[], release: Release): Hold[] {
  return existing.map((h) => (h.release ? h : { ...h, release }));
}

export function activeHolds(holds: readonly Hold[]): Hold[] {
  return holds.filter((h) => h.release === undefined);
}

export function isHeld(holds: readonly Hold[]): boolean {
  return holds.some((h) => h.release === undefined);
}
