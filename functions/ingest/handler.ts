/**
 * Lambda entry of the ingest pipeline (S3 upload notifications through SQS). Configuration and the
 * NIK key are read once, at cold start; a missing variable fails the start with its name.
 */
import { readIngestConfig } from '#functions/shared/config';
import { createIngestDeps } from './deps.ts';
import { makeIngestHandler } from './ingest.ts';

export const handler = makeIngestHandler(await createIngestDeps(readIngestConfig(process.env)));
