/**
 * Turns one assessment record into a youth profile. Pure: the instruments, norms and skills
 * vocabulary come in through the context, so the same record always scores the same way.
 */
import { type Issue, ValidationError } from '#core/domain/errors';
import type { ScaleScore, YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS, type AptitudeSubtest, type AssessmentRecord } from '#core/domain/records';
import { RIASEC, type RiasecLetter, type RiasecVector } from '#core/domain/riasec';
import {
  createInstrumentRegistry,
  type Instrument,
  type InstrumentRegistry,
} from '#core/instruments/registry';
import { createSkillVocabulary, type SkillVocabulary } from '#core/skills/vocabulary';
import { type AptitudeNorms, defaultAptitudeNorms, isValidAptitudeResult, percentileFor } from './norms.ts';

export interface ScoringContext {
  instruments: InstrumentRegistry;
  norms: AptitudeNorms;
  skills: SkillVocabulary;
}

/** A usable profile whose highest and lowest scales differ by less than this is flagged as flat. */
export const FLAT_PROFILE_THRESHOLD = 0.15;

export interface RejectedAssessment {
  /** Position in the input list, 0-based. */
  index: number;
  youthId?: string;
  issues: readonly Issue[];
}

export interface ScoringBatch {
  profiles: YouthProfile[];
  rejected: RejectedAssessment[];
}

/** The shipped instruments, default norms and `skills-v1`, each replaceable. */
export function createScoringContext(overrides: Partial<ScoringContext> = {}): ScoringContext {
  return {
    instruments: overrides.instruments ?? createInstrumentRegistry(),
    norms: overrides.norms ?? defaultAptitudeNorms,
    skills: overrides.skills ?? createSkillVocabulary(),
  };
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

function isAnswered(value: unknown): boolean {
  return value !== null && value !== undefined;
}

function interestIssues(record: AssessmentRecord, instrument: Instrument): Issue[] {
  const issues: Issue[] = [];
  const { answerMin, answerMax } = instrument;
  for (const item of instrument.items) {
    const value = record.interests[item.id];
    if (!isAnswered(value)) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < answerMin || value > answerMax) {
      issues.push({
        field: `interests.${item.id}`,
        reason: `answer must be a whole number ${answerMin}..${answerMax}, got ${JSON.stringify(value)}`,
      });
    }
  }
  const unknownItems = Object.keys(record.interests)
    .filter((id) => !instrument.itemsById.has(id))
    .sort();
  for (const id of unknownItems) {
    issues.push({ field: `interests.${id}`, reason: `not an item of instrument ${instrument.id}` });
  }
  return issues;
}

function aptitudeIssues(record: AssessmentRecord, instrument: Instrument | undefined): Issue[] {
  const issues: Issue[] = [];
  for (const [subtest, result] of Object.entries(record.aptitudes ?? {})) {
    const field = `aptitudes.${subtest}`;
    if (!(APTITUDE_SUBTESTS as readonly string[]).includes(subtest)) {
      issues.push({ field, reason: 'unknown aptitude subtest' });
      continue;
    }
    if (instrument && !instrument.aptitudeSubtests.includes(subtest as AptitudeSubtest)) {
      issues.push({ field, reason: `not a subtest of instrument ${instrument.id}` });
      continue;
    }
    if (result === undefined) continue;
    if (typeof result !== 'object' || result === null) {
      issues.push({ field, reason: 'must be {correct, total}' });
      continue;
    }
    const { correct, total } = result as { correct: unknown; total: unknown };
    const totalOk = Number.isInteger(total) && (total as number) >= 1;
    if (!totalOk) {
      issues.push({
        field: `${field}.total`,
        reason: `must be a whole number >= 1, got ${JSON.stringify(total)}`,
      });
    }
    if (!Number.isInteger(correct) || (correct as number) < 0) {
      issues.push({
        field: `${field}.correct`,
        reason: `must be a whole number >= 0, got ${JSON.stringify(correct)}`,
      });
    } else if (totalOk && (correct as number) > (total as number)) {
      issues.push({ field: `${field}.correct`, reason: `${correct} correct exceeds the total of ${total}` });
    }
  }
  return issues;
}

function scoreScale(record: AssessmentRecord, instrument: Instrument, letter: RiasecLetter): ScaleScore {
  const items = instrument.itemsByScale[letter];
  const answers = items.map((it) => record.interests[it.id]).filter(isAnswered) as number[];
  const sum = answers.reduce((a, b) => a + b, 0);
  const answered = answers.length;
  if (answered === items.length) return { score: sum, answered, items: items.length, prorated: false };
  // Counting items rather than comparing a fraction keeps 8 of 10 at exactly the 0.8 threshold.
  const enough = answered > 0 && answered >= Math.ceil(instrument.prorationThreshold * items.length - 1e-9);
  if (!enough) return { score: null, answered, items: items.length, prorated: false };
  return { score: round((sum * items.length) / answered, 2), answered, items: items.length, prorated: true };
}

function allAnswersIdentical(record: AssessmentRecord, instrument: Instrument): boolean {
  const answers = instrument.items.map((it) => record.interests[it.id]).filter(isAnswered);
  return answers.length > 1 && answers.every((a) => a === answers[0]);
}

