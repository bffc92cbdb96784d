/**
 * The API's secret keys: configured directly, or derived from the programme's NIK key with
 * HKDF-SHA256 under a label per purpose. Derived keys are independent of each other and of the NIK
 * key itself (knowing a cursor key tells nothing about NIK pseudonyms), and rotating the NIK secret
 * rotates them too (open cursors then expire; candidate pseudonyms change).
 */
import { hkdfSync } from 'node:crypto';
import { CURSOR_KEY_BYTES, parseCursorKey } from './auth/cursor.ts';
import { MIN_PSEUDONYM_KEY_BYTES } from './auth/pseudonym.ts';

const SALT = 'sinergi-api';
export const KEY_LABELS = {
  cursor: 'cursor-seal/v1',
  pseudonym: 'candidate-pseudonym/v1',
  invitation: 'invitation-code/v1',
} as const;
const INVITATION_KEY_BYTES = 32;

export function deriveKey(masterKey: string, label: string, bytes: number): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', Buffer.from(masterKey, 'utf8'), SALT, label, bytes));
}

export interface ApiKeys {
  cursorKeys: Uint8Array[];
  pseudonymKey: Uint8Array;
  /** Hashes invitation codes and the network addresses code attempts are counted by. */
  invitationKey: Uint8Array;
}

export function resolveApiKeys(settings: {
  cursorKeys?: readonly string[];
  pseudonymKey?: string;
  masterKey?: string;
}): ApiKeys {
  const { masterKey } = settings;
  const derive = (label: string, bytes: number, setting: string) => {
    if (masterKey === undefined)
      throw new RangeError(`${setting} is not set and there is no NIK key to derive it from`);
    return deriveKey(masterKey, label, bytes);
  };
  const pseudonymKey =
    settings.pseudonymKey !== undefined
      ? new Uint8Array(Buffer.from(settings.pseudonymKey, 'utf8'))
      : derive(KEY_LABELS.pseudonym, MIN_PSEUDONYM_KEY_BYTES, 'PSEUDONYM_KEY');
  return {
    cursorKeys: settings.cursorKeys
      ? settings.cursorKeys.map((key) => parseCursorKey(key))
      : [derive(KEY_LABELS.cursor, CURSOR_KEY_BYTES, 'CURSOR_KEY')],
    pseudonymKey,
    // From the NIK key like the others; with a configured pseudonym key and no NIK key, from that
    // key under its own label, so it is still a key of its own.
    invitationKey: deriveKey(
      masterKey ?? Buffer.from(pseudonymKey).toString('base64'),
      KEY_LABELS.invitation,
      INVITATION_KEY_BYTES,
    ),
  };
}
