/**
 * Invitation codes: 8 characters from an alphabet without the characters people confuse when
 * reading a code aloud or off a screen (0/O, 1/I). 32 symbols, so one random byte gives one
 * character without bias (256 is a multiple of 32) and a code carries 40 bits: guessing one code
 * out of even 100,000 live ones takes millions of tries, which the API throttles.
 */
import { ValidationError } from '../domain/errors.ts';

export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** A code from `CODE_LENGTH` random bytes (the caller's random source; core has none). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new RangeError(`a code needs ${CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return code;
}

/** `ABCD-EFGH`: how a code is shown and printed. */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * The code as typed: case, spaces and dashes do not matter. Anything else that is not a code is a
 * ValidationError in Indonesian, because the youth reads it.
 */
export function normaliseCode(input: string): string {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  const bad = [...code].filter((c) => !CODE_ALPHABET.includes(c));
  if (code.length !== CODE_LENGTH || bad.length > 0) {
    throw new ValidationError([
      {
        field: 'code',
        reason:
          `Kode undangan terdiri dari ${CODE_LENGTH} huruf dan angka (tanpa 0, 1, I dan O). ` +
          'Periksa lagi kode dari konselor kamu.',
      },
    ]);
  }
  return code;
}
