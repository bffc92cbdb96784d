/**
 * One cell at a time, explicitly: spreadsheet cells arrive as strings, numbers, booleans or Dates,
 * JSON as any value. Coercion would turn "false" into true and "" into 0, so every rule here says
 * exactly what it accepts, and an empty cell is "absent", never a value.
 */
import { type IsoDate, isIsoDate } from '../domain/calendar.ts';
import { DISABILITY_DOMAINS, type Difficulty, type DisabilityDomain } from '../domain/disability.ts';
import { EDUCATION_LEVELS, type EducationLevel } from '../domain/education.ts';
import {
  CONTRACT_TYPES,
  type ContractType,
  GENDER_REQUIREMENTS,
  type GenderRequirement,
} from '../domain/records.ts';
import { hollandCodeToProfile, type RiasecVector } from '../domain/riasec.ts';

/** `value: undefined` means the cell is empty or the field is absent. */
export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };
export type CellParser<T> = (raw: unknown) => Parsed<T>;

const absent = { ok: true, value: undefined } as const;
const accept = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refuse = (reason: string): Parsed<never> => ({ ok: false, reason });

export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** The offending value, short enough for a report line. Sensitive fields never call this. */
export function shown(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'an invalid date' : raw.toISOString();
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object' && raw !== null) return 'an object';
  return String(raw);
}

/** Lowercase, no spaces, dashes, dots or underscores: "S-1", "s 1" and "S.1" all read "s1". */
function squeeze(text: string): string {
  return text.toLowerCase().replace(/[\s\-._/]+/g, '');
}

export function text(maxLength: number): CellParser<string> {
  return (raw) => {
    if (isBlank(raw)) return absent;
    if (typeof raw === 'number' && Number.isFinite(raw)) return accept(String(raw));
    if (typeof raw !== 'string') return refuse(`must be text, got ${shown(raw)}`);
    const value = raw.trim();
    if (value.length > maxLength) return refuse(`must be at most ${maxLength} characters`);
    return accept(value);
  };
}

export const identifier = text(100);

const TRUE_WORDS = new Set(['yes', 'ya', 'true', '1']);
const FALSE_WORDS = new Set(['no', 'tidak', 'false', '0']);

export const yesNo: CellParser<boolean> = (raw) => {
  if (isBlank(raw)) return absent;
  if (typeof raw === 'boolean') return accept(raw);
  if (raw === 1 || raw === 0) return accept(raw === 1);
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return accept(true);
    if (FALSE_WORDS.has(word)) return accept(false);
  }
  return refuse(`must be yes or no (ya/tidak, true/false, 1/0), got ${shown(raw)}`);
};

function within(value: number, min: number, max: number): boolean {
  return value >= min && value <= max;
}

/** Whole numbers: counts, ages, days. Thousands separators are refused: "1.000" could mean 1 or 1000. */
export function integer(min: number, max: number, sensitive = false): CellParser<number> {
  const rule = `must be a whole number from ${min} to ${max}`;
  const got = (raw: unknown) => (sensitive ? '' : `, got ${shown(raw)}`);
  return (raw) => {
    if (isBlank(raw)) return absent;
    let value: number | undefined;
    if (typeof raw === 'number') value = raw;
    else if (typeof raw === 'string' && /^[+-]?\d+([.,]0{1,2})?$/.test(raw.trim())) {
      value = Number.parseInt(raw.trim(), 10);
    }
    if (value === undefined || !Number.isInteger(value) || !within(value, min, max)) {
      const grouped = typeof raw === 'string' && /^\d{1,3}([.,]\d{3})+$/.test(raw.trim());
      return refuse(`${rule}${grouped ? ' written without thousands separators' : ''}${got(raw)}`);
    }
    return accept(value);
  };
}

