/**
 * The seeded demo dataset: assessments, vacancies and training offers in the canonical formats,
 * with a handful of deliberately invalid rows per file that the manifest names, so the pipeline's
 * rejection reports can be checked row for row. Everything here is synthetic; no real person.
 */
import { type IsoDate, isIsoDate } from '#core/domain/calendar';
import type { AssessmentRecord, RecordKind, TrainingOffer, Vacancy } from '#core/domain/records';
import { SeededRandom } from '#core/domain/seeded-random';
import { assessmentGenerator, instrumentItems, MINI_INSTRUMENT } from './assessments.ts';
import {
  CENTRAL_JAVA_DISTRICTS,
  DEFAULT_NEIGHBOUR_DISTRICTS,
  DEFAULT_PILOT_DISTRICTS,
  UNKNOWN_DISTRICT,
  UNKNOWN_SKILLS,
} from './catalogue.ts';
import {
  type Cell,
  type Row,
  type TrainingColumn,
  trainingRow,
  type VacancyColumn,
  vacancyRow,
} from './rows.ts';
import { drawProviders, trainingGenerator } from './trainings.ts';
import { drawEmployers, type PlantedVacancies, plantHeldVacancies, vacancyGenerator } from './vacancies.ts';

export type DemoSize = 'full' | 'small';

export interface DemoOptions {
  /** Reference date: ages, assessment dates, closing and start dates are relative to it. */
  asOf: IsoDate;
  /** Unsigned 32-bit seed; the same seed and options give the same bytes. */
  seed?: number;
  /** `full`: 16,000 youth, 5,000 vacancies, 1,000 trainings; `small`: 300, 120, 40. */
  size?: DemoSize;
  assessments?: number;
  vacancies?: number;
  trainings?: number;
  employers?: number;
  providers?: number;
  /** Pilot districts (BPS codes) where the youth live. */
  districts?: readonly string[];
  /** Districts next to the pilot area where some employers and institutes also are. */
  neighbourDistricts?: readonly string[];
  /** Add the deliberately invalid rows (default true). */
  invalidRows?: boolean;
}

export interface DemoSettings {
  asOf: IsoDate;
  seed: number;
  size: DemoSize;
  counts: Record<RecordKind | 'employers' | 'providers', number>;
  districts: string[];
  neighbourDistricts: string[];
  invalidRows: boolean;
}

/** A row written on purpose with exactly one defect; `row` is the 1-based data row in its file. */
export interface InvalidRow {
  row: number;
  id: string;
  field: string;
  reason: string;
  /** The row as written: a JSON object for JSONL, header -> cell for CSV and XLSX. */
  record: Record<string, unknown>;
}

export interface DemoData {
  settings: DemoSettings;
  assessments: AssessmentRecord[];
  vacancies: Vacancy[];
  /** Vacancies made to be held for review (docs/protection.md). */
  planted: PlantedVacancies;
  trainings: TrainingOffer[];
  invalid: Record<RecordKind, InvalidRow[]>;
}

export const DEFAULT_SEED = 20_260_101;

const SIZES: Record<DemoSize, Record<RecordKind, number>> = {
  full: { assessments: 16_000, vacancies: 5_000, trainings: 1_000 },
  small: { assessments: 300, vacancies: 120, trainings: 40 },
};

function checkDistricts(codes: readonly string[], what: string): string[] {
  for (const code of codes) {
    if (!(code in CENTRAL_JAVA_DISTRICTS)) {
      throw new RangeError(`${what}: ${code} is not the BPS code of a Central Java district`);
    }
  }
  return [...new Set(codes)];
}

function checkCount(value: number, what: string, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${what} must be an integer >= ${min}`);
  return value;
}

export function resolveDemoSettings(options: DemoOptions): DemoSettings {
  if (!isIsoDate(options.asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD: ${options.asOf}`);
  const size = options.size ?? 'full';
  const base = SIZES[size];
  const districts = checkDistricts(options.districts ?? DEFAULT_PILOT_DISTRICTS, 'districts');
  if (districts.length === 0) throw new RangeError('districts: at least one pilot district is needed');
  const neighbourDistricts = checkDistricts(
    options.neighbourDistricts ?? DEFAULT_NEIGHBOUR_DISTRICTS,
    'neighbourDistricts',
  ).filter((d) => !districts.includes(d));
  const vacancies = checkCount(options.vacancies ?? base.vacancies, 'vacancies', 1);
  const trainings = checkCount(options.trainings ?? base.trainings, 'trainings', 1);
  return {
    asOf: options.asOf,
    seed: (options.seed ?? DEFAULT_SEED) >>> 0,
    size,
    counts: {
      assessments: checkCount(options.assessments ?? base.assessments, 'assessments', 1),
      vacancies,
      trainings,
      // About eight vacancies per employer and twelve offers per provider, as in the programme.
      employers: checkCount(options.employers ?? Math.max(1, Math.round(vacancies * 0.12)), 'employers', 1),
      providers: checkCount(options.providers ?? Math.max(1, Math.round(trainings * 0.08)), 'providers', 1),
    },
    districts,
    neighbourDistricts,
    invalidRows: options.invalidRows ?? true,
  };
}

