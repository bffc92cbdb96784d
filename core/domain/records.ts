/**
 * The canonical records as the programme's files describe them (field names are the documented
 * column headers, see docs/formats.md). zod schemas in core/records/ parse raw rows into these.
 */
import type { IsoDate } from './calendar.ts';
import type { DisabilityDomain, DisabilityProfile } from './disability.ts';
import type { EducationLevel } from './education.ts';
import type { Bilingual } from './language.ts';
import type { RiasecVector } from './riasec.ts';

/** What one file holds: the API, the bucket's folders, the parsers and the CLI use these names. */
export const RECORD_KINDS = ['assessments', 'vacancies', 'trainings'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const CONTRACT_TYPES = ['permanent', 'contract', 'internship', 'apprenticeship', 'daily'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const GENDER_REQUIREMENTS = ['any', 'male', 'female'] as const;
export type GenderRequirement = (typeof GENDER_REQUIREMENTS)[number];

export const APTITUDE_SUBTESTS = [
  'verbal',
  'numerical',
  'abstract',
  'spatial',
  'clerical',
  'mechanical',
] as const;
export type AptitudeSubtest = (typeof APTITUDE_SUBTESTS)[number];

export const APTITUDE_SUBTEST_NAMES: Readonly<Record<AptitudeSubtest, Bilingual>> = {
  verbal: { id: 'verbal', en: 'verbal' },
  numerical: { id: 'numerik', en: 'numerical' },
  abstract: { id: 'abstrak', en: 'abstract reasoning' },
  spatial: { id: 'spasial', en: 'spatial' },
  clerical: { id: 'klerikal', en: 'clerical' },
  mechanical: { id: 'mekanik', en: 'mechanical' },
};

export interface Vacancy {
  vacancy_id: string;
  employer_id: string;
  employer_name: string;
  title: string;
  /** ISCO-08 / KBJI 2014 unit group, 4 digits. */
  occupation_code: string;
  /** BPS regency/city code, 4 digits (e.g. 3374 Kota Semarang). */
  district: string;
  openings: number;
  min_education: EducationLevel;
  min_age?: number;
  max_age?: number;
  skills?: string[];
  /** Overrides the occupation's default profile; O*NET 1-7 scale. A Holland code is expanded. */
  riasec?: RiasecVector;
  accessible_for?: DisabilityDomain[];
  /** Needs the employer can accommodate on request (reasonable accommodation). */
  adjustable_for?: DisabilityDomain[];
  /** Needs the workplace cannot accommodate: a hard exclusion. */
  not_accessible_for?: DisabilityDomain[];
  gender_requirement?: GenderRequirement;
  /** Monthly wage in rupiah: the figure stated, or the lower end of a range. */
  wage_monthly_idr?: number;
  /** Upper end of a stated wage range; never below `wage_monthly_idr`. */
  wage_max_monthly_idr?: number;
  contract_type?: ContractType;
  /** Agreed working hours per week. */
  working_hours_per_week?: number;
  bpjs_ketenagakerjaan?: boolean;
  bpjs_kesehatan?: boolean;
  /** Whether the applicant must pay anything (fee, uniform, deposit, training) to get the job. */
  applicant_pays?: boolean;
  /** What the applicant must pay, in rupiah, when stated; 0 or "gratis" = nothing. */
  applicant_fee_idr?: number;
  /** Free text shown to youth; read for wording that asks applicants for money. */
  description?: string;
  closing_date: IsoDate;
}

export interface TrainingOffer {
  training_id: string;
  provider_id: string;
  provider_name: string;
  title: string;
  target_occupations: string[];
  skills_taught: string[];
  district: string;
  seats: number;
  start_date: IsoDate;
  duration_days: number;
  cost_idr: number;
  min_education: EducationLevel;
  min_age?: number;
  max_age?: number;
  accessible_for?: DisabilityDomain[];
  adjustable_for?: DisabilityDomain[];
  not_accessible_for?: DisabilityDomain[];
  certified?: boolean;
}

export interface AssessmentRecord {
  youth_id: string;
  /** 16-digit national ID as a string. Never logged; hashed before storage. */
  nik?: string;
  /**
   * How the counsellor recognises the youth, and how to reach them (`+62...`). Personal data: shown
   * only to counsellors of the youth's district and to admins, never logged, erased with the youth.
   */
  display_name?: string;
  phone?: string;
  instrument: string;
  /** ISO date or date-time. */
  assessed_at: string;
  gender: 'F' | 'M';
  birth_date: IsoDate;
  district: string;
  education: EducationLevel;
  disability?: DisabilityProfile;
  welfare_decile?: number;
  /** item id -> answer 0..4; a missing or null item is unanswered. */
  interests: Record<string, number | null>;
  aptitudes?: Partial<Record<AptitudeSubtest, { correct: number; total: number }>>;
  skills?: string[];
  preferences?: {
    max_commute_km?: number;
    willing_to_relocate?: boolean;
    contract_types?: ContractType[];
  };
}
