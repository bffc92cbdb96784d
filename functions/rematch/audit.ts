/** Lambda entry: combines the batches' tallies into the night's fairness audit, stored in S3. */
import { readRematchConfig } from '#functions/shared/config';
import { createRematchAuditDeps } from './deps.ts';
import { makeRematchAuditHandler } from './rematch.ts';

export const handler = makeRematchAuditHandler(createRematchAuditDeps(readRematchConfig(process.env)));
