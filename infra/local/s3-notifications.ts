/**
 * The local stand-in for an S3 bucket notification configuration with an SQS destination.
 * s3rver's events are close to S3's but not equal (raw keys, version 2.0, a millisecond clock as
 * sequencer, fixed region, multipart completion reported as `Post`), so each one is rewritten into
 * the shape real S3 sends before it is queued. Handlers then run the same decoding code locally
 * and on AWS.
 */
import type { EventEmitter } from 'node:events';
import type { S3EventRecord } from 'aws-lambda';
import type S3rver from 's3rver';
import type { S3rverEventRecord } from 's3rver';
import { RECORD_KINDS } from '#core/domain/records';
import { incomingPrefix } from '#core/domain/uploads';
import { encodeEventKey } from '#functions/shared/s3-key';

export interface S3NotificationOptions {
  server: S3rver;
  queue: { send(body: string): string };
  /** Buckets whose notifications are configured; each gets the one-time `s3:TestEvent`. */
  buckets: readonly string[];
  region: string;
  /**
   * Only keys under these prefixes are notified, as the notification filter rules on AWS do
   * (one per upload kind, all under `incoming/`).
   */
  prefixes?: readonly string[];
  configurationId?: string;
  /** Also forward `ObjectRemoved:*` events (the pipeline's own configuration asks only for creations). */
  includeRemovals?: boolean;
  now?: () => number;
  /** A notification that cannot be queued must not fail the S3 request that caused it. */
  onError?: (error: unknown) => void;
}

export interface S3Notifications {
  /** Notifications queued so far, test events included. */
  readonly forwarded: number;
  stop(): void;
}

/** s3rver reports multipart completion (and browser form POSTs, which the pipeline does not use) as `Post`. */
const EVENT_NAMES: Readonly<Record<string, string>> = {
  'ObjectCreated:Post': 'ObjectCreated:CompleteMultipartUpload',
};

export function startS3Notifications(options: S3NotificationOptions): S3Notifications {
  const prefixes = options.prefixes ?? RECORD_KINDS.map(incomingPrefix);
  const configurationId = options.configurationId ?? 'sinergi-incoming-uploads';
  const now = options.now ?? Date.now;
  const onError = options.onError ?? reportUndelivered;
  const sequencers = createSequencerClock(now);
  const buckets = new Set(options.buckets);
  let forwarded = 0;

  const forward = (body: string) => {
    try {
      options.queue.send(body);
      forwarded += 1;
    } catch (error) {
      onError(error);
    }
  };

  const listener = (event: { Records: S3rverEventRecord[] }) => {
    for (const record of event.Records) {
      const { name: bucket } = record.s3.bucket;
      const { key } = record.s3.object;
      const underPrefix = prefixes.some((prefix) => key.startsWith(prefix));
      if (!buckets.has(bucket) || !underPrefix || !isNotified(record.eventName, options)) continue;
      const converted = toS3EventRecord(record, {
        region: options.region,
        configurationId,
        sequencer: sequencers.next(bucket, key),
      });
      forward(JSON.stringify({ Records: [converted] }));
    }
  };

  for (const bucket of buckets) forward(JSON.stringify(s3TestEvent(bucket, new Date(now()))));
  options.server.on('event', listener);
  return {
    get forwarded() {
      return forwarded;
    },
    stop() {
      // s3rver is a Koa app and so an EventEmitter, though its typings only declare `on`.
      (options.server as unknown as EventEmitter).off('event', listener);
    },
  };
}

function isNotified(eventName: string, options: S3NotificationOptions): boolean {
  return (
    eventName.startsWith('ObjectCreated:') ||
    (options.includeRemovals === true && eventName.startsWith('ObjectRemoved:'))
  );
}

/** Rewrite one s3rver record into the record S3 itself would send (event structure version 2.1). */
export function toS3EventRecord(
  record: S3rverEventRecord,
  context: { region: string; configurationId: string; sequencer: string },
): S3EventRecord {
  const { bucket, object } = record.s3;
  const source = record as S3rverEventRecord &
    Partial<Pick<S3EventRecord, 'userIdentity' | 'requestParameters'>>;
  const converted: S3EventRecord = {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: context.region,
    eventTime: record.eventTime,
    eventName: EVENT_NAMES[record.eventName] ?? record.eventName,
    userIdentity: { principalId: source.userIdentity?.principalId ?? 'AWS:LOCAL' },
    requestParameters: {
      sourceIPAddress: ipv4Mapped(source.requestParameters?.sourceIPAddress ?? '127.0.0.1'),
    },
    responseElements: responseElements(record),
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: context.configurationId,
      bucket: {
        name: bucket.name,
        ownerIdentity: { principalId: 'A3LOCALSINERGI' },
        arn: `arn:aws:s3:::${bucket.name}`,
      },
      object: {
        key: encodeEventKey(object.key),
        sequencer: context.sequencer,
      } as S3EventRecord['s3']['object'],
    },
  };
  if (object.size !== undefined) converted.s3.object.size = object.size;
  if (object.eTag !== undefined) converted.s3.object.eTag = object.eTag.replace(/"/g, '');
  if (object.versionId !== undefined) converted.s3.object.versionId = object.versionId;
  return converted;
}

function responseElements(record: S3rverEventRecord): S3EventRecord['responseElements'] {
  const elements = (record as { responseElements?: Partial<S3EventRecord['responseElements']> })
    .responseElements;
  return {
    'x-amz-request-id': elements?.['x-amz-request-id'] ?? 'LOCAL',
    'x-amz-id-2': elements?.['x-amz-id-2'] ?? 'LOCAL',
  };
}

/** Node reports IPv4 clients on a dual-stack socket as `::ffff:a.b.c.d`; S3 would show `a.b.c.d`. */
function ipv4Mapped(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/** The message S3 sends once when a notification configuration is put on a bucket. */
function s3TestEvent(bucket: string, time: Date) {
  return {
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: time.toISOString(),
    Bucket: bucket,
    RequestId: 'LOCALTESTEVENT01',
    HostId: 'local-sinergi-stack',
  };
}

export interface SequencerClock {
  next(bucket: string, key: string): string;
}

/**
 * Sequencers that increase per key, shaped like S3's (18 upper-case hex digits, leading time
 * component): milliseconds since the epoch shifted left by 24 bits, bumped when two events of a key
 * fall in the same millisecond. Deriving them from the clock keeps them increasing across restarts
 * of the local stack, whose stored upload records remember the last sequencer per key.
 */
export function createSequencerClock(now: () => number): SequencerClock {
  const last = new Map<string, bigint>();
  return {
    next(bucket, key) {
      const id = `${bucket}/${key}`;
      const fromClock = BigInt(Math.floor(now())) << 24n;
      const previous = last.get(id);
      const value = previous !== undefined && previous >= fromClock ? previous + 1n : fromClock;
      last.set(id, value);
      return value.toString(16).toUpperCase().padStart(18, '0');
    },
  };
}

function reportUndelivered(error: unknown): void {
  const reason = error instanceof Error ? error.message : 'unknown error';
  process.emitWarning(`S3 notification not queued: ${reason}`, { code: 'SINERGI_LOCAL_NOTIFICATION' });
}
