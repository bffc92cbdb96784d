/**
 * Report keys with SHA-256 as the digest core asks for: the key the ingest writes a report under
 * is the key the CLI and the local stack wait for.
 */
import { createHash } from 'node:crypto';
import { reportKeyOf } from '#core/usecases/upload-key';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function reportKeyFor(uploadKey: string): string {
  return reportKeyOf(uploadKey, sha256Hex);
}
