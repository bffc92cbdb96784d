/**
 * The programme's calendar day. SINERGI runs in Central Java (WIB, UTC+7, no daylight saving), so
 * "open on asOf" and the nightly run's date are WIB dates, not UTC ones: 01:00 WIB is 18:00 UTC of
 * the day before.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function programmeDate(epochMs: number): string {
  return new Date(epochMs + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** A date as given, or the WIB date of a date-time (the scheduler sends its scheduled time). */
export function programmeDateOf(value: string): string {
  if (ISO_DATE.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError('asOf must be a date (YYYY-MM-DD) or an ISO date-time');
  return programmeDate(ms);
}
