/**
 * Opaque pagination cursors. The storage adapter's position (`lastKey`) leaves the API sealed with
 * AES-256-GCM together with the scope it was issued for: the caller's subject and the query (route,
 * district, ...). A cursor therefore cannot be read, edited to point into another district, or
 * replayed by another user or on another query; each of those is a 400 naming the `cursor` field.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ValidationError } from '#core/domain/errors';

export const CURSOR_KEY_BYTES = 32;
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A DynamoDB key of a few attributes seals to well under this; longer input is refused unread. */
export const MAX_CURSOR_LENGTH = 2048;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** What a cursor is bound to. `subject` and `route` are always part of it. */
export type CursorScope = Readonly<{ subject: string; route: string } & Record<string, string>>;

export interface CursorPayload {
  lastKey: string;
  scope: CursorScope;
}

/** The first key seals; every key opens, so a key can be rotated without breaking open cursors. */
export type CursorKeys = Uint8Array | readonly Uint8Array[];

export interface SealOptions {
  keys: CursorKeys;
  /** Milliseconds since the epoch; recorded so `openCursor` can enforce a maximum age. */
  now?: number;
}

export interface OpenOptions {
  keys: CursorKeys;
  now?: number;
  maxAgeMs?: number;
}

function invalidCursor(reason: string): ValidationError {
  return new ValidationError([{ field: 'cursor', reason }]);
}

function keyList(keys: CursorKeys): readonly Uint8Array[] {
  const list = keys instanceof Uint8Array ? [keys] : keys;
  if (list.length === 0 || list.some((k) => k.byteLength !== CURSOR_KEY_BYTES)) {
    throw new RangeError(`cursor keys must be ${CURSOR_KEY_BYTES} bytes`);
  }
  return list;
}

/**
 * A cursor key from configuration: 32 bytes written as base64, base64url or hex. The error names
 * the setting, never its value.
 */
export function parseCursorKey(value: string | undefined, setting = 'CURSOR_KEY'): Uint8Array {
  const text = value?.trim() ?? '';
  const bytes = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : Buffer.from(text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url');
  if (bytes.byteLength !== CURSOR_KEY_BYTES) {
    throw new RangeError(`${setting} must be ${CURSOR_KEY_BYTES} random bytes in base64 or hex`);
  }
  return new Uint8Array(bytes);
}

/** Scope members in name order, so equal scopes compare equal whatever order they were built in. */
function canonicalScope(scope: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(scope)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const AAD = Uint8Array.of(VERSION);

export function sealCursor(payload: CursorPayload, options: SealOptions): string {
  const [key] = keyList(options.keys);
  const body: { k: string; s: [string, string][]; t?: number } = {
    k: payload.lastKey,
    s: canonicalScope(payload.scope),
  };
  if (options.now !== undefined) body.t = options.now;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key!, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return Buffer.concat([AAD, iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

function decrypt(bytes: Buffer, keys: readonly Uint8Array[]): string | undefined {
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const sealed = bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES);
  for (const key of keys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(AAD);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
    } catch {
      // Authentication failed under this key; try the next one.
    }
  }
  return undefined;
}

interface SealedBody {
  k: string;
  s: [string, string][];
  t?: number;
}

function isSealedBody(value: unknown): value is SealedBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    typeof body.k === 'string' &&
    Array.isArray(body.s) &&
    body.s.every((e) => Array.isArray(e) && e.length === 2 && e.every((x) => typeof x === 'string')) &&
    (body.t === undefined || typeof body.t === 'number')
  );
}

/**
 * The adapter position sealed in the cursor, if the cursor is genuine, was issued for exactly this
 * scope and (with `maxAgeMs`) is recent enough; otherwise a ValidationError on `cursor`.
 */
export function openCursor(cursor: string, scope: CursorScope, options: OpenOptions): string {
  const keys = keyList(options.keys);
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) {
    throw invalidCursor('is not a cursor this API issued');
  }
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) {
    throw invalidCursor('is not a cursor this API issued');
  }
  const plain = decrypt(bytes, keys);
  if (plain === undefined) throw invalidCursor('was altered or was not issued by this API');
  let body: unknown;
  try {
    body = JSON.parse(plain);
  } catch {
    body = undefined;
  }
  if (!isSealedBody(body)) throw invalidCursor('is not a cursor this API issued');
  if (JSON.stringify(body.s) !== JSON.stringify(canonicalScope(scope))) {
    throw invalidCursor('belongs to another query or user; start again without it');
  }
  if (options.maxAgeMs !== undefined && options.now !== undefined) {
    if (body.t === undefined || options.now - body.t > options.maxAgeMs) {
      throw invalidCursor('has expired; start again without it');
    }
  }
  return body.k;
}
