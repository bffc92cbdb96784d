/**
 * NIK pseudonymisation. The national ID is personal data under UU PDP 27/2022: only a keyed HMAC
 * of it is ever stored, so the same person is recognised across uploads without keeping the NIK.
 * A plain hash would not do: 16-digit NIKs with known region and birth-date parts can be
 * enumerated, which a secret key prevents.
 */
import { createHmac } from 'node:crypto';
import { ValidationError } from '#core/domain/errors';

const MIN_NIK_KEY_BYTES = 32;
const NIK = /^\d{16}$/;

function keyBytes(key: string | Uint8Array): Uint8Array {
  return typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
}

function assertNikKey(key: string | Uint8Array): void {
  if (keyBytes(key).byteLength < MIN_NIK_KEY_BYTES) {
    // The key itself is never part of the message.
    throw new RangeError(`the NIK pseudonymisation key must be at least ${MIN_NIK_KEY_BYTES} bytes`);
  }
}

/**
 * HMAC-SHA256 of the NIK, lower-case hex. Surrounding spaces are ignored; anything other than
 * 16 digits is a ValidationError whose message never repeats the value.
 */
export function pseudonymiseNik(nik: string, key: string | Uint8Array): string {
  assertNikKey(key);
  const normalised = nik.trim();
  if (!NIK.test(normalised)) {
    throw new ValidationError([{ field: 'nik', reason: 'must be exactly 16 digits' }]);
  }
  return createHmac('sha256', keyBytes(key)).update(normalised, 'utf8').digest('hex');
}

/** Checks the key once (at cold start) and returns the pseudonymiser bound to it. */
export function nikPseudonymiser(key: string | Uint8Array): (nik: string) => string {
  assertNikKey(key);
  const bytes = Uint8Array.from(keyBytes(key));
  return (nik) => pseudonymiseNik(nik, bytes);
}
