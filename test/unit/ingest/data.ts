/** Hand-written records and files for the ingest tests: small, readable, one concern each. */
import { RIASEC } from '#core/domain/riasec';
import type { UploadDescriptor } from '#core/usecases/report';
import { detectFormat } from '#functions/shared/files/format';
import { readRawRows } from '#functions/shared/files/read';

/** 60 answers of the full instrument; `leaning` letters answered 4, the rest 1. */
export function interests(leaning: string): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const letter of RIASEC) {
    for (let i = 1; i <= 10; i++)
      answers[`${letter}${String(i).padStart(2, '0')}`] = leaning.includes(letter) ? 4 : 1;
  }
  return answers;
}

export interface AssessmentOptions {
  district?: string;
  nik?: string | number;
  leaning?: string;
  skills?: string[];
  gender?: 'F' | 'M';
  relocate?: boolean;
}

export function assessment(youthId: string, options: AssessmentOptions = {}): Record<string, unknown> {
  return {
    youth_id: youthId,
    ...(options.nik !== undefined && { nik: options.nik }),
    instrument: 'sinergi-minat-bakat-v1',
    assessed_at: '2026-11-01',
    gender: options.gender ?? 'F',
    birth_date: '2003-04-10',
    district: options.district ?? '3374',
    education: 'SMK',
    interests: interests(options.leaning ?? 'RC'),
    aptitudes: { numerical: { correct: 15, total: 25 }, mechanical: { correct: 20, total: 30 } },
    skills: options.skills ?? ['menjahit'],
    preferences: { max_commute_km: 40, willing_to_relocate: options.relocate ?? false },
  };
}

export function jsonl(records: readonly Record<string, unknown>[]): Uint8Array {
  return new TextEncoder().encode(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

export const VACANCY_HEADER =
  'vacancy_id,employer_id,employer_name,title,occupation_code,district,openings,min_education,skills,gender_requirement,bpjs_ketenagakerjaan,closing_date';

export interface VacancyOptions {
  employer?: string;
  district?: string;
  openings?: string;
  closing?: string;
  gender?: string;
  bpjs?: string;
  title?: string;
  occupation?: string;
  skills?: string;
}

export function vacancyLine(id: string, o: VacancyOptions = {}): string {
  return [
    id,
    o.employer ?? 'E-017',
    'PT Garmen Sejahtera',
    o.title ?? 'Operator Jahit',
    o.occupation ?? '7533',
    o.district ?? '3374',
    o.openings ?? '4',
    'SMP',
    o.skills ?? 'menjahit|obras',
    o.gender ?? 'any',
    o.bpjs ?? 'yes',
    o.closing ?? '2027-01-31',
  ].join(',');
}

export function csv(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

export const TRAINING_HEADER =
  'training_id,provider_id,provider_name,title,target_occupations,skills_taught,district,seats,start_date,duration_days,cost_idr,min_education';

export function trainingLine(id: string, provider = 'BLK-SMG', district = '3374'): string {
  return [
    id,
    provider,
    'BLK Kota Semarang',
    'Menjahit Pakaian Jadi',
    '7533',
    'menjahit|obras',
    district,
    '16',
    '2027-01-12',
    '30',
    '0',
    'SD',
  ].join(',');
}

export const NIK = '3374015505010001';

/** The input of ingestUpload for a file held in memory, as the handler builds it from an S3 object. */
export function uploadInput(
  key: string,
  bytes: Uint8Array,
  options: { version?: number; asOf?: string; processedAt?: string } = {},
) {
  const kind = key.split('/')[1] as UploadDescriptor['kind'];
  const file = key.slice(key.lastIndexOf('/') + 1);
  return {
    upload: { bucket: 'uploads', key, sequencer: '0A', size: bytes.byteLength, kind },
    openRows: () => readRawRows(bytes, { format: detectFormat(key), file }),
    file,
    version: options.version ?? 1_700_000_000_000,
    asOf: options.asOf ?? '2026-11-27',
    processedAt: options.processedAt ?? '2026-11-27T03:00:00.000Z',
  };
}
