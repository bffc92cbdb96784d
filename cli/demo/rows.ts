/**
 * Records as rows of the canonical flat files (CSV and XLSX): snake_case headers, lists joined by
 * `|`, booleans yes/no, dates YYYY-MM-DD, a riasec override written as the Holland code.
 */
import type { TrainingOffer, Vacancy } from '#core/domain/records';
import { hollandCodeToProfile, type RiasecVector } from '#core/domain/riasec';
import { TRAINING_COLUMNS, VACANCY_COLUMNS } from '#core/records/headers';

/** The canonical columns are the parser's own, so the demo files cannot drift from the formats. */
export { TRAINING_COLUMNS, VACANCY_COLUMNS };

import { hollandCodeOf } from './vacancies.ts';

export const LIST_SEPARATOR = '|';

export type VacancyColumn = (typeof VACANCY_COLUMNS)[number];

/** Columns a spreadsheet must hold as numbers; every other vacancy column is a text cell. */
export const VACANCY_NUMBER_COLUMNS: ReadonlySet<VacancyColumn> = new Set([
  'openings',
  'min_age',
  'max_age',
  'wage_monthly_idr',
]);

export type TrainingColumn = (typeof TRAINING_COLUMNS)[number];

/** One cell: text, a number, or empty. */
export type Cell = string | number | undefined;
export type Row<C extends string> = Record<C, Cell>;

function list(values: readonly string[] | undefined): Cell {
  return values && values.length > 0 ? values.join(LIST_SEPARATOR) : undefined;
}

function yesNo(value: boolean | undefined): Cell {
  return value === undefined ? undefined : value ? 'yes' : 'no';
}

/** The Holland code when the profile is one (as employers write it), else the six numbers. */
export function riasecCell(profile: RiasecVector | undefined): Cell {
  if (!profile) return undefined;
  const code = hollandCodeOf(profile);
  const isHolland =
    code.length > 0 && code.length <= 3 && hollandCodeToProfile(code).every((v, i) => v === profile[i]);
  return isHolland ? code : profile.join(LIST_SEPARATOR);
}

export function vacancyRow(v: Vacancy): Row<VacancyColumn> {
  return {
    vacancy_id: v.vacancy_id,
    employer_id: v.employer_id,
    employer_name: v.employer_name,
    title: v.title,
    occupation_code: v.occupation_code,
    district: v.district,
    openings: v.openings,
    min_education: v.min_education,
    min_age: v.min_age,
    max_age: v.max_age,
    skills: list(v.skills),
    riasec: riasecCell(v.riasec),
    accessible_for: list(v.accessible_for),
    adjustable_for: list(v.adjustable_for),
    not_accessible_for: list(v.not_accessible_for),
    gender_requirement: v.gender_requirement,
    wage_monthly_idr: v.wage_monthly_idr,
    wage_max_monthly_idr: v.wage_max_monthly_idr,
    contract_type: v.contract_type,
    working_hours_per_week: v.working_hours_per_week,
    bpjs_ketenagakerjaan: yesNo(v.bpjs_ketenagakerjaan),
    bpjs_kesehatan: yesNo(v.bpjs_kesehatan),
    applicant_pays: yesNo(v.applicant_pays),
    applicant_fee_idr: v.applicant_fee_idr,
    description: v.description,
    closing_date: v.closing_date,
  };
}

export function trainingRow(t: TrainingOffer): Row<TrainingColumn> {
  return {
    training_id: t.training_id,
    provider_id: t.provider_id,
    provider_name: t.provider_name,
    title: t.title,
    target_occupations: list(t.target_occupations),
    skills_taught: list(t.skills_taught),
    district: t.district,
    seats: t.seats,
    start_date: t.start_date,
    duration_days: t.duration_days,
    cost_idr: t.cost_idr,
    min_education: t.min_education,
    min_age: t.min_age,
    max_age: t.max_age,
    accessible_for: list(t.accessible_for),
    adjustable_for: list(t.adjustable_for),
    not_accessible_for: list(t.not_accessible_for),
    certified: yesNo(t.certified),
  };
}

/** RFC 4180: quote a field holding the separator, a quote, a line break or edge spaces. */
export function csvField(cell: Cell): string {
  if (cell === undefined) return '';
  const text = String(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
