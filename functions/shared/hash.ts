import { createHash } from 'node:crypto';

/** SHA-256 of UTF-8 text as lower-case hex: deterministic names for things too long or too private to name. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