/** Decimal numbers; a decimal comma ("7,5") is read as Indonesian spreadsheets write it. */
export function decimal(min: number, max: number): CellParser<number> {
  const rule = `must be a number from ${min} to ${max}`;
  return (raw) => {
    if (isBlank(raw)) return absent;
    let value: number | undefined;
    if (typeof raw === 'number') value = raw;
    else if (typeof raw === 'string' && /^[+-]?\d+([.,]\d+)?$/.test(raw.trim())) {
      value = Number(raw.trim().replace(',', '.'));
    }
    if (value === undefined || !Number.isFinite(value) || !within(value, min, max)) {
      return refuse(`${rule}, got ${shown(raw)}`);
    }
    return accept(value);
  };
}

const RUPIAH_PREFIX = /^rp\.?\s*/i;
const PLAIN_AMOUNT = /^\d+(\.\d{1,2})?$/;
const DOT_GROUPED = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/;
const COMMA_GROUPED = /^\d{1,3}(,\d{3})+(\.\d{1,2})?$/;
const FREE_WORDS = new Set(['gratis', 'free']);

/** Rupiah amounts as people type them: "Rp 2.500.000", "2.500.000,-", "2,500,000", 2500000. */
export const rupiah: CellParser<number> = (raw) => {
  if (isBlank(raw)) return absent;
  const rule = 'must be an amount in rupiah such as 2500000, "2.500.000" or "Rp 2.500.000"';
  if (typeof raw === 'number') {
    return Number.isFinite(raw) && raw >= 0 ? accept(raw) : refuse(`${rule}, got ${shown(raw)}`);
  }
  if (typeof raw !== 'string') return refuse(`${rule}, got ${shown(raw)}`);
  const amount = raw.trim().replace(RUPIAH_PREFIX, '').replace(/\s+/g, '').replace(/,-$/, '');
  if (FREE_WORDS.has(amount.toLowerCase())) return accept(0);
  if (PLAIN_AMOUNT.test(amount)) return accept(Number(amount));
  if (DOT_GROUPED.test(amount)) return accept(Number(amount.replace(/\./g, '').replace(',', '.')));
  if (COMMA_GROUPED.test(amount)) return accept(Number(amount.replace(/,/g, '')));
  return refuse(`${rule}, got ${shown(raw)}`);
};

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function utcCalendarDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

function pad2(n: string): string {
  return n.padStart(2, '0');
}

/**
 * Spreadsheet serial days (1900 system) that a date column may hold when its date format was lost:
 * 1 January 1920 (7,306) to 31 December 2099 (73,050) covers every birth and closing date the
 * programme sees, while a year (2025), an age or a count stays far below and is refused.
 */
const PLAUSIBLE_SERIAL_DAYS = { min: 7_306, max: 73_050 } as const;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

function serialDay(serial: number): IsoDate | undefined {
  if (
    !Number.isFinite(serial) ||
    serial < PLAUSIBLE_SERIAL_DAYS.min ||
    serial >= PLAUSIBLE_SERIAL_DAYS.max + 1
  ) {
    return undefined;
  }
  return utcCalendarDate(new Date(SERIAL_EPOCH_MS + Math.floor(serial) * 86_400_000));
}

/**
 * Calendar dates: YYYY-MM-DD (a date-time keeps the date as written), DD/MM/YYYY in Indonesian
 * order (also with `-` or `.`), or a spreadsheet Date cell, read as its UTC calendar date
 * because that is how spreadsheet libraries place a date without a time zone. A plain number in the
 * plausible serial range is a spreadsheet date whose format was lost.
 */
