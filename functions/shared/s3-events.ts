/**
 * Upload intake: whatever AWS delivers about an uploaded object (an S3 event notification inside an
 * SQS message, the `s3:TestEvent`, or the EventBridge "Object Created" event, directly or through SQS)
 * becomes a list of `UploadedObject`s with decoded keys. Handlers never touch the AWS shapes.
 */
import { S3EventNotificationEventBridgeSchema, S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import { SqsRecordSchema } from '@aws-lambda-powertools/parser/schemas/sqs';
import { z } from 'zod';
import { RECORD_KINDS, type RecordKind } from '#core/domain/records';
import { incomingPrefix } from '#core/domain/uploads';
import { decodeEventKey, S3KeyDecodingError } from './s3-key.ts';

/** One object that was created in a bucket, as the pipeline needs to know it. */
export interface UploadedObject {
  bucket: string;
  /** Decoded: exactly the key to pass to GetObject. */
  key: string;
  size: number;
  eTag?: string;
  versionId?: string;
  /** Upper-case hex; order uploads of the same key with `compareSequencers`, never with `<`. */
  sequencer?: string;
  eventTime: string;
  /** In the S3 notification vocabulary (`ObjectCreated:Put`), whatever form the event came in. */
  eventName: string;
}

/** An object event that is not an upload: recognised and acknowledged, but nothing to process. */
export interface SkippedObjectEvent {
  bucket: string;
  key: string;
  eventName: string;
  reason: 'removed' | 'not-created';
}

export interface S3Notification {
  form: 's3-notification' | 'eventbridge' | 'test-event';
  /** S3 sends one `s3:TestEvent` when notifications are configured; acknowledge it and move on. */
  testEvent: boolean;
  uploads: UploadedObject[];
  skipped: SkippedObjectEvent[];
}

/** One delivered message, parsed on its own so that a malformed one never fails its neighbours. */
export type IntakeMessage =
  | { messageId: string; ok: true; notification: S3Notification }
  | { messageId: string; ok: false; error: S3EventParseError };

/** A message that can never be understood: retrying it will not help. */
export class S3EventParseError extends Error {
  override name = 'S3EventParseError';
}

/**
 * Which kind of upload a decoded key is. Keys ending in `/` are the zero-byte "folder" objects the
 * console creates, not files, so they have no kind.
 */
export function uploadKind(key: string): RecordKind | undefined {
  if (key.endsWith('/')) return undefined;
  return RECORD_KINDS.find((kind) => key.startsWith(incomingPrefix(kind)));
}

const HEX = /^[0-9A-Fa-f]+$/;

/**
 * Order two sequencers of the same object key: negative if `a` is older, positive if newer, 0 if
 * the same event. AWS documents the rule: sequencers may differ in length, so right-pad the shorter
 * with zeros and compare lexicographically. Case is ignored (EventBridge shows lower-case hex).
 */
export function compareSequencers(a: string, b: string): number {
  if (!HEX.test(a) || !HEX.test(b)) throw new RangeError('a sequencer is a non-empty hexadecimal string');
  const width = Math.max(a.length, b.length);
  const left = a.toUpperCase().padEnd(width, '0');
  const right = b.toUpperCase().padEnd(width, '0');
  return left < right ? -1 : left > right ? 1 : 0;
}

const s3RecordBase = S3Schema.shape.Records.element;

/**
 * Powertools' record schema, loosened where real S3 is looser: the source address may be IPv6, and
 * the version is checked separately so that the error says which version arrived.
 */
const s3RecordSchema = s3RecordBase.extend({
  requestParameters: z.object({ sourceIPAddress: z.string() }),
});

const s3NotificationSchema = z.object({ Records: z.array(z.unknown()).min(1) });

const testEventSchema = z.object({
  Service: z.literal('Amazon S3'),
  Event: z.literal('s3:TestEvent'),
  Time: z.string(),
  Bucket: z.string(),
});

const eventBridgeSchema = S3EventNotificationEventBridgeSchema.extend({
  source: z.literal('aws.s3'),
  detail: S3EventNotificationEventBridgeSchema.shape.detail.extend({
    'source-ip-address': z.string().optional(),
  }),
});

const SUPPORTED_MAJOR_VERSION = /^2\.\d+$/;

/** Turn one parsed message body (or a directly delivered event) into uploads. */
export function parseS3Notification(payload: unknown): S3Notification {
  if (!isObject(payload)) throw new S3EventParseError('message is not a JSON object');
  if ('Records' in payload) return fromS3Notification(payload);
  if (payload['Event'] === 's3:TestEvent') return fromTestEvent(payload);
  if ('detail-type' in payload && 'detail' in payload) return fromEventBridge(payload);
  throw new S3EventParseError(
    'message is neither an S3 event notification, an s3:TestEvent nor an EventBridge S3 event',
  );
}

/** Parse an SQS message body: JSON text holding one of the forms `parseS3Notification` accepts. */
export function parseS3MessageBody(body: string): S3Notification {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    throw new S3EventParseError('message body is not valid JSON');
  }
  return parseS3Notification(payload);
}

