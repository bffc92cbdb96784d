/**
 * Wage and fee cells of vacancy files; reasons in English as every parser writes them, translated
 * for readers by core/records/reasons.ts. Amounts are read as spreadsheets hold them: numbers,
 * "Rp 2.500.000", "2.500.000,-", "Rp2.474.598,99", "2,5 juta" or "2,5 jt".
 */
import { type CellParser, isBlank, rupiah, shown } from './cells.ts';

/** Below this a "monthly" wage is almost certainly written in thousands ("2.500" for 2,5 juta). */
export const MIN_PLAUSIBLE_MONTHLY_WAGE_IDR = 100_000;
export const MAX_PLAUSIBLE_MONTHLY_WAGE_IDR = 1_000_000_000;

const MILLIONS = /^(?:rp\.?\s*)?(\d{1,4})(?:[.,](\d{1,3}))?\s*(juta|jt)\.?$/i;

function millions(raw: unknown): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const match = MILLIONS.exec(raw.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  return Number(match[1]) * 1_000_000 + (fraction === '' ? 0 : Number(fraction.padEnd(6, '0')));
}

const AMOUNT_RULE = 'must be an amount in rupiah such as 2500000, "2.500.000", "Rp 2.500.000" or "2,5 juta"';

function amount(raw: unknown): { ok: true; value: number | undefined } | { ok: false; reason: string } {
  if (isBlank(raw)) return { ok: true, value: undefined };
  const inMillions = millions(raw);
  if (inMillions !== undefined) return { ok: true, value: inMillions };
  const parsed = rupiah(raw);
  if (!parsed.ok) return { ok: false, reason: `${AMOUNT_RULE}, got ${shown(raw)}` };
  return parsed;
}

/** A monthly wage: positive and plausible, so "2.500" (meant as 2,5 juta) is not read as Rp 2.500. */
export const monthlyWage: CellParser<number> = (raw) => {
  const parsed = amount(raw);
  if (!parsed.ok || parsed.value === undefined) return parsed;
  if (parsed.value < MIN_PLAUSIBLE_MONTHLY_WAGE_IDR) {
    return {
      ok: false,
      reason: `is too small for a monthly wage: write the full amount such as 2.500.000, not 2.500, got ${shown(raw)}`,
    };
  }
  if (parsed.value > MAX_PLAUSIBLE_MONTHLY_WAGE_IDR) {
    return {
      ok: false,
      reason: `is too large for a monthly wage, got ${shown(raw)}`,
    };
  }
  return parsed;
};

/** What an applicant is asked to pay: 0 (or "gratis", "tidak ada") means nothing. */
export const applicantFee: CellParser<number> = (raw) => {
  if (typeof raw === 'string' && /^(tidak ada|tidak|nihil|-)$/i.test(raw.trim()))
    return { ok: true, value: 0 };
  return amount(raw);
};