interface Defect<R> {
  field: (record: R) => string;
  reason: string;
  apply: (record: R) => R;
}

/** 30 February of the reference year: shaped like a date, not on any calendar. */
const impossibleDate = (asOf: IsoDate): string => `${asOf.slice(0, 4)}-02-30`;

function assessmentDefects(asOf: IsoDate): Defect<Record<string, unknown>>[] {
  const outOfRangeItem = (r: Record<string, unknown>) =>
    r['instrument'] === MINI_INSTRUMENT ? 'C04' : 'C07';
  return [
    {
      field: () => 'nik',
      reason: 'NIK typed as a number; it must be a 16-digit string',
      apply: (r) => ({ ...r, nik: Number(r['nik']) }),
    },
    {
      field: (r) => `interests.${outOfRangeItem(r)}`,
      reason: 'answer 5 is outside 0..4',
      apply: (r) => ({ ...r, interests: { ...(r['interests'] as object), [outOfRangeItem(r)]: 5 } }),
    },
    {
      field: () => 'district',
      reason: `${UNKNOWN_DISTRICT} is not a Central Java district code`,
      apply: (r) => ({ ...r, district: UNKNOWN_DISTRICT }),
    },
    {
      field: () => 'birth_date',
      reason: `${impossibleDate(asOf)} is not a calendar date`,
      apply: (r) => ({ ...r, birth_date: impossibleDate(asOf) }),
    },
  ];
}

function vacancyDefects(asOf: IsoDate): Defect<Row<VacancyColumn>>[] {
  return [
    {
      field: () => 'occupation_code',
      reason: 'occupation code "72" is a major group, not a 4-digit ISCO-08 unit group',
      apply: (r) => ({ ...r, occupation_code: '72' }),
    },
    {
      field: () => 'closing_date',
      reason: 'closing_date is required and missing',
      apply: (r) => ({ ...r, closing_date: undefined }),
    },
    {
      field: () => 'district',
      reason: `${UNKNOWN_DISTRICT} is not a Central Java district code`,
      apply: (r) => ({ ...r, district: UNKNOWN_DISTRICT }),
    },
    {
      field: () => 'closing_date',
      reason: `${impossibleDate(asOf)} is not a calendar date`,
      apply: (r) => ({ ...r, closing_date: impossibleDate(asOf) }),
    },
    {
      field: () => 'openings',
      reason: 'openings must be at least 1',
      apply: (r) => ({ ...r, openings: 0 }),
    },
  ];
}

function trainingDefects(asOf: IsoDate): Defect<Row<TrainingColumn>>[] {
  return [
    {
      field: () => 'seats',
      reason: 'seats must be at least 1',
      apply: (r) => ({ ...r, seats: 0 }),
    },
    {
      field: () => 'district',
      reason: `${UNKNOWN_DISTRICT} is not a Central Java district code`,
      apply: (r) => ({ ...r, district: UNKNOWN_DISTRICT }),
    },
    {
      field: () => 'start_date',
      reason: `${asOf.slice(0, 4)}-13-01 is not a calendar date`,
      apply: (r) => ({ ...r, start_date: `${asOf.slice(0, 4)}-13-01` }),
    },
    {
      field: () => 'target_occupations',
      reason: 'occupation code "72" is a major group, not a 4-digit ISCO-08 unit group',
      apply: (r) => ({ ...r, target_occupations: '72' }),
    },
  ];
}

/** Spreads `count` rows evenly through a file of `total` data rows (1-based, strictly increasing). */
export function invalidRowPositions(count: number, total: number): number[] {
  const rows: number[] = [];
  for (let k = 0; k < count; k++) {
    const spread = Math.max(1, Math.floor(((k + 1) * total) / (count + 1)));
    rows.push(Math.max(spread, (rows[k - 1] ?? 0) + 1));
  }
  return rows;
}

/**
 * Each defect is applied to a fresh, otherwise valid record drawn after the valid ones, so the
 * valid records are the same with or without invalid rows.
 */
function injectDefects<R>(
  defects: readonly Defect<R>[],
  validCount: number,
  draw: () => { id: string; record: R },
): InvalidRow[] {
  const rows = invalidRowPositions(defects.length, validCount + defects.length);
  return defects.map((defect, k) => {
    const { id, record } = draw();
    return {
      row: rows[k]!,
      id,
      field: defect.field(record),
      reason: defect.reason,
      record: defect.apply(record) as Record<string, unknown>,
    };
  });
}

function times<T>(count: number, next: () => T): T[] {
  return Array.from({ length: count }, next);
}

function stripUndefined<C extends string>(row: Row<C>): Record<string, Cell> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as Record<string, Cell>;
}

