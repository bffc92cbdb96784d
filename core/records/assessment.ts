/**
 * Assessment records arrive nested (JSON, JSONL: shaped like AssessmentRecord) or flat (CSV, XLSX:
 * one column per interest item, aptitude count and disability domain). Flat rows are nested first,
 * so one schema, and one set of rules, serves both.
 */
import { z } from 'zod';
import { DISABILITY_DOMAINS, type DisabilityProfile } from '../domain/disability.ts';
import { APTITUDE_SUBTESTS, type AptitudeSubtest, type AssessmentRecord } from '../domain/records.ts';
import {
  type CellParser,
  calendarDate,
  contractType,
  dateOrDateTime,
  decimal,
  difficulty,
  disabilityDomain,
  district,
  education,
  gender,
  identifier,
  integer,
  interestAnswer,
  isBlank,
  list,
  nik,
  personName,
  phone,
  shown,
  text,
  yesNo,
} from './cells.ts';
import { optional, required } from './fields.ts';
import type { ParseContext } from './types.ts';

/** The longest aptitude subtest in use has 60 items; 500 leaves room without admitting typos like 3000. */
const MAX_APTITUDE_ITEMS = 500;
const MAX_COMMUTE_KM = 500;

const PREFERENCE_COLUMNS = ['max_commute_km', 'willing_to_relocate', 'contract_types'] as const;
const INTEREST_COLUMN = /^[RIASEC]\d{2}$/;
const DISABILITY_COLUMN = /^disability_(.+)$/;
const APTITUDE_COLUMN = /^(.+)_(correct|total)$/;

type Fields = Record<string, unknown>;

function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Gathers flat columns under their nested field. A flat row and a nested row give the same input
 * to the schema; a record that uses both spellings for one field gets a clear issue instead of a
 * silent merge.
 */
export function nestFlatAssessment(fields: Fields): { nested: Fields; conflicts: string[] } {
  const nested: Fields = {};
  const interests: Fields = {};
  const disability: Fields = {};
  const aptitudes: Record<string, Fields> = {};
  const preferences: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    const disabilityMatch = DISABILITY_COLUMN.exec(key);
    const aptitudeMatch = APTITUDE_COLUMN.exec(key);
    if (INTEREST_COLUMN.test(key)) interests[key] = value;
    else if (disabilityMatch) {
      if (!isBlank(value)) disability[disabilityMatch[1]!] = value;
    } else if (aptitudeMatch && APTITUDE_SUBTESTS.includes(aptitudeMatch[1] as AptitudeSubtest)) {
      if (isBlank(value)) continue;
      const subtest = aptitudeMatch[1]!;
      aptitudes[subtest] = { ...aptitudes[subtest], [aptitudeMatch[2]!]: value };
    } else if ((PREFERENCE_COLUMNS as readonly string[]).includes(key)) {
      if (!isBlank(value)) preferences[key] = value;
    } else nested[key] = value;
  }
  const conflicts: string[] = [];
  const gathered: Array<[string, Fields, boolean]> = [
    ['interests', interests, Object.keys(interests).length > 0],
    ['disability', disability, Object.keys(disability).length > 0],
    ['aptitudes', aptitudes, Object.keys(aptitudes).length > 0],
    ['preferences', preferences, Object.keys(preferences).length > 0],
  ];
  const flatColumnsPresent = Object.keys(fields).some(
    (k) => INTEREST_COLUMN.test(k) || DISABILITY_COLUMN.test(k) || APTITUDE_COLUMN.test(k),
  );
  for (const [name, value, present] of gathered) {
    if (!present) continue;
    if (nested[name] !== undefined) conflicts.push(name);
    else nested[name] = value;
  }
  // A flat file that has the interest columns but left them all empty still has interests (unanswered).
  if (flatColumnsPresent && nested['interests'] === undefined) nested['interests'] = interests;
  return { nested, conflicts };
}

const DOMAIN_KEYS = new Set<string>(DISABILITY_DOMAINS);

type Problem = { path: string; reason: string };

