/**
 * Where uploads land in the bucket. The API, the ingest pipeline, the local stack and the CDK
 * stacks' grants and event filters all read these; core/usecases/upload-key.ts has the key layouts.
 */
import type { RecordKind } from './records.ts';

export const INCOMING_PREFIX = 'incoming/';
export const REPORTS_PREFIX = 'reports/';
/** Nightly fairness audits, one per programme date: `reports/audits/<asOf>.json`. */
export const AUDITS_PREFIX = `${REPORTS_PREFIX}audits/`;

/** The folder uploads of one kind land in, e.g. `incoming/vacancies/`. */
export function incomingPrefix(kind: RecordKind): string {
  return `${INCOMING_PREFIX}${kind}/`;
}
