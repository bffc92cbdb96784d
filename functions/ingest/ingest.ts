/**
 * The ingest Lambda as a factory: SQS batches of S3 notifications (or an EventBridge event sent
 * directly), one record at a time through Powertools' batch processor so one bad record never fails
 * its neighbours. Logs carry keys only: kind, key hash, counts and durations.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { errorKeys, keyHash } from '#functions/shared/logger';
import {
  type IntakeMessage,
  readS3Intake,
  type UploadedObject,
  uploadKind,
} from '#functions/shared/s3-events';
import { processUpload, type UploadProcessingDeps } from './process-upload.ts';
import { RECORD_FAILURE_MESSAGES } from './record-failures.ts';

export interface IngestHandlerDeps extends UploadProcessingDeps {
  logger: Logger;
}

function isSqsEvent(event: unknown): event is SQSEvent {
  const records = (event as { Records?: unknown[] } | null)?.Records;
  return (
    Array.isArray(records) && (records[0] as { eventSource?: string } | undefined)?.eventSource === 'aws:sqs'
  );
}

export function makeIngestHandler(deps: IngestHandlerDeps) {
  const { logger } = deps;
  const processor = new BatchProcessor(EventType.SQS);

  async function handleUpload(upload: UploadedObject): Promise<void> {
    const keys = { kind: uploadKind(upload.key) ?? 'none', keyHash: keyHash(upload.key), size: upload.size };
    const started = deps.pipeline.now();
    try {
      const result = await processUpload(upload, deps);
      const report = 'report' in result ? result.report : undefined;
      logger.info('upload handled', {
        ...keys,
        outcome: result.outcome,
        ...(report && { status: report.status, counts: report.counts, matching: report.matching }),
        durationMs: deps.pipeline.now() - started,
      });
    } catch (error) {
      logger.warn(RECORD_FAILURE_MESSAGES.retried, { ...keys, ...errorKeys(error) });
      throw error;
    }
  }

  async function handleMessage(message: IntakeMessage | undefined): Promise<void> {
    if (message === undefined) throw new Error('message missing from the parsed batch');
    if (!message.ok) {
      // Never understandable: after the retries it waits in the dead-letter queue for a person.
      logger.error(RECORD_FAILURE_MESSAGES.unreadable, { errorName: message.error.name });
      throw message.error;
    }
    if (message.notification.testEvent) return logger.info('s3:TestEvent acknowledged');
    for (const upload of message.notification.uploads) await handleUpload(upload);
  }

  const lambdaHandler = async (event: unknown, context: Context) => {
    const messages = readS3Intake(event);
    if (!isSqsEvent(event)) {
      for (const message of messages) await handleMessage(message);
      return;
    }
    const byId = new Map(messages.map((message) => [message.messageId, message]));
    return processPartialResponse(
      event,
      (record: SQSRecord) => handleMessage(byId.get(record.messageId)),
      processor,
      {
        context,
        processInParallel: false,
        throwOnFullBatchFailure: false,
      },
    );
  };

  return middy(lambdaHandler).use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }));
}