/** Parses an object field key by key, reporting each bad key under its own path. */
function nestedField<T>(name: string, parseObject: (value: Fields) => { value: T; problems: Problem[] }) {
  return z
    .unknown()
    .optional()
    .transform((raw, ctx): T | undefined => {
      if (isBlank(raw)) return undefined;
      if (!isPlainObject(raw)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be an object, got ${shown(raw)}` });
        return z.NEVER;
      }
      const { value, problems } = parseObject(raw);
      for (const problem of problems) {
        ctx.addIssue({ code: 'custom', message: problem.reason, path: [problem.path] });
      }
      return problems.length > 0 ? z.NEVER : value;
    });
}

function parseDisability(value: Fields): { value: DisabilityProfile; problems: Problem[] } {
  const profile: DisabilityProfile = {};
  const problems: Problem[] = [];
  for (const [key, raw] of Object.entries(value)) {
    const domain = DOMAIN_KEYS.has(key) ? { ok: true as const, value: key } : disabilityDomain(key);
    if (!domain.ok || domain.value === undefined) {
      problems.push({
        path: key,
        reason: `is not a Washington Group domain (${DISABILITY_DOMAINS.join(', ')})`,
      });
      continue;
    }
    const level = difficulty(raw);
    if (!level.ok)
      problems.push({ path: domain.value, reason: `${level.reason} (1 = no difficulty .. 4 = cannot do)` });
    else if (level.value !== undefined) profile[domain.value as keyof DisabilityProfile] = level.value;
  }
  return { value: profile, problems };
}

const aptitudeCount = integer(0, MAX_APTITUDE_ITEMS);

type AptitudeScores = NonNullable<AssessmentRecord['aptitudes']>;

function parseAptitudes(value: Fields): { value: AptitudeScores; problems: Problem[] } {
  const scores: AptitudeScores = {};
  const problems: Problem[] = [];
  for (const [subtest, raw] of Object.entries(value)) {
    if (!APTITUDE_SUBTESTS.includes(subtest as AptitudeSubtest)) {
      problems.push({
        path: subtest,
        reason: `is not an aptitude subtest (${APTITUDE_SUBTESTS.join(', ')})`,
      });
      continue;
    }
    if (!isPlainObject(raw)) {
      problems.push({ path: subtest, reason: `must be {correct, total}, got ${shown(raw)}` });
      continue;
    }
    const correct = aptitudeCount(raw['correct']);
    const total = aptitudeCount(raw['total']);
    const before = problems.length;
    for (const [part, parsed] of [
      ['correct', correct],
      ['total', total],
    ] as const) {
      if (!parsed.ok) problems.push({ path: `${subtest}.${part}`, reason: parsed.reason });
      else if (parsed.value === undefined)
        problems.push({ path: `${subtest}.${part}`, reason: 'is required' });
    }
    if (problems.length > before || !correct.ok || !total.ok) continue;
    const c = correct.value!;
    const t = total.value!;
    if (t < 1) problems.push({ path: `${subtest}.total`, reason: 'must be at least 1' });
    else if (c > t)
      problems.push({ path: `${subtest}.correct`, reason: `${c} correct is more than the ${t} items` });
    else scores[subtest as AptitudeSubtest] = { correct: c, total: t };
  }
  return { value: scores, problems };
}

type Preferences = NonNullable<AssessmentRecord['preferences']>;

const PREFERENCE_PARSERS: Record<keyof Preferences, CellParser<unknown>> = {
  max_commute_km: decimal(0, MAX_COMMUTE_KM),
  willing_to_relocate: yesNo,
  contract_types: list(contractType),
};

function parsePreferences(value: Fields): { value: Preferences; problems: Problem[] } {
  const preferences: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const [key, raw] of Object.entries(value)) {
    const parse = PREFERENCE_PARSERS[key as keyof Preferences];
    if (parse === undefined) {
      problems.push({
        path: key,
        reason: `is not a preference (${Object.keys(PREFERENCE_PARSERS).join(', ')})`,
      });
      continue;
    }
    const parsed = parse(raw);
    if (!parsed.ok) problems.push({ path: key, reason: parsed.reason });
    else if (parsed.value !== undefined) preferences[key] = parsed.value;
  }
  return { value: preferences as Preferences, problems };
}

/** Item ids are not checked against an instrument here: scoring knows the instrument and names bad items. */
const interestsField = z
  .unknown()
  .optional()
  .transform((raw, ctx): Record<string, number | null> => {
    if (raw === undefined || raw === null) {
      ctx.addIssue({ code: 'custom', message: 'is required: the interest answers (columns R01..C10)' });
      return z.NEVER;
    }
    if (!isPlainObject(raw)) {
      ctx.addIssue({
        code: 'custom',
        message: `must be an object of item -> answer 0..4, got ${shown(raw)}`,
      });
      return z.NEVER;
    }
    const answers: Record<string, number | null> = {};
    let bad = false;
    for (const [item, value] of Object.entries(raw)) {
      const parsed = interestAnswer(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.reason, path: [item] });
        bad = true;
      } else answers[item.trim()] = parsed.value ?? null;
    }
    if (Object.keys(raw).length === 0) {
      ctx.addIssue({ code: 'custom', message: 'has no items: expected answers such as R01..C10' });
      return z.NEVER;
    }
    return bad ? z.NEVER : answers;
  });

export function assessmentSchema(
  ctx: Pick<ParseContext, 'isKnownDistrict'> = {},
): z.ZodType<AssessmentRecord> {
  return z
    .object({
      youth_id: required(identifier),
      nik: optional(nik),
      display_name: optional(personName),
      phone: optional(phone),
      instrument: required(text(100)),
      assessed_at: required(dateOrDateTime),
      gender: required(gender),
      birth_date: required(calendarDate(true)),
      district: required(district(ctx.isKnownDistrict)),
      education: required(education),
      disability: nestedField('disability', parseDisability),
      welfare_decile: optional(integer(1, 10, true)),
      interests: interestsField,
      aptitudes: nestedField('aptitudes', parseAptitudes),
      skills: optional(list(text(100))),
      preferences: nestedField('preferences', parsePreferences),
    })
    .refine(
      (record) =>
        typeof record.birth_date !== 'string' ||
        typeof record.assessed_at !== 'string' ||
        record.birth_date <= record.assessed_at.slice(0, 10),
      { message: 'is after the assessment date', path: ['birth_date'], when: () => true },
    );
}
