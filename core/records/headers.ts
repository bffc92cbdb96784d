/**
 * Column headers as people type them ("Nama Perusahaan", "ID-Lowongan", "gaji (Rp)") mapped to the
 * canonical field names of docs/formats.md. Two headers that land on the same field make a file
 * unreadable: guessing which one was meant would silently lose data.
 */
import { DISABILITY_DOMAINS } from '../domain/disability.ts';
import { APTITUDE_SUBTESTS, type RecordKind } from '../domain/records.ts';

export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

export const VACANCY_COLUMNS = [
  'vacancy_id',
  'employer_id',
  'employer_name',
  'title',
  'occupation_code',
  'district',
  'openings',
  'min_education',
  'min_age',
  'max_age',
  'skills',
  'riasec',
  'accessible_for',
  'adjustable_for',
  'not_accessible_for',
  'gender_requirement',
  'wage_monthly_idr',
  'wage_max_monthly_idr',
  'contract_type',
  'working_hours_per_week',
  'bpjs_ketenagakerjaan',
  'bpjs_kesehatan',
  'applicant_pays',
  'applicant_fee_idr',
  'description',
  'closing_date',
] as const;

export const TRAINING_COLUMNS = [
  'training_id',
  'provider_id',
  'provider_name',
  'title',
  'target_occupations',
  'skills_taught',
  'district',
  'seats',
  'start_date',
  'duration_days',
  'cost_idr',
  'min_education',
  'min_age',
  'max_age',
  'accessible_for',
  'adjustable_for',
  'not_accessible_for',
  'certified',
] as const;

/** Top-level fields of a nested (JSON) assessment record. */
export const ASSESSMENT_FIELDS = [
  'youth_id',
  'nik',
  'display_name',
  'phone',
  'instrument',
  'assessed_at',
  'gender',
  'birth_date',
  'district',
  'education',
  'disability',
  'welfare_decile',
  'interests',
  'aptitudes',
  'skills',
  'preferences',
] as const;

/** Flat (CSV/XLSX) assessment columns besides the interest items R01..C10. */
export const ASSESSMENT_FLAT_COLUMNS = [
  ...ASSESSMENT_FIELDS.filter((f) => !['disability', 'interests', 'aptitudes', 'preferences'].includes(f)),
  'max_commute_km',
  'willing_to_relocate',
  'contract_types',
  ...DISABILITY_DOMAINS.map((d) => `disability_${d}`),
  ...APTITUDE_SUBTESTS.flatMap((s) => [`${s}_correct`, `${s}_total`]),
] as const;

const SHARED_ALIASES: Record<string, string> = {
  kode_wilayah: 'district',
  kab_kota: 'district',
  kabupaten_kota: 'district',
  kode_kab_kota: 'district',
  kode_bps: 'district',
  pendidikan_minimal: 'min_education',
  pendidikan_min: 'min_education',
  min_pendidikan: 'min_education',
  usia_min: 'min_age',
  usia_minimal: 'min_age',
  umur_min: 'min_age',
  usia_maks: 'max_age',
  usia_max: 'max_age',
  usia_maksimal: 'max_age',
  umur_maks: 'max_age',
  ramah_disabilitas: 'accessible_for',
  aksesibel_untuk: 'accessible_for',
  dapat_disesuaikan_untuk: 'adjustable_for',
  akomodasi_untuk: 'adjustable_for',
  tidak_aksesibel_untuk: 'not_accessible_for',
};