export function calendarDate(sensitive = false): CellParser<IsoDate> {
  const rule = 'must be a date written YYYY-MM-DD or DD/MM/YYYY';
  const got = (raw: unknown) => (sensitive ? '' : `, got ${shown(raw)}`);
  return (raw) => {
    if (isBlank(raw)) return absent;
    if (raw instanceof Date) {
      return Number.isNaN(raw.getTime()) ? refuse(`${rule}${got(raw)}`) : accept(utcCalendarDate(raw));
    }
    if (typeof raw === 'number') {
      const day = serialDay(raw);
      if (day !== undefined) return accept(day);
      return refuse(`${rule}; got a number: format the column as a date or as text${got(raw)}`);
    }
    if (typeof raw !== 'string') return refuse(`${rule}${got(raw)}`);
    const value = raw.trim();
    const iso = ISO_DAY.exec(value);
    const dmy = DAY_MONTH_YEAR.exec(value);
    const day = iso ? iso[1]! : dmy ? `${dmy[3]}-${pad2(dmy[2]!)}-${pad2(dmy[1]!)}` : undefined;
    if (day === undefined || !isIsoDate(day)) return refuse(`${rule}${got(raw)}`);
    return accept(day);
  };
}

const TIME_OF_DAY = /^T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date, or an ISO 8601 date-time kept exactly as written. A Date cell without a time is a date. */
export const dateOrDateTime: CellParser<string> = (raw) => {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
    const iso = raw.toISOString();
    return accept(iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso);
  }
  if (typeof raw === 'string') {
    const value = raw.trim();
    const iso = ISO_DAY.exec(value);
    if (iso?.[2] !== undefined) {
      const timeOk = TIME_OF_DAY.test(iso[2]);
      return timeOk && isIsoDate(iso[1]!)
        ? accept(value)
        : refuse(
            `must be a date or an ISO 8601 date-time such as 2025-03-01T09:30:00+07:00, got ${shown(raw)}`,
          );
    }
  }
  return calendarDate()(raw);
};

/** Cells holding several values: a JSON array, or one cell separated by `|`, `;` or `,`. */
export function list<T>(item: CellParser<T>): CellParser<T[]> {
  return (raw) => {
    if (isBlank(raw)) return absent;
    let parts: unknown[];
    if (Array.isArray(raw)) parts = raw;
    else if (typeof raw === 'string') parts = raw.split(/[|;,]/);
    else parts = [raw];
    const values: T[] = [];
    const problems: string[] = [];
    for (const part of parts) {
      if (isBlank(part)) continue;
      const parsed = item(part);
      if (!parsed.ok) problems.push(parsed.reason);
      else if (parsed.value !== undefined && !values.includes(parsed.value)) values.push(parsed.value);
    }
    if (problems.length > 0) return refuse(problems.join('; '));
    return values.length === 0 ? absent : accept(values);
  };
}

function vocabulary<T extends string>(canonical: readonly T[], aliases: Record<string, T>): CellParser<T> {
  const lookup = new Map<string, T>();
  for (const value of canonical) lookup.set(squeeze(value), value);
  for (const [alias, value] of Object.entries(aliases)) lookup.set(squeeze(alias), value);
  return (raw) => {
    if (isBlank(raw)) return absent;
    const found = typeof raw === 'string' ? lookup.get(squeeze(raw)) : undefined;
    return found !== undefined
      ? accept(found)
      : refuse(`must be one of ${canonical.join(', ')}, got ${shown(raw)}`);
  };
}

/** The way Indonesian forms name school levels, including the older and religious-school names. */
const EDUCATION_ALIASES: Record<string, EducationLevel> = {
  'tidak sekolah': 'none',
  'belum sekolah': 'none',
  'tidak tamat sd': 'none',
  'tidak/belum sekolah': 'none',
  'tanpa ijazah': 'none',
  MI: 'SD',
  'paket a': 'SD',
  SLTP: 'SMP',
  MTs: 'SMP',
  'paket b': 'SMP',
  SLTA: 'SMA',
  SMU: 'SMA',
  MA: 'SMA',
  'SMA/SMK': 'SMA',
  'SMA/MA': 'SMA',
  'paket c': 'SMA',
  STM: 'SMK',
  MAK: 'SMK',
  'diploma 1': 'D1',
  DI: 'D1',
  'diploma 2': 'D2',
  DII: 'D2',
  'diploma 3': 'D3',
  DIII: 'D3',
  'diploma 4': 'D4',
  DIV: 'D4',
  sarjana: 'S1',
  'sarjana terapan': 'D4',
  magister: 'S2',
};

