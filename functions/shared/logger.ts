/**
 * The one way functions log: Powertools Logger with the service name and level from configuration.
 * Only keys go in (kind, key hash, counts, durations); never an event, a row, a NIK or a file name.
 */
import { createHash } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import type { CommonConfig } from './config.ts';

export function createLogger(config: Pick<CommonConfig, 'serviceName' | 'logLevel' | 'stage'>): Logger {
  return new Logger({
    serviceName: config.serviceName,
    logLevel: config.logLevel,
    persistentKeys: { stage: config.stage },
  });
}

/** Object keys carry file names people chose (names of schools, villages, people): log a hash. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}

/** The error's class and, for AWS errors, the service's code and HTTP status; never a payload. */
export function errorKeys(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const meta = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return {
    errorName: error.name,
    ...(meta?.httpStatusCode !== undefined && { httpStatus: meta.httpStatusCode }),
  };
}
