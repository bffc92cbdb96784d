/**
 * Report keys with SHA-256 as the digest core asks for: the key the ingest writes a report under
 * is the key the CLI and the local stack wait for.
 */
import { reportKeyOf } from '#core/usecases/upload-key';
import { sha256Hex } from './hash.ts';

export function reportKeyFor(uploadKey: string): string {
  return reportKeyOf(uploadKey, sha256Hex);
}