export const education = vocabulary(EDUCATION_LEVELS, EDUCATION_ALIASES);

const CONTRACT_TYPE_ALIASES: Record<string, ContractType> = {
  tetap: 'permanent',
  PKWTT: 'permanent',
  kontrak: 'contract',
  PKWT: 'contract',
  magang: 'internship',
  pemagangan: 'apprenticeship',
  harian: 'daily',
  'harian lepas': 'daily',
};

export const contractType = vocabulary(CONTRACT_TYPES, CONTRACT_TYPE_ALIASES);

export const genderRequirement = vocabulary<GenderRequirement>(GENDER_REQUIREMENTS, {
  bebas: 'any',
  semua: 'any',
  'laki-laki dan perempuan': 'any',
  'L/P': 'any',
  'laki-laki': 'male',
  pria: 'male',
  L: 'male',
  perempuan: 'female',
  wanita: 'female',
  P: 'female',
});

export const gender = vocabulary<'F' | 'M'>(['F', 'M'], {
  female: 'F',
  perempuan: 'F',
  wanita: 'F',
  P: 'F',
  male: 'M',
  'laki-laki': 'M',
  pria: 'M',
  L: 'M',
});

/** Washington Group domains as Indonesian forms name them. */
const DISABILITY_DOMAIN_ALIASES: Record<string, DisabilityDomain> = {
  penglihatan: 'seeing',
  melihat: 'seeing',
  pendengaran: 'hearing',
  mendengar: 'hearing',
  berjalan: 'walking',
  mobilitas: 'walking',
  kognitif: 'cognition',
  mengingat: 'cognition',
  'perawatan diri': 'self_care',
  'mengurus diri': 'self_care',
  komunikasi: 'communication',
  berkomunikasi: 'communication',
};

export const disabilityDomain = vocabulary(DISABILITY_DOMAINS, DISABILITY_DOMAIN_ALIASES);

/** 1 = no difficulty .. 4 = cannot do at all. Disability is sensitive: the value is never echoed. */
export const difficulty = integer(1, 4, true) as CellParser<Difficulty>;

/**
 * ISCO-08 / KBJI unit group. A numeric cell 7212 is fine, but "721" is refused: it is either a
 * minor group or a code whose leading zero a spreadsheet dropped.
 */
export const occupationCode: CellParser<string> = (raw) => {
  if (isBlank(raw)) return absent;
  const value = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : raw;
  if (typeof value === 'string' && /^\d{4}$/.test(value.trim())) return accept(value.trim());
  const hint = typeof raw === 'number' ? ' (format the column as text to keep a leading zero)' : '';
  return refuse(`must be an ISCO-08/KBJI unit group of exactly 4 digits${hint}, got ${shown(raw)}`);
};

/** BPS regency/city code of Central Java (33xx), also written with the BPS dot ("33.74"). */
export function district(isKnownDistrict?: (code: string) => boolean): CellParser<string> {
  return (raw) => {
    if (isBlank(raw)) return absent;
    const value = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : raw;
    const code = typeof value === 'string' ? value.trim().replace(/^(\d{2})\.(\d{2})$/, '$1$2') : undefined;
    if (code === undefined || !/^33\d{2}$/.test(code)) {
      return refuse(`must be a 4-digit BPS code of a Central Java regency or city (33xx), got ${shown(raw)}`);
    }
    if (isKnownDistrict && !isKnownDistrict(code)) {
      return refuse(`${code} is not a known BPS regency/city code of Central Java`);
    }
    return accept(code);
  };
}

const scaleScore = decimal(1, 7);