/** Top three letters by score; equal scores keep RIASEC order (R>I>A>S>E>C). */
export function hollandCode(scores: Readonly<Record<RiasecLetter, number>>): string {
  return RIASEC.map((letter, order) => ({ letter, order, score: scores[letter] }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, 3)
    .map((s) => s.letter)
    .join('');
}

interface InterestResult {
  interests: Record<RiasecLetter, ScaleScore>;
  interestProfile: RiasecVector | null;
  hollandCode: string | null;
  flags: string[];
}

function scoreInterests(record: AssessmentRecord, instrument: Instrument): InterestResult {
  const interests = Object.fromEntries(RIASEC.map((l) => [l, scoreScale(record, instrument, l)])) as Record<
    RiasecLetter,
    ScaleScore
  >;
  const flags = RIASEC.filter((l) => interests[l].score === null).map((l) => `scale_incomplete:${l}`);
  if (flags.length > 0) flags.push('interests_incomplete');
  if (allAnswersIdentical(record, instrument)) flags.push('interests_identical');
  if (flags.length > 0) return { interests, interestProfile: null, hollandCode: null, flags };

  const scores = Object.fromEntries(RIASEC.map((l) => [l, interests[l].score as number])) as Record<
    RiasecLetter,
    number
  >;
  const fractions = RIASEC.map((l) => scores[l] / instrument.scaleMax[l]);
  // Rounded so that a spread of exactly 0.15 (6 of 40 points) is not lost to floating-point error.
  if (round(Math.max(...fractions) - Math.min(...fractions), 9) < FLAT_PROFILE_THRESHOLD) {
    flags.push('interests_flat');
  }
  return {
    interests,
    interestProfile: fractions.map((f) => round(f, 4)) as unknown as RiasecVector,
    hollandCode: hollandCode(scores),
    flags,
  };
}

function scoreAptitudes(
  record: AssessmentRecord,
  instrument: Instrument,
  norms: AptitudeNorms,
): { aptitudes: YouthProfile['aptitudes']; flags: string[] } {
  const aptitudes: YouthProfile['aptitudes'] = {};
  const flags: string[] = [];
  for (const subtest of instrument.aptitudeSubtests) {
    const result = record.aptitudes?.[subtest];
    if (!isValidAptitudeResult(result)) {
      flags.push(`aptitude_missing:${subtest}`);
      continue;
    }
    const { percentile, norm } = percentileFor(norms, subtest, result.correct / result.total);
    aptitudes[subtest] = { correct: result.correct, total: result.total, percentile, norm };
  }
  return { aptitudes, flags };
}

function carriedPreferences(record: AssessmentRecord): YouthProfile['preferences'] {
  const p = record.preferences ?? {};
  return {
    ...(p.max_commute_km !== undefined && { maxCommuteKm: p.max_commute_km }),
    ...(p.willing_to_relocate !== undefined && { willingToRelocate: p.willing_to_relocate }),
    ...(p.contract_types !== undefined && { contractTypes: [...p.contract_types] }),
  };
}

/**
 * Scores one assessment. Throws ValidationError listing every problem in the record, each with
 * the field it is in (`interests.R11`, `aptitudes.verbal.correct`); the NIK is never copied.
 */
export function scoreAssessment(record: AssessmentRecord, ctx: ScoringContext): YouthProfile {
  const instrument = ctx.instruments.has(record.instrument)
    ? ctx.instruments.get(record.instrument)
    : undefined;
  const issues: Issue[] = instrument
    ? interestIssues(record, instrument)
    : [
        {
          field: 'instrument',
          reason: `unknown instrument "${record.instrument}"; known: ${ctx.instruments.ids().join(', ')}`,
        },
      ];
  issues.push(...aptitudeIssues(record, instrument));
  if (!instrument || issues.length > 0) {
    throw new ValidationError(issues.map((issue) => ({ ...issue, record: record.youth_id })));
  }

  const interests = scoreInterests(record, instrument);
  const aptitudes = scoreAptitudes(record, instrument, ctx.norms);
  const skills = ctx.skills.normalise(record.skills ?? []);
  const flags = [...interests.flags, ...aptitudes.flags];
  if (skills.unknown.length > 0) flags.push('unknown_skill');

  return {
    youthId: record.youth_id,
    instrument: instrument.id,
    assessedAt: record.assessed_at,
    gender: record.gender,
    ...(record.display_name !== undefined && { displayName: record.display_name }),
    ...(record.phone !== undefined && { phone: record.phone }),
    birthDate: record.birth_date,
    district: record.district,
    education: record.education,
    disability: { ...(record.disability ?? {}) },
    ...(record.welfare_decile !== undefined && { welfareDecile: record.welfare_decile }),
    interests: interests.interests,
    interestProfile: interests.interestProfile,
    hollandCode: interests.hollandCode,
    aptitudes: aptitudes.aptitudes,
    skills: skills.known,
    unknownSkills: skills.unknown,
    preferences: carriedPreferences(record),
    flags,
  };
}

/** Scores a batch; a record that fails validation is reported with its issues and the rest go on. */
export function scoreAssessments(records: readonly AssessmentRecord[], ctx: ScoringContext): ScoringBatch {
  const profiles: YouthProfile[] = [];
  const rejected: RejectedAssessment[] = [];
  records.forEach((record, index) => {
    try {
      profiles.push(scoreAssessment(record, ctx));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      rejected.push({
        index,
        ...(typeof record.youth_id === 'string' && { youthId: record.youth_id }),
        issues: error.issues,
      });
    }
  });
  return { profiles, rejected };
}