/**
 * Read a Lambda event of any accepted form. An SQS batch yields one entry per message, each
 * parsed on its own; an EventBridge event or a direct S3 notification yields a single entry.
 * Throws only when the event as a whole is not something a Lambda could receive from S3.
 */
export function readS3Intake(event: unknown): IntakeMessage[] {
  if (isSqsEvent(event)) return event.Records.map(readSqsRecord);
  const messageId = directMessageId(event);
  return [parseInto(messageId, () => parseS3Notification(event))];
}

function readSqsRecord(record: unknown, index: number): IntakeMessage {
  const parsed = SqsRecordSchema.safeParse(record);
  if (!parsed.success) {
    const messageId = isObject(record) && typeof record['messageId'] === 'string' ? record['messageId'] : '';
    if (!messageId) throw new S3EventParseError(`SQS record ${index} has no messageId`);
    return {
      messageId,
      ok: false,
      error: new S3EventParseError(`not an SQS record: ${describe(parsed.error)}`),
    };
  }
  return parseInto(parsed.data.messageId, () => parseS3MessageBody(parsed.data.body));
}

function parseInto(messageId: string, parse: () => S3Notification): IntakeMessage {
  try {
    return { messageId, ok: true, notification: parse() };
  } catch (error) {
    if (error instanceof S3EventParseError) return { messageId, ok: false, error };
    throw error;
  }
}

function fromS3Notification(payload: Record<string, unknown>): S3Notification {
  const envelope = s3NotificationSchema.safeParse(payload);
  if (!envelope.success)
    throw new S3EventParseError(`not an S3 event notification: ${describe(envelope.error)}`);
  const notification: S3Notification = {
    form: 's3-notification',
    testEvent: false,
    uploads: [],
    skipped: [],
  };
  envelope.data.Records.forEach((raw, index) => {
    const version = isObject(raw) ? raw['eventVersion'] : undefined;
    if (typeof version !== 'string' || !SUPPORTED_MAJOR_VERSION.test(version)) {
      throw new S3EventParseError(`record ${index}: unsupported eventVersion ${String(version)} (only 2.x)`);
    }
    const record = s3RecordSchema.safeParse(raw);
    if (!record.success) throw new S3EventParseError(`record ${index}: ${describe(record.error)}`);
    const { eventName, eventTime } = record.data;
    const { bucket, object } = record.data.s3;
    const key = decodeKey(object.key, index);
    if (!eventName.startsWith('ObjectCreated:')) {
      notification.skipped.push({ bucket: bucket.name, key, eventName, reason: skipReason(eventName) });
      return;
    }
    if (object.size === undefined) throw new S3EventParseError(`record ${index}: ${eventName} without size`);
    notification.uploads.push(
      withOptionals(
        { bucket: bucket.name, key, size: object.size, eventTime, eventName },
        {
          eTag: object.eTag,
          versionId: object.versionId,
          sequencer: normaliseSequencer(object.sequencer, index),
        },
      ),
    );
  });
  return notification;
}

function fromTestEvent(payload: Record<string, unknown>): S3Notification {
  const parsed = testEventSchema.safeParse(payload);
  if (!parsed.success) throw new S3EventParseError(`malformed s3:TestEvent: ${describe(parsed.error)}`);
  return { form: 'test-event', testEvent: true, uploads: [], skipped: [] };
}

