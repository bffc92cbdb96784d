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
import { AUDITS_PREFIX, INCOMING_PREFIX, REPORTS_PREFIX } from '../domain/uploads.ts';

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

/** S3's limit on a key, in bytes of UTF-8. */
export const S3_KEY_MAX_BYTES = 1_024;
const REPORT_SUFFIX = '.report.json';
/**
 * The longest file name, in bytes of UTF-8, the API presigns. A report key's segments stay within
 * this plus the report suffix, so every key can also be a file name (255 bytes on common file
 * systems, less the local stack's own suffixes).
 */
export const FILE_NAME_MAX_BYTES = 200;
const SEGMENT_MAX_BYTES = FILE_NAME_MAX_BYTES + REPORT_SUFFIX.length;
/** Reports of keys too long for a report key of their own: named by a hash of the upload key. */
const HASHED_REPORTS_PREFIX = `${REPORTS_PREFIX}by-hash/`;

const utf8 = new TextEncoder();
export const utf8Bytes = (text: string): number => utf8.encode(text).byteLength;

/** A SHA-256 hex digest; core takes it as an input, as it takes the clock. */
export type KeyDigest = (text: string) => string;

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
  const nameBytes = utf8Bytes(fileName);
  const reportBytes = utf8Bytes(naturalReportKey(key));
  if (nameBytes > FILE_NAME_MAX_BYTES || reportBytes > S3_KEY_MAX_BYTES) {
    throw new ValidationError([
      {
        field: 'fileName',
        reason: `nama berkas terlalu panjang: ${nameBytes} byte UTF-8, paling banyak ${FILE_NAME_MAX_BYTES}; persingkat namanya (the file name is ${nameBytes} bytes of UTF-8, at most ${FILE_NAME_MAX_BYTES})`,
      },
    ]);
  }
  ownerOf(kind, ownerId);
  return key;
}

/** The owner scope string reports are listed under (the API reads them with the same strings). */
export function ownerScopeId(owner: UploadOwner): string {
  if (owner.scope === 'employer') return `EMPLOYER#${owner.employerId}`;
  if (owner.scope === 'provider') return `PROVIDER#${owner.providerId}`;
  return PROGRAMME_OWNER;
}

function naturalReportKey(uploadKeyValue: string): string {
  return `${REPORTS_PREFIX}${uploadKeyValue}${REPORT_SUFFIX}`;
}

/**
 * The processing report sits beside, never on, the upload: `reports/<original key>.report.json`.
 * A key whose report key would pass S3's 1,024 bytes, or hold a segment longer than a file name
 * may be, gets `reports/by-hash/<sha256 of the upload key>.report.json` instead; the ledger names
 * the key used, and anyone holding the upload key computes the same one.
 */
export function reportKeyOf(uploadKeyValue: string, digest: KeyDigest): string {
  const natural = naturalReportKey(uploadKeyValue);
  const fits =
    utf8Bytes(natural) <= S3_KEY_MAX_BYTES &&
    natural.split('/').every((segment) => utf8Bytes(segment) <= SEGMENT_MAX_BYTES);
  return fits ? natural : `${HASHED_REPORTS_PREFIX}${digest(uploadKeyValue)}${REPORT_SUFFIX}`;
}

/** Where the nightly rematch's fairness audit for one programme date is stored. */
export function auditReportKey(asOf: string): string {
  return `${AUDITS_PREFIX}${asOf}.json`;
}