const VACANCY_ALIASES: Record<string, string> = {
  ...SHARED_ALIASES,
  id_lowongan: 'vacancy_id',
  kode_lowongan: 'vacancy_id',
  id_perusahaan: 'employer_id',
  kode_perusahaan: 'employer_id',
  nama_perusahaan: 'employer_name',
  perusahaan: 'employer_name',
  jabatan: 'title',
  nama_jabatan: 'title',
  posisi: 'title',
  kode_kbji: 'occupation_code',
  kbji: 'occupation_code',
  kode_isco: 'occupation_code',
  isco: 'occupation_code',
  jumlah_lowongan: 'openings',
  jumlah_kebutuhan: 'openings',
  kebutuhan: 'openings',
  keterampilan: 'skills',
  keahlian: 'skills',
  profil_riasec: 'riasec',
  kode_holland: 'riasec',
  persyaratan_gender: 'gender_requirement',
  syarat_jenis_kelamin: 'gender_requirement',
  gaji: 'wage_monthly_idr',
  gaji_bulanan: 'wage_monthly_idr',
  upah: 'wage_monthly_idr',
  upah_bulanan: 'wage_monthly_idr',
  gaji_min: 'wage_monthly_idr',
  gaji_minimal: 'wage_monthly_idr',
  gaji_maks: 'wage_max_monthly_idr',
  gaji_max: 'wage_max_monthly_idr',
  gaji_maksimal: 'wage_max_monthly_idr',
  jenis_kontrak: 'contract_type',
  status_kerja: 'contract_type',
  jam_kerja: 'working_hours_per_week',
  jam_kerja_per_minggu: 'working_hours_per_week',
  bpjs_tk: 'bpjs_ketenagakerjaan',
  bpjs: 'bpjs_ketenagakerjaan',
  bpjs_kes: 'bpjs_kesehatan',
  pelamar_membayar: 'applicant_pays',
  ada_biaya_pelamar: 'applicant_pays',
  biaya_pelamar: 'applicant_fee_idr',
  biaya_pendaftaran: 'applicant_fee_idr',
  deskripsi: 'description',
  deskripsi_pekerjaan: 'description',
  keterangan: 'description',
  batas_lamaran: 'closing_date',
  tanggal_tutup: 'closing_date',
  batas_akhir: 'closing_date',
};

const TRAINING_ALIASES: Record<string, string> = {
  ...SHARED_ALIASES,
  id_pelatihan: 'training_id',
  kode_pelatihan: 'training_id',
  id_lembaga: 'provider_id',
  kode_lembaga: 'provider_id',
  nama_lembaga: 'provider_name',
  lembaga: 'provider_name',
  nama_pelatihan: 'title',
  judul: 'title',
  judul_pelatihan: 'title',
  okupasi_sasaran: 'target_occupations',
  kode_kbji_sasaran: 'target_occupations',
  materi_keterampilan: 'skills_taught',
  keterampilan: 'skills_taught',
  kuota: 'seats',
  kursi: 'seats',
  jumlah_peserta: 'seats',
  tanggal_mulai: 'start_date',
  mulai: 'start_date',
  durasi_hari: 'duration_days',
  durasi: 'duration_days',
  biaya: 'cost_idr',
  biaya_pelatihan: 'cost_idr',
  bersertifikat: 'certified',
  sertifikat: 'certified',
};

const SUBTEST_NAMES_ID: Record<string, string> = {
  verbal: 'verbal',
  numerik: 'numerical',
  abstrak: 'abstract',
  spasial: 'spatial',
  klerikal: 'clerical',
  mekanik: 'mechanical',
};

const DOMAIN_NAMES_ID: Record<string, string> = {
  penglihatan: 'seeing',
  pendengaran: 'hearing',
  berjalan: 'walking',
  kognitif: 'cognition',
  perawatan_diri: 'self_care',
  komunikasi: 'communication',
};