export function generateDemoData(options: DemoOptions): DemoData {
  const settings = resolveDemoSettings(options);
  const { asOf, seed, counts } = settings;
  const everywhere = [...settings.districts, ...settings.neighbourDistricts];

  const youth = assessmentGenerator(SeededRandom.stream(seed, 'assessments'), {
    assessments: counts.assessments,
    asOf,
    districts: settings.districts,
  });
  const employers = drawEmployers(SeededRandom.stream(seed, 'employers'), counts.employers, everywhere);
  const jobs = vacancyGenerator(SeededRandom.stream(seed, 'vacancies'), { asOf, employers });
  const providers = drawProviders(SeededRandom.stream(seed, 'providers'), counts.providers, everywhere);
  const courses = trainingGenerator(SeededRandom.stream(seed, 'trainings'), { asOf, providers });

  const assessments = times(counts.assessments, () => youth.next());
  const vacancies = times(counts.vacancies, () => jobs.next());
  const planted = plantHeldVacancies(vacancies, asOf, settings.districts);
  const trainings = times(counts.trainings, () => courses.next());

  const invalid: Record<RecordKind, InvalidRow[]> = { assessments: [], vacancies: [], trainings: [] };
  if (settings.invalidRows) {
    invalid.assessments = injectDefects(assessmentDefects(asOf), counts.assessments, () => {
      const record = youth.next();
      return { id: record.youth_id, record: { ...record } as Record<string, unknown> };
    });
    invalid.vacancies = injectDefects(vacancyDefects(asOf), counts.vacancies, () => {
      const v = jobs.next();
      return { id: v.vacancy_id, record: vacancyRow(v) };
    });
    invalid.trainings = injectDefects(trainingDefects(asOf), counts.trainings, () => {
      const t = courses.next();
      return { id: t.training_id, record: trainingRow(t) };
    });
    for (const row of [...invalid.vacancies, ...invalid.trainings]) {
      row.record = stripUndefined(row.record as Row<string>);
    }
  }
  return { settings, assessments, vacancies, trainings, invalid, planted };
}

export const DEMO_FILES = {
  assessments: 'assessments.jsonl',
  vacancies: 'vacancies.xlsx',
  trainings: 'trainings.csv',
  manifest: 'manifest.json',
} as const;

export interface ManifestFile {
  file: string;
  format: 'jsonl' | 'xlsx' | 'csv';
  /** Data rows in the file (header excluded). */
  rows: number;
  valid: number;
  /**
   * Exactly the rows a correct parser must reject, in file order; nothing sensitive is listed.
   * `row` is the 1-based data row; `line` is where a person finds it (JSONL line, or CSV line and
   * spreadsheet row with the header as 1).
   */
  invalid: { row: number; line: number; id: string; field: string; reason: string }[];
}

export interface DemoManifest {
  dataset: 'sinergi-match demo';
  synthetic: true;
  notice: string;
  seed: number;
  asOf: IsoDate;
  size: DemoSize;
  districts: string[];
  neighbourDistricts: string[];
  employers: number;
  providers: number;
  /** Interest items per instrument. */
  instruments: Record<string, number>;
  /** Skill phrases misspelt or outside the vocabulary on purpose: expect unknown-skill warnings. */
  unknownSkillLabels: string[];
  /** Vacancy ids planted to be held for programme review. */
  heldForReview: PlantedVacancies;
  files: Record<RecordKind, ManifestFile>;
}

function manifestFile(
  file: string,
  format: ManifestFile['format'],
  valid: number,
  invalid: InvalidRow[],
): ManifestFile {
  const headerLines = format === 'jsonl' ? 0 : 1;
  return {
    file,
    format,
    rows: valid + invalid.length,
    valid,
    invalid: invalid.map(({ row, id, field, reason }) => ({
      row,
      line: row + headerLines,
      id,
      field,
      reason,
    })),
  };
}

export function demoManifest(data: DemoData): DemoManifest {
  const { settings } = data;
  return {
    dataset: 'sinergi-match demo',
    synthetic: true,
    notice:
      'Synthetic data generated from a seed. No record describes a real person, employer or course; NIKs are made up.',
    seed: settings.seed,
    asOf: settings.asOf,
    size: settings.size,
    districts: settings.districts,
    neighbourDistricts: settings.neighbourDistricts,
    employers: new Set(data.vacancies.map((v) => v.employer_id)).size,
    providers: new Set(data.trainings.map((t) => t.provider_id)).size,
    instruments: Object.fromEntries(
      ['sinergi-minat-bakat-v1', MINI_INSTRUMENT].map((i) => [i, instrumentItems(i).length]),
    ),
    unknownSkillLabels: [...UNKNOWN_SKILLS],
    heldForReview: data.planted,
    files: {
      assessments: manifestFile(
        DEMO_FILES.assessments,
        'jsonl',
        data.assessments.length,
        data.invalid.assessments,
      ),
      vacancies: manifestFile(DEMO_FILES.vacancies, 'xlsx', data.vacancies.length, data.invalid.vacancies),
      trainings: manifestFile(DEMO_FILES.trainings, 'csv', data.trainings.length, data.invalid.trainings),
    },
  };
}
