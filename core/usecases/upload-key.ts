/**
 * Where uploads land in the bucket and what the key says about them. Two layouts:
 *
 * - `incoming/<kind>/<ownerId>/<uploadId>/<file name>`: written by the API's presigned uploads.
 *   `ownerId` is the employer id (vacancies), the provider id (trainings), or `PROGRAMME` for the
 *   programme's data office; `uploadId` is the API's id of the upload.
 * - `incoming/<kind>/<file name>` or `incoming/<kind>/<folder>/<file name>`: put by programme staff
 *   directly into the bucket. The upload id is the key below `incoming/`.
 *
 * Any other depth is refused as a whole file, so a staff folder can never be mistaken for an owner.
 */
import { type Issue, ValidationError } from '../domain/errors.ts';
import { RECORD_KINDS, type RecordKind } from '../domain/records.ts';
import { INCOMING_PREFIX, REPORTS_PREFIX } from '../domain/uploads.ts';

/** The owner segment of uploads the programme's data office sends through the API. */
export const PROGRAMME_OWNER = 'PROGRAMME';

/** Who an upload belongs to, and so which rows it may contain and who may read its report. */
export type UploadOwner =
  | { scope: 'programme' }
  | { scope: 'employer'; employerId: string }
  | { scope: 'provider'; providerId: string };

export interface UploadKeyParts {
  kind: RecordKind;
  owner: UploadOwner;
  uploadId: string;
  fileName: string;
  /** True for the API layout (owner and upload id in the key). */
  viaApi: boolean;
}

/** Ids the API writes into keys: no separators, nothing that needs escaping in a URL path. */
const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function invalidKey(reason: string): ValidationError {
  return new ValidationError([{ field: 'key', reason }]);
}

function ownerOf(kind: RecordKind, ownerId: string): UploadOwner {
  if (ownerId === PROGRAMME_OWNER) return { scope: 'programme' };
  if (kind === 'vacancies') return { scope: 'employer', employerId: ownerId };
  if (kind === 'trainings') return { scope: 'provider', providerId: ownerId };
  throw invalidKey(
    `assessments are uploaded by the programme only; the owner segment must be ${PROGRAMME_OWNER}`,
  );
}

/** Reads a decoded object key; throws ValidationError (field `key`) for a key outside both layouts. */
export function parseUploadKey(key: string): UploadKeyParts {
  if (!key.startsWith(INCOMING_PREFIX)) throw invalidKey(`uploads are read only under ${INCOMING_PREFIX}`);
  const [kindSegment, ...rest] = key.slice(INCOMING_PREFIX.length).split('/');
  const kind = RECORD_KINDS.find((k) => k === kindSegment);
  if (kind === undefined) {
    throw invalidKey(`the folder after ${INCOMING_PREFIX} must be one of ${RECORD_KINDS.join(', ')}`);
  }
  if (rest.length === 0 || rest.some((segment) => segment === '')) {
    throw invalidKey('the key has an empty folder or file name');
  }
  const fileName = rest[rest.length - 1]!;
  if (rest.length === 3) {
    const [ownerId, uploadId] = rest as [string, string, string];
    if (!KEY_SEGMENT.test(ownerId) || !KEY_SEGMENT.test(uploadId)) {
      throw invalidKey('owner and upload id segments hold letters, digits, ".", "_" and "-" only');
    }
    return { kind, owner: ownerOf(kind, ownerId), uploadId, fileName, viaApi: true };
  }
  if (rest.length <= 2) {
    return {
      kind,
      owner: { scope: 'programme' },
      uploadId: key.slice(INCOMING_PREFIX.length),
      fileName,
      viaApi: false,
    };
  }
  throw invalidKey(
    `expected incoming/${kind}/<file> (programme staff) or incoming/${kind}/<ownerId>/<uploadId>/<file> (API uploads)`,
  );
}

/** The upload id a report is stored under; see the layouts above. */
export function uploadIdFromKey(key: string): string {
  return parseUploadKey(key).uploadId;
}

/** The key an API upload is written to; the API builds presigned URLs for exactly this key. */
export function uploadKey(kind: RecordKind, ownerId: string, uploadId: string, fileName: string): string {
  const issues: Issue[] = [];
  if (!KEY_SEGMENT.test(ownerId))
    issues.push({ field: 'ownerId', reason: 'letters, digits, ".", "_", "-" only' });
  if (!KEY_SEGMENT.test(uploadId))
    issues.push({ field: 'uploadId', reason: 'letters, digits, ".", "_", "-" only' });
  if (fileName === '' || fileName.includes('/'))
    issues.push({ field: 'fileName', reason: 'a name without "/"' });
  if (issues.length > 0) throw new ValidationError(issues);
  const key = `${INCOMING_PREFIX}${kind}/${ownerId}/${uploadId}/${fileName}`;
  ownerOf(kind, ownerId);
  return key;
}

/** The owner scope string reports are listed under (the API reads them with the same strings). */
export function ownerScopeId(owner: UploadOwner): string {
  if (owner.scope === 'employer') return `EMPLOYER#${owner.employerId}`;
  if (owner.scope === 'provider') return `PROVIDER#${owner.providerId}`;
  return PROGRAMME_OWNER;
}

/** The processing report sits beside, never on, the upload: `reports/<original key>.report.json`. */
export function reportKeyOf(uploadKeyValue: string): string {
  return `${REPORTS_PREFIX}${uploadKeyValue}.report.json`;
}

/** Where the nightly rematch's fairness audit for one programme date is stored. */
export function auditReportKey(asOf: string): string {
  return `${REPORTS_PREFIX}audits/${asOf}.json`;
}
