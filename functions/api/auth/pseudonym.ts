/**
 * Per-vacancy candidate pseudonyms for employers. A keyed HMAC of vacancy and youth ids: stable, so
 * an employer can refer to "candidate X" when asking a counsellor for an introduction, but
 * different on every vacancy, so lists of two vacancies cannot be joined, and not reversible or
 * enumerable without the key, so the youth id cannot be guessed back from it.
 */
import { createHmac } from 'node:crypto';

export const MIN_PSEUDONYM_KEY_BYTES = 32;
const PREFIX = 'cand_';
/** 120 bits: collisions within a vacancy's candidates are out of reach. */
const DIGEST_CHARS = 20;

export type CandidatePseudonymiser = (vacancyId: string, youthId: string) => string;

export function candidatePseudonymiser(key: Uint8Array | string): CandidatePseudonymiser {
  const bytes = Uint8Array.from(typeof key === 'string' ? Buffer.from(key, 'utf8') : key);
  if (bytes.byteLength < MIN_PSEUDONYM_KEY_BYTES) {
    throw new RangeError(`the candidate pseudonym key must be at least ${MIN_PSEUDONYM_KEY_BYTES} bytes`);
  }
  return (vacancyId, youthId) => {
    // Length-prefixed, so ("a", "bc") and ("ab", "c") differ whatever characters the ids use.
    const message = `${vacancyId.length}:${vacancyId}${youthId}`;
    const digest = createHmac('sha256', bytes).update(message, 'utf8').digest('base64url');
    return PREFIX + digest.slice(0, DIGEST_CHARS);
  };
}
