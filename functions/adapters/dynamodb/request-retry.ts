/**
 * Request-level retries for the ingest pipeline: a request that fails for a reason time cures
 * (throttling, a 5xx, a dropped connection), after the SDK's own attempts, is sent again by itself
 * with backoff. Only that request, the records of that one batch, is repeated: a file of thousands
 * of requests on a flaky table still finishes, where restarting the whole file on any failure
 * would almost never get through. Conditional-check failures and validation errors are answers,
 * never retried.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { backoffDelay, DEFAULT_RETRY, type RetryOptions } from './common.ts';

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TransactionInProgressException',
]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name !== undefined && TRANSIENT_NAMES.has(e.name)) return true;
  if (e.code !== undefined && TRANSIENT_CODES.has(e.code)) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

const MIDDLEWARE_NAME = 'sinergiRequestRetry';

/** Adds the retry to every command the client (and any document client over it) sends; once. */
export function retryTransientRequests(client: DynamoDBClient, retry: Partial<RetryOptions> = {}): void {
  const options: RetryOptions = { ...DEFAULT_RETRY, ...retry };
  client.middlewareStack.add(
    (next) => async (args) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await next(args);
        } catch (error) {
          if (!isTransient(error) || attempt + 1 >= options.maxAttempts) throw error;
          await options.sleep(backoffDelay(attempt + 1, options));
        }
      }
    },
    { step: 'initialize', name: MIDDLEWARE_NAME, override: true },
  );
}