const ASSESSMENT_ALIASES: Record<string, string> = {
  id_peserta: 'youth_id',
  id_pemuda: 'youth_id',
  kode_peserta: 'youth_id',
  no_nik: 'nik',
  nomor_nik: 'nik',
  nama: 'display_name',
  nama_panggilan: 'display_name',
  nama_lengkap: 'display_name',
  no_hp: 'phone',
  nomor_hp: 'phone',
  no_telepon: 'phone',
  nomor_telepon: 'phone',
  telepon: 'phone',
  no_wa: 'phone',
  instrumen: 'instrument',
  tanggal_asesmen: 'assessed_at',
  waktu_asesmen: 'assessed_at',
  tanggal_tes: 'assessed_at',
  jenis_kelamin: 'gender',
  tanggal_lahir: 'birth_date',
  tgl_lahir: 'birth_date',
  kode_wilayah: 'district',
  kab_kota: 'district',
  kabupaten_kota: 'district',
  kode_kab_kota: 'district',
  pendidikan: 'education',
  pendidikan_terakhir: 'education',
  disabilitas: 'disability',
  desil: 'welfare_decile',
  desil_kesejahteraan: 'welfare_decile',
  desil_dtsen: 'welfare_decile',
  minat: 'interests',
  bakat: 'aptitudes',
  keterampilan: 'skills',
  preferensi: 'preferences',
  jarak_maks_km: 'max_commute_km',
  jarak_maksimal_km: 'max_commute_km',
  bersedia_pindah: 'willing_to_relocate',
  jenis_kontrak: 'contract_types',
  ...Object.fromEntries(
    Object.entries(SUBTEST_NAMES_ID).flatMap(([id, en]) => [
      [`${id}_benar`, `${en}_correct`],
      [`${id}_jumlah_soal`, `${en}_total`],
      [`${en}_benar`, `${en}_correct`],
      [`${en}_jumlah_soal`, `${en}_total`],
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(DOMAIN_NAMES_ID).map(([id, en]) => [`disabilitas_${id}`, `disability_${en}`]),
  ),
};

const ACRONYMS = new Set(['id', 'kbji', 'riasec', 'bpjs', 'tk', 'bps', 'nik']);

/** "id_lowongan" -> "ID Lowongan". */
function displayHeader(alias: string): string {
  return alias
    .split('_')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

/**
 * An Indonesian header per field of a kind: its first alias in the tables above, written for
 * people ("ID Lowongan"); fields without an alias keep their canonical name. Upload templates use
 * them, and `canonicalColumn` reads each back as its field.
 */
export function indonesianHeaders(kind: RecordKind): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [alias, field] of Object.entries(COLUMN_SETS[kind].aliases)) {
    headers[field] ??= displayHeader(alias);
  }
  return headers;
}

const INTEREST_ITEM = /^[riasec]\d{2}$/;

interface ColumnSet {
  canonical: ReadonlySet<string>;
  aliases: Readonly<Record<string, string>>;
}

const COLUMN_SETS: Record<RecordKind, ColumnSet> = {
  vacancies: { canonical: new Set(VACANCY_COLUMNS), aliases: VACANCY_ALIASES },
  trainings: { canonical: new Set(TRAINING_COLUMNS), aliases: TRAINING_ALIASES },
  assessments: {
    canonical: new Set<string>([...ASSESSMENT_FIELDS, ...ASSESSMENT_FLAT_COLUMNS]),
    aliases: ASSESSMENT_ALIASES,
  },
};

/** The canonical field a header stands for, or undefined for a column the kind does not know. */
export function canonicalColumn(kind: RecordKind, header: string): string | undefined {
  const name = normalizeHeader(header);
  const set = COLUMN_SETS[kind];
  if (set.canonical.has(name)) return name;
  // Own aliases only: "constructor" or "__proto__" must not find Object.prototype's members.
  if (Object.hasOwn(set.aliases, name)) return set.aliases[name];
  // Interest items keep the instrument's spelling (R01) so scoring can look them up.
  if (kind === 'assessments' && INTEREST_ITEM.test(name)) return name.toUpperCase();
  return undefined;
}

export interface ColumnMap {
  /** Header as written -> canonical field. */
  columns: ReadonlyMap<string, string>;
  /** Headers as written that no field of this kind claims. */
  unknown: readonly string[];
  /** Pairs of headers as written that claim the same field. */
  duplicates: ReadonlyArray<{ headers: [string, string]; field: string }>;
}

export function resolveColumns(kind: RecordKind, headers: Iterable<string>): ColumnMap {
  const columns = new Map<string, string>();
  const claimedBy = new Map<string, string>();
  const unknown: string[] = [];
  const duplicates: Array<{ headers: [string, string]; field: string }> = [];
  for (const header of headers) {
    const field = canonicalColumn(kind, header);
    if (field === undefined) {
      // A column without a header and without a name is padding, not a column.
      if (normalizeHeader(header) !== '') unknown.push(header);
      continue;
    }
    const first = claimedBy.get(field);
    if (first !== undefined) duplicates.push({ headers: [first, header], field });
    else claimedBy.set(field, header);
    columns.set(header, field);
  }
  return { columns, unknown, duplicates };
}
