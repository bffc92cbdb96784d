/**
 * Data-subject erasure (UU PDP 27/2022): once a youth is erased, a later upload of their old record
 * must not bring them back. A record assessed after the erasure is a deliberate new registration.
 */
import type { Issue } from './errors.ts';

/**
 * Whether an assessment (an ISO date or date-time) happened after an erasure (an ISO date-time). A
 * date alone counts from the next day: within the day of the erasure the order is unknown.
 */
export function assessedAfterErasure(assessedAt: string, erasedAt: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(assessedAt)) return assessedAt > erasedAt.slice(0, 10);
  return Date.parse(assessedAt) > Date.parse(erasedAt);
}

/** The report issue of a row refused because its person was erased; people read it in Indonesian. */
export function erasedRecordIssue(at: Omit<Issue, 'field' | 'reason'>, erasedAt: string): Issue {
  const day = erasedAt.slice(0, 10);
  return {
    ...at,
    field: 'youth_id',
    reason:
      `data peserta ini telah dihapus atas permintaannya pada ${day} (UU PDP); ` +
      'baris dengan tanggal asesmen sampai tanggal itu ditolak. Pendaftaran baru memerlukan asesmen baru.',
  };
}
