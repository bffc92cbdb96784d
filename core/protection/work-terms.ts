/**
 * The terms of a vacancy as a youth and their counsellor should read them beside a recommendation:
 * wage against the district UMK, contract, hours and both BPJS programmes, in Indonesian or
 * English. Unstated terms are said to be unstated, never guessed.
 */
import type { IsoDate } from '../domain/calendar.ts';
import type { ContractType, Vacancy } from '../domain/records.ts';
import { checkWage, formatRupiah, type WageCheck } from './umk.ts';

export type Lang = 'id' | 'en';

export interface WorkTerms {
  wageMinIdr?: number;
  wageMaxIdr?: number;
  umkIdr?: number;
  umkVersion?: string;
  wageVsUmk: WageCheck['status'];
  contractType?: ContractType;
  workingHoursPerWeek?: number;
  bpjsKetenagakerjaan?: boolean;
  bpjsKesehatan?: boolean;
  explanation: string;
}

const CONTRACT: Record<Lang, Record<ContractType, string>> = {
  id: {
    permanent: 'karyawan tetap (PKWTT)',
    contract: 'kontrak (PKWT)',
    internship: 'magang',
    apprenticeship: 'pemagangan',
    daily: 'harian lepas',
  },
  en: {
    permanent: 'permanent',
    contract: 'fixed-term contract',
    internship: 'internship',
    apprenticeship: 'apprenticeship',
    daily: 'daily casual work',
  },
};

function wageText(terms: Omit<WorkTerms, 'explanation'>, umkPlace: string | undefined, lang: Lang): string {
  const id = lang === 'id';
  if (terms.wageMinIdr === undefined) return id ? 'Upah tidak disebutkan.' : 'Wage not stated.';
  const range =
    terms.wageMaxIdr !== undefined && terms.wageMaxIdr > terms.wageMinIdr
      ? `${formatRupiah(terms.wageMinIdr)}–${formatRupiah(terms.wageMaxIdr)}`
      : formatRupiah(terms.wageMinIdr);
  const wage = id ? `Upah ${range} per bulan` : `Wage ${range} a month`;
  if (terms.umkIdr === undefined)
    return id ? `${wage}; UMK daerah ini tidak tersedia.` : `${wage}; no UMK on record for this district.`;
  const umk = `${umkPlace} (${formatRupiah(terms.umkIdr)})`;
  if (terms.wageVsUmk === 'below_umk')
    return id ? `${wage}, DI BAWAH UMK ${umk}.` : `${wage}, BELOW the UMK of ${umk}.`;
  return id ? `${wage}, sesuai atau di atas UMK ${umk}.` : `${wage}, at or above the UMK of ${umk}.`;
}

function yesNo(value: boolean | undefined, lang: Lang): string {
  if (value === undefined) return lang === 'id' ? 'tidak disebutkan' : 'not stated';
  return value ? (lang === 'id' ? 'ya' : 'yes') : lang === 'id' ? 'tidak' : 'no';
}

export function workTermsOf(vacancy: Vacancy, asOf: IsoDate, lang: Lang): WorkTerms {
  const check = checkWage(vacancy.wage_monthly_idr, vacancy.district, asOf);
  const terms: Omit<WorkTerms, 'explanation'> = { wageVsUmk: check.status };
  if (vacancy.wage_monthly_idr !== undefined) terms.wageMinIdr = vacancy.wage_monthly_idr;
  if (vacancy.wage_max_monthly_idr !== undefined) terms.wageMaxIdr = vacancy.wage_max_monthly_idr;
  if ('umk' in check) {
    terms.umkIdr = check.umk.monthlyIdr;
    terms.umkVersion = check.umk.tableVersion;
  }
  if (vacancy.contract_type !== undefined) terms.contractType = vacancy.contract_type;
  if (vacancy.working_hours_per_week !== undefined)
    terms.workingHoursPerWeek = vacancy.working_hours_per_week;
  if (vacancy.bpjs_ketenagakerjaan !== undefined) terms.bpjsKetenagakerjaan = vacancy.bpjs_ketenagakerjaan;
  if (vacancy.bpjs_kesehatan !== undefined) terms.bpjsKesehatan = vacancy.bpjs_kesehatan;
  const id = lang === 'id';
  const contract = vacancy.contract_type
    ? CONTRACT[lang][vacancy.contract_type]
    : id
      ? 'tidak disebutkan'
      : 'not stated';
  const hours =
    vacancy.working_hours_per_week !== undefined
      ? id
        ? ` ${vacancy.working_hours_per_week} jam per minggu.`
        : ` ${vacancy.working_hours_per_week} hours a week.`
      : '';
  const place = 'umk' in check ? check.umk.districtName : undefined;
  const explanation = [
    wageText(terms, place, lang),
    id ? ` Status kerja: ${contract}.` : ` Employment: ${contract}.`,
    hours,
    id
      ? ` BPJS Ketenagakerjaan: ${yesNo(vacancy.bpjs_ketenagakerjaan, lang)}; BPJS Kesehatan: ${yesNo(vacancy.bpjs_kesehatan, lang)}.`
      : ` BPJS employment insurance: ${yesNo(vacancy.bpjs_ketenagakerjaan, lang)}; BPJS health insurance: ${yesNo(vacancy.bpjs_kesehatan, lang)}.`,
  ].join('');
  return { ...terms, explanation };
}
