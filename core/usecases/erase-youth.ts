/**
 * Data-subject erasure: the table first (tombstones, candidate lists, partition; see the youth
 * repository), then every follow-up outside it, such as the youth's rows in raw upload files.
 */
import type { ErasureFollowUp, YouthErasure, YouthRepository } from '../ports.ts';

export async function eraseYouth(
  youthId: string,
  /** ISO date-time of the erasure. */
  erasedAt: string,
  deps: { youth: YouthRepository; erasureFollowUps?: readonly ErasureFollowUp[] },
): Promise<YouthErasure> {
  const erased = await deps.youth.erase(youthId, erasedAt);
  if (erased.subject) {
    for (const followUp of deps.erasureFollowUps ?? []) await followUp.afterErasure(erased.subject);
  }
  return erased;
}
