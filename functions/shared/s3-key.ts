/**
 * Object keys as S3 writes them into event notifications: form URL-encoding (a space becomes `+`,
 * a plus becomes `%2B`, anything outside the safe set becomes UTF-8 percent-escapes). The same
 * rules apply to the EventBridge form, so one decoder serves both.
 */

export class S3KeyDecodingError extends Error {
  override name = 'S3KeyDecodingError';
}

/** Decode a key from an event; `+` must become a space before the percent-escapes are resolved. */
export function decodeEventKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    throw new S3KeyDecodingError('object key is not valid form URL-encoding (a stray % or broken UTF-8)');
  }
}

/**
 * Characters S3 leaves as they are in notification keys: letters, digits, `-_.*` (the
 * `application/x-www-form-urlencoded` safe set) and `/`, which S3 keeps readable in key paths.
 */
const UNESCAPED = /[A-Za-z0-9\-_.*/]/;

/** Encode a key the way S3 does in notifications; used by the local stack to produce real-shaped events. */
export function encodeEventKey(key: string): string {
  let encoded = '';
  for (const character of key) {
    if (character === ' ') encoded += '+';
    else if (UNESCAPED.test(character)) encoded += character;
    else encoded += percentEncodeUtf8(character);
  }
  return encoded;
}

const utf8 = new TextEncoder();

function percentEncodeUtf8(character: string): string {
  let escaped = '';
  for (const byte of utf8.encode(character))
    escaped += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return escaped;
}
