/**
 * The upload template of a record kind, derived from the record schemas: one column per field in
 * the order of docs/formats.md, headed in Indonesian by a header the parser maps back to the field,
 * marked required when the schema refuses a row without it, with the choices a spreadsheet can
 * offer as a drop-down and an example value. The file itself is written in functions/ (exceljs).
 */
import type { IsoDate } from '../domain/calendar.ts';
import { EDUCATION_LEVELS } from '../domain/education.ts';
import { centralJavaDistricts } from '../reference/districts.ts';
import { canonicalColumn, indonesianHeaders, TRAINING_COLUMNS, VACANCY_COLUMNS } from './headers.ts';
import { trainingSchema } from './training.ts';
import { vacancySchema } from './vacancy.ts';

export const TEMPLATE_KINDS = ['vacancies', 'trainings'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface TemplateColumn {
  field: string;
  header: string;
  required: boolean;
  /** Values offered as a drop-down; the parser accepts each of them. */
  choices?: 'districts' | readonly string[];
  example: string | number;
  /** What to write, in Indonesian, shown as the header's note. */
  note: string;
}

export interface UploadTemplate {
  kind: TemplateKind;
  sheet: string;
  columns: TemplateColumn[];
}

const YES_NO = ['ya', 'tidak'] as const;
const EDUCATION_CHOICES = EDUCATION_LEVELS.map((level) => (level === 'none' ? 'tidak sekolah' : level));

/** Choices and notes by field; the parser's aliases (core/records/cells.ts) accept every choice. */
const COLUMN_HINTS: Readonly<Record<string, Pick<TemplateColumn, 'choices' | 'note'>>> = {
  vacancy_id: {
    note: 'ID lowongan Anda, unik per lowongan; mengunggah ID yang sama memperbarui lowongan itu',
  },
  employer_id: { note: 'ID pemberi kerja Anda dari akun SINERGI' },
  employer_name: { note: 'Nama perusahaan' },
  title: { note: 'Nama jabatan / pelatihan' },
  occupation_code: { note: 'Kode KBJI/ISCO-08 4 angka, ditulis sebagai teks' },
  target_occupations: { note: 'Kode KBJI 4 angka jabatan sasaran, beberapa dipisah |' },
  district: { choices: 'districts', note: 'Kode BPS kabupaten/kota (33xx), pilih dari daftar' },
  openings: { note: 'Jumlah orang yang dibutuhkan' },
  seats: { note: 'Jumlah kursi peserta' },
  min_education: { choices: EDUCATION_CHOICES, note: 'Pendidikan minimal, pilih dari daftar' },
  min_age: { note: 'Usia minimal (boleh kosong)' },
  max_age: { note: 'Usia maksimal (boleh kosong)' },
  skills: { note: 'Keterampilan yang dibutuhkan, dipisah |' },
  skills_taught: { note: 'Keterampilan yang diajarkan, dipisah |' },
  riasec: { note: 'Boleh kosong: kode Holland jabatan bila berbeda dari KBJI' },
  accessible_for: {
    note: 'Ramah disabilitas: penglihatan, pendengaran, berjalan, kognitif, perawatan diri, komunikasi; dipisah |',
  },
  gender_requirement: {
    choices: ['semua', 'laki-laki', 'perempuan'],
    note: 'Syarat jenis kelamin ditinjau program dan tidak memengaruhi rekomendasi',
  },
  wage_monthly_idr: { note: 'Gaji per bulan dalam rupiah' },
  contract_type: { choices: ['tetap', 'kontrak', 'magang', 'pemagangan', 'harian'], note: 'Jenis kontrak' },
  bpjs_ketenagakerjaan: { choices: YES_NO, note: 'Didaftarkan BPJS Ketenagakerjaan?' },
  closing_date: { note: 'Batas lamaran, YYYY-MM-DD' },
  training_id: {
    note: 'ID pelatihan Anda, unik per pelatihan; mengunggah ID yang sama memperbarui pelatihan itu',
  },
  provider_id: { note: 'ID lembaga pelatihan Anda dari akun SINERGI' },
  provider_name: { note: 'Nama lembaga (BLK/LPK)' },
  start_date: { note: 'Tanggal mulai, YYYY-MM-DD' },
  duration_days: { note: 'Lama pelatihan dalam hari' },
  cost_idr: { note: 'Biaya bagi peserta dalam rupiah; 0 atau "gratis" bila gratis' },
  certified: { choices: YES_NO, note: 'Bersertifikat?' },
};

function plusDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function examples(kind: TemplateKind, ownerId: string, asOf: IsoDate): Record<string, string | number> {
  if (kind === 'vacancies') {
    return {
      vacancy_id: 'LOW-001',
      employer_id: ownerId,
      employer_name: 'PT Contoh Sejahtera',
      title: 'Operator Jahit',
      occupation_code: '7533',
      district: '3374',
      openings: 5,
      min_education: 'SMP',
      min_age: 18,
      max_age: 35,
      skills: 'menjahit|mesin jahit',
      riasec: '',
      accessible_for: 'pendengaran',
      gender_requirement: 'semua',
      wage_monthly_idr: 2_500_000,
      contract_type: 'kontrak',
      bpjs_ketenagakerjaan: 'ya',
      closing_date: plusDays(asOf, 30),
    };
  }
  return {
    training_id: 'PEL-001',
    provider_id: ownerId,
    provider_name: 'BLK Contoh',
    title: 'Menjahit Dasar',
    target_occupations: '7533',
    skills_taught: 'menjahit|pola',
    district: '3374',
    seats: 16,
    start_date: plusDays(asOf, 30),
    duration_days: 30,
    cost_idr: 0,
    min_education: 'SMP',
    min_age: 18,
    max_age: 35,
    accessible_for: '',
    certified: 'ya',
  };
}

/** Fields the schema refuses a row without: parsing an empty row names exactly them. */
function requiredFields(kind: TemplateKind): Set<string> {
  const schema = kind === 'vacancies' ? vacancySchema() : trainingSchema();
  const result = schema.safeParse({});
  const required = new Set<string>();
  for (const issue of result.error?.issues ?? []) {
    if (issue.message.startsWith('is required')) required.add(String(issue.path[0]));
  }
  return required;
}

const SHEETS: Record<TemplateKind, string> = { vacancies: 'lowongan', trainings: 'pelatihan' };

/**
 * `ownerId` fills the example row's employer or provider id, so the example is a row the caller's
 * own upload accepts; `asOf` dates it (the example's deadline lies 30 days ahead).
 */
export function uploadTemplate(
  kind: TemplateKind,
  options: { ownerId: string; asOf: IsoDate },
): UploadTemplate {
  const fields = kind === 'vacancies' ? VACANCY_COLUMNS : TRAINING_COLUMNS;
  const required = requiredFields(kind);
  const example = examples(kind, options.ownerId, options.asOf);
  const headers = indonesianHeaders(kind);
  return {
    kind,
    sheet: SHEETS[kind],
    columns: fields.map((field) => {
      const header = headers[field] ?? field;
      // The template must never offer a header its own upload would not read back.
      if (canonicalColumn(kind, header) !== field)
        throw new RangeError(`template header ${header} is not read as ${field}`);
      const hints = COLUMN_HINTS[field];
      return {
        field,
        header,
        required: required.has(field),
        ...(hints?.choices !== undefined && { choices: hints.choices }),
        example: example[field] ?? '',
        note: hints?.note ?? '',
      };
    }),
  };
}

/** The districts a template's drop-down offers: code and name, BPS order. */
export function templateDistricts(): { code: string; name: string }[] {
  return centralJavaDistricts.map((d) => ({ code: d.code, name: d.name }));
}