function riasecNumbers(parts: unknown[]): Parsed<RiasecVector> {
  if (parts.length !== 6) {
    return refuse(
      `must be a Holland code such as "SEC" or six numbers 1..7 in RIASEC order, got ${parts.length}`,
    );
  }
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    const parsed = scaleScore(part);
    if (!parsed.ok || parsed.value === undefined) {
      return refuse(`number ${i + 1} of the RIASEC profile must be from 1 to 7, got ${shown(part)}`);
    }
    values.push(parsed.value);
  }
  return accept(values as unknown as RiasecVector);
}

/** A Holland code ("SEC") expands to a profile; otherwise six numbers on the O*NET 1-7 scale. */
export const riasec: CellParser<RiasecVector> = (raw) => {
  if (isBlank(raw)) return absent;
  if (Array.isArray(raw)) return riasecNumbers(raw);
  if (typeof raw !== 'string') return refuse(`must be a Holland code or six numbers 1..7, got ${shown(raw)}`);
  const value = raw.trim();
  if (/^[a-z]{1,3}$/i.test(value)) {
    try {
      return accept(hollandCodeToProfile(value));
    } catch (error) {
      return refuse(error instanceof Error ? error.message : 'not a Holland code');
    }
  }
  const bySeparator = value.split(/[|;]/);
  const parts = bySeparator.length > 1 ? bySeparator : value.split(/[,\s]+/);
  return riasecNumbers(parts.map((p) => p.trim()));
};

/** A person's name as they are called: printable text, at most 100 characters. */
export const personName: CellParser<string> = (raw) => {
  const parsed = text(100)(raw);
  if (parsed.ok && parsed.value !== undefined && /\p{Cc}/u.test(parsed.value)) {
    return refuse('must not contain control characters');
  }
  return parsed;
};

/**
 * An Indonesian phone number, stored as E.164 (`+628123456789`): written with or without `+62`,
 * `62` or the leading 0, with spaces, dots, dashes or brackets. A number cell lost its leading 0 in
 * the spreadsheet and gets it back. The value is never repeated in a reason (it is personal data).
 */
export const phone: CellParser<string> = (raw) => {
  if (isBlank(raw)) return absent;
  let value: string;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0) value = `0${raw}`;
  else if (typeof raw === 'string') value = raw.trim().replace(/^'/, '');
  else return refuse('must be a phone number written as text');
  if (!/^\+?[\d\s().-]+$/.test(value))
    return refuse('must contain only digits, spaces, ".", "-", "(", ")" and a leading "+"');
  const digits = value.replace(/\D/g, '');
  const national = value.startsWith('+')
    ? digits.startsWith('62')
      ? digits.slice(2)
      : undefined
    : digits.startsWith('62')
      ? digits.slice(2)
      : digits.startsWith('0')
        ? digits.slice(1)
        : undefined;
  if (national === undefined) return refuse('must be an Indonesian number: +62..., 62... or 0...');
  if (national.length < 8 || national.length > 12 || national.startsWith('0')) {
    return refuse('must have 9 to 13 digits after the leading 0 (e.g. 0812 3456 7890)');
  }
  return accept(`+62${national}`);
};

/**
 * NIK as a 16-digit string. A number means a spreadsheet already rounded it, so the record is
 * refused rather than stored wrong. The value is never repeated in a reason.
 */
export const nik: CellParser<string> = (raw) => {
  if (isBlank(raw)) return absent;
  const excel =
    'arrived as a number: Excel keeps only 15 significant digits, so a 16-digit NIK typed as a number ' +
    'loses its last digit; format the NIK column as text and type the NIK again';
  if (typeof raw === 'number' || typeof raw === 'bigint') return refuse(excel);
  if (typeof raw !== 'string') return refuse('must be a 16-digit NIK written as text');
  const value = raw.trim().replace(/^'/, '');
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(value))
    return refuse(excel.replace('arrived as a number', 'is in scientific notation'));
  if (!/^\d{16}$/.test(value))
    return refuse(`must be exactly 16 digits; this value has ${value.length} characters`);
  return accept(value);
};

/** One interest item answer: 0 (strongly dislike) .. 4 (strongly like); empty = unanswered. */
export const interestAnswer = integer(0, 4);
