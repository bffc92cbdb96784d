/**
 * Turns a vacancy or a training offer into an OpportunityProfile, the one shape the matcher reads.
 * Problems that do not make the record unusable (an unknown occupation, an unknown skill) become
 * warnings so the processing report can show them.
 */
import type { Issue } from '../domain/errors.ts';
import type { OpportunityProfile } from '../domain/profiles.ts';
import type { TrainingOffer, Vacancy } from '../domain/records.ts';
import type { OccupationInfo, OccupationLookup } from '../domain/reference.ts';
import type { RiasecVector } from '../domain/riasec.ts';

export interface OpportunityProfileContext {
  occupations: OccupationLookup;
  normaliseSkills: (skills: string[]) => { known: string[]; unknown: string[] };
  /** Job zone assumed when no occupation is known; the middle of the scale unless configured. */
  unknownJobZone?: number;
}

export interface ProfileResult {
  profile: OpportunityProfile;
  warnings: Issue[];
}

/** The midpoint of O*NET's 1-7 scale: a flat profile, which the matcher treats as neutral. */
const NEUTRAL_RIASEC: RiasecVector = [4, 4, 4, 4, 4, 4];
const MIDDLE_JOB_ZONE = 3;

function skillWarnings(record: string, field: string, unknown: string[]): Issue[] {
  return unknown.map((skill) => ({
    record,
    field,
    reason: `unknown skill "${skill}": not in the skills vocabulary, so it cannot be matched`,
  }));
}

function estimatedOccupation(record: string, field: string, occupation: OccupationInfo): Issue {
  return {
    record,
    field,
    reason: `occupation code "${occupation.code}" has no interest profile of its own; it is estimated from its ISCO-08 ${occupation.basis === 'minor_group' ? 'minor' : 'sub-major'} group (give a riasec Holland code to be exact)`,
  };
}

function unknownOccupation(record: string, field: string, code: string): Issue {
  return {
    record,
    field,
    reason: `unknown occupation code "${code}": interest congruence is neutral (0.5) for this opportunity`,
  };
}

function meanProfile(occupations: OccupationInfo[]): RiasecVector {
  const sum = [0, 0, 0, 0, 0, 0];
  for (const occupation of occupations) {
    for (let i = 0; i < 6; i++) sum[i]! += occupation.riasec[i]!;
  }
  return sum.map((s) => s / occupations.length) as unknown as RiasecVector;
}

export function vacancyToProfile(vacancy: Vacancy, ctx: OpportunityProfileContext): ProfileResult {
  const record = vacancy.vacancy_id;
  const warnings: Issue[] = [];
  const occupation = ctx.occupations(vacancy.occupation_code);
  if (!occupation) warnings.push(unknownOccupation(record, 'occupation_code', vacancy.occupation_code));
  else if (occupation.basis && occupation.basis !== 'unit_group' && !vacancy.riasec) {
    warnings.push(estimatedOccupation(record, 'occupation_code', occupation));
  }
  const skills = ctx.normaliseSkills(vacancy.skills ?? []);
  warnings.push(...skillWarnings(record, 'skills', skills.unknown));

  const riasecSource: OpportunityProfile['riasecSource'] = vacancy.riasec
    ? 'override'
    : occupation
      ? 'occupation'
      : 'unknown';
  const profile: OpportunityProfile = {
    kind: 'job',
    id: vacancy.vacancy_id,
    ownerId: vacancy.employer_id,
    ownerName: vacancy.employer_name,
    title: vacancy.title,
    occupationCodes: [vacancy.occupation_code],
    riasec: vacancy.riasec ?? occupation?.riasec ?? NEUTRAL_RIASEC,
    riasecSource,
    jobZone: occupation?.jobZone ?? ctx.unknownJobZone ?? MIDDLE_JOB_ZONE,
    district: vacancy.district,
    capacity: vacancy.openings,
    minEducation: vacancy.min_education,
    skills: uniqueSorted(skills.known),
    accessibleFor: [...(vacancy.accessible_for ?? [])],
    ...(vacancy.adjustable_for && { adjustableFor: [...vacancy.adjustable_for] }),
    ...(vacancy.not_accessible_for && { notAccessibleFor: [...vacancy.not_accessible_for] }),
    deadline: vacancy.closing_date,
  };
  if (occupation?.basis && occupation.basis !== 'unit_group' && !vacancy.riasec) {
    profile.estimatedFrom = occupation.basis;
  }
  if (vacancy.min_age !== undefined) profile.minAge = vacancy.min_age;
  if (vacancy.max_age !== undefined) profile.maxAge = vacancy.max_age;
  if (vacancy.contract_type !== undefined) profile.contractType = vacancy.contract_type;
  if (vacancy.gender_requirement !== undefined) profile.genderRequirement = vacancy.gender_requirement;
  if (vacancy.wage_monthly_idr !== undefined) profile.wageMonthlyIdr = vacancy.wage_monthly_idr;
  return { profile, warnings };
}

/**
 * A training prepares for its target occupations, so it takes their mean interest profile and the
 * lowest of their job zones (the entry level it can lead to).
 */
export function trainingToProfile(training: TrainingOffer, ctx: OpportunityProfileContext): ProfileResult {
  const record = training.training_id;
  const warnings: Issue[] = [];
  const known: OccupationInfo[] = [];
  for (const code of training.target_occupations) {
    const occupation = ctx.occupations(code);
    if (!occupation) {
      warnings.push(unknownOccupation(record, 'target_occupations', code));
      continue;
    }
    known.push(occupation);
    if (occupation.basis && occupation.basis !== 'unit_group') {
      warnings.push(estimatedOccupation(record, 'target_occupations', occupation));
    }
  }
  if (training.target_occupations.length === 0) {
    warnings.push({
      record,
      field: 'target_occupations',
      reason: 'no target occupation: interest congruence is neutral (0.5) for this training',
    });
  }
  const skills = ctx.normaliseSkills(training.skills_taught);
  warnings.push(...skillWarnings(record, 'skills_taught', skills.unknown));

  const profile: OpportunityProfile = {
    kind: 'training',
    id: training.training_id,
    ownerId: training.provider_id,
    ownerName: training.provider_name,
    title: training.title,
    occupationCodes: [...training.target_occupations],
    riasec: known.length > 0 ? meanProfile(known) : NEUTRAL_RIASEC,
    riasecSource: known.length > 0 ? 'targets' : 'unknown',
    jobZone:
      known.length > 0 ? Math.min(...known.map((o) => o.jobZone)) : (ctx.unknownJobZone ?? MIDDLE_JOB_ZONE),
    district: training.district,
    capacity: training.seats,
    minEducation: training.min_education,
    skills: uniqueSorted(skills.known),
    accessibleFor: [...(training.accessible_for ?? [])],
    ...(training.adjustable_for && { adjustableFor: [...training.adjustable_for] }),
    ...(training.not_accessible_for && { notAccessibleFor: [...training.not_accessible_for] }),
    deadline: training.start_date,
    costIdr: training.cost_idr,
    durationDays: training.duration_days,
    certified: training.certified ?? false,
  };
  if (training.min_age !== undefined) profile.minAge = training.min_age;
  if (training.max_age !== undefined) profile.maxAge = training.max_age;
  const estimated = known.flatMap((o) => (o.basis && o.basis !== 'unit_group' ? [o.basis] : []));
  if (estimated.length > 0) {
    profile.estimatedFrom = estimated.includes('sub_major_group') ? 'sub_major_group' : 'minor_group';
  }
  return { profile, warnings };
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort();
}