/** EventBridge names the operation in `reason`; map it onto the notification event names. */
const CREATED_REASONS: Readonly<Record<string, string>> = {
  PutObject: 'ObjectCreated:Put',
  PostObject: 'ObjectCreated:Post',
  CopyObject: 'ObjectCreated:Copy',
  CompleteMultipartUpload: 'ObjectCreated:CompleteMultipartUpload',
};

function fromEventBridge(payload: Record<string, unknown>): S3Notification {
  const parsed = eventBridgeSchema.safeParse(payload);
  if (!parsed.success) throw new S3EventParseError(`not an EventBridge S3 event: ${describe(parsed.error)}`);
  const { detail, time } = parsed.data;
  const detailType = parsed.data['detail-type'];
  const key = decodeKey(detail.object.key, 0);
  const notification: S3Notification = { form: 'eventbridge', testEvent: false, uploads: [], skipped: [] };
  if (detailType === 'Object Deleted') {
    const eventName =
      detail['deletion-type'] === 'Delete Marker Created'
        ? 'ObjectRemoved:DeleteMarkerCreated'
        : 'ObjectRemoved:Delete';
    notification.skipped.push({ bucket: detail.bucket.name, key, eventName, reason: 'removed' });
    return notification;
  }
  if (detailType !== 'Object Created') {
    notification.skipped.push({
      bucket: detail.bucket.name,
      key,
      eventName: detailType,
      reason: 'not-created',
    });
    return notification;
  }
  if (detail.object.size === undefined) throw new S3EventParseError('Object Created event without size');
  const reason = detail.reason ?? 'PutObject';
  notification.uploads.push(
    withOptionals(
      {
        bucket: detail.bucket.name,
        key,
        size: detail.object.size,
        eventTime: time,
        eventName: CREATED_REASONS[reason] ?? `ObjectCreated:${reason}`,
      },
      {
        eTag: detail.object.etag,
        versionId: detail.object['version-id'],
        sequencer: normaliseSequencer(detail.object.sequencer, 0),
      },
    ),
  );
  return notification;
}

/** Deletions (by a user or a lifecycle rule) are told apart from other non-upload events. */
function skipReason(eventName: string): SkippedObjectEvent['reason'] {
  return eventName.startsWith('ObjectRemoved:') || eventName.startsWith('LifecycleExpiration:')
    ? 'removed'
    : 'not-created';
}

function decodeKey(encoded: string, index: number): string {
  try {
    return decodeEventKey(encoded);
  } catch (error) {
    if (error instanceof S3KeyDecodingError) throw new S3EventParseError(`record ${index}: ${error.message}`);
    throw error;
  }
}

function normaliseSequencer(sequencer: string | undefined, index: number): string | undefined {
  if (sequencer === undefined) return undefined;
  if (!HEX.test(sequencer)) throw new S3EventParseError(`record ${index}: sequencer is not hexadecimal`);
  return sequencer.toUpperCase();
}

/** Leave absent fields out rather than present-but-undefined, so records compare and serialise cleanly. */
function withOptionals(
  base: Omit<UploadedObject, 'eTag' | 'versionId' | 'sequencer'>,
  optionals: Pick<UploadedObject, 'eTag' | 'versionId' | 'sequencer'>,
): UploadedObject {
  const upload: UploadedObject = { ...base };
  if (optionals.eTag !== undefined) upload.eTag = optionals.eTag;
  if (optionals.versionId !== undefined) upload.versionId = optionals.versionId;
  if (optionals.sequencer !== undefined) upload.sequencer = optionals.sequencer;
  return upload;
}

function isSqsEvent(event: unknown): event is { Records: unknown[] } {
  if (!isObject(event) || !Array.isArray(event['Records'])) return false;
  const first: unknown = event['Records'][0];
  return isObject(first) && first['eventSource'] === 'aws:sqs';
}

/** Direct invocations have no SQS message id; the EventBridge id or the S3 request id stands in. */
function directMessageId(event: unknown): string {
  if (!isObject(event)) return 'unknown';
  if (typeof event['id'] === 'string') return event['id'];
  const records = event['Records'];
  const first: unknown = Array.isArray(records) ? records[0] : undefined;
  const response = isObject(first) ? first['responseElements'] : undefined;
  const requestId = isObject(response) ? response['x-amz-request-id'] : undefined;
  return typeof requestId === 'string' ? requestId : 'direct';
}

/** Paths and messages only: zod's issues never carry the offending values, so no payload leaks. */
function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
