import { EventEmitter } from 'node:events';
import type S3rver from 's3rver';
import type { S3rverEventRecord } from 's3rver';
import { describe, expect, it } from 'vitest';
import { compareSequencers, parseS3MessageBody } from '#functions/shared/s3-events';
import { createSequencerClock, startS3Notifications, toS3EventRecord } from '#infra/local/s3-notifications';

/** What s3rver 3.7 emits for a PutObject: raw key, version 2.0, its own region and configuration id. */
function s3rverRecord(key: string, eventName = 'ObjectCreated:Put', bucket = 'uploads'): S3rverEventRecord {
  return {
    eventVersion: '2.0',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: '2026-11-20T02:14:07.512Z',
    eventName,
    userIdentity: { principalId: 'AWS:ABCDEF0123456789ABCDE' },
    requestParameters: { sourceIPAddress: '::ffff:127.0.0.1' },
    responseElements: { 'x-amz-request-id': '0123456789ABCDEF', 'x-amz-id-2': 'aG9zdA==' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'testConfigId',
      bucket: {
        name: bucket,
        ownerIdentity: { principalId: 'ABCDEF01234567' },
        arn: `arn:aws:s3: : :${bucket}`,
      },
      object: eventName.startsWith('ObjectRemoved')
        ? { key, sequencer: '19A9E8D5F2C' }
        : { key, size: 12, eTag: 'a4c1f3e1d2b0c9e8f7a6b5c4d3e2f1a0', sequencer: '19A9E8D5F2C' },
    },
  } as S3rverEventRecord;
}

function fakeServer() {
  const emitter = new EventEmitter();
  return { emitter, server: emitter as unknown as S3rver };
}

function collectingQueue() {
  const bodies: string[] = [];
  const send = (body: string) => {
    bodies.push(body);
    return `id-${bodies.length}`;
  };
  return { bodies, queue: { send } };
}

describe('toS3EventRecord', () => {
  it('produces the record real S3 sends, with the key form-URL-encoded', () => {
    const record = toS3EventRecord(s3rverRecord('incoming/assessments/my file+1.csv'), {
      region: 'ap-southeast-3',
      configurationId: 'sinergi-incoming-uploads',
      sequencer: '0019A9E8D5F2C00001',
    });

    expect(record).toEqual({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'ap-southeast-3',
      eventTime: '2026-11-20T02:14:07.512Z',
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:ABCDEF0123456789ABCDE' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': '0123456789ABCDEF', 'x-amz-id-2': 'aG9zdA==' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'sinergi-incoming-uploads',
        bucket: {
          name: 'uploads',
          ownerIdentity: { principalId: 'A3LOCALSINERGI' },
          arn: 'arn:aws:s3:::uploads',
        },
        object: {
          key: 'incoming/assessments/my+file%2B1.csv',
          size: 12,
          eTag: 'a4c1f3e1d2b0c9e8f7a6b5c4d3e2f1a0',
          sequencer: '0019A9E8D5F2C00001',
        },
      },
    });
  });

  it('names multipart completion as S3 does, not as s3rver does', () => {
    const record = toS3EventRecord(s3rverRecord('incoming/vacancies/big.xlsx', 'ObjectCreated:Post'), {
      region: 'ap-southeast-3',
      configurationId: 'c',
      sequencer: '00',
    });

    expect(record.eventName).toBe('ObjectCreated:CompleteMultipartUpload');
  });
});

describe('createSequencerClock', () => {
  it('increases per key even within one millisecond, and looks like an S3 sequencer', () => {
    const clock = createSequencerClock(() => 1_795_659_247_512);

    const first = clock.next('uploads', 'incoming/a.csv');
    const second = clock.next('uploads', 'incoming/a.csv');
    const other = clock.next('uploads', 'incoming/b.csv');

    expect(first).toMatch(/^[0-9A-F]{18}$/);
    expect(compareSequencers(first, second)).toBeLessThan(0);
    expect(other).toBe(first);
  });

  it('keeps increasing across restarts because it starts from the clock', () => {
    let time = 1_795_659_247_512;
    const before = createSequencerClock(() => time);
    const last = [1, 2, 3].map(() => before.next('uploads', 'incoming/a.csv')).at(-1)!;

    time += 1;
    const after = createSequencerClock(() => time);

    expect(compareSequencers(last, after.next('uploads', 'incoming/a.csv'))).toBeLessThan(0);
  });

  it('does not go backwards when the clock does', () => {
    let time = 1_795_659_247_512;
    const clock = createSequencerClock(() => time);
    const first = clock.next('uploads', 'incoming/a.csv');

    time -= 5_000;

    expect(compareSequencers(first, clock.next('uploads', 'incoming/a.csv'))).toBeLessThan(0);
  });
});

describe('startS3Notifications', () => {
  it('queues the one-time s3:TestEvent per bucket when it starts', () => {
    const { server } = fakeServer();
    const { bodies, queue } = collectingQueue();

    startS3Notifications({ server, queue, buckets: ['uploads'], region: 'ap-southeast-3', now: () => 0 });

    expect(bodies).toHaveLength(1);
    expect(parseS3MessageBody(bodies[0]!)).toMatchObject({ testEvent: true });
  });

  it('forwards creations under the upload prefixes only, in a shape the intake decodes back to the raw key', () => {
    const { emitter, server } = fakeServer();
    const { bodies, queue } = collectingQueue();
    const notifications = startS3Notifications({
      server,
      queue,
      buckets: ['uploads'],
      region: 'ap-southeast-3',
    });

    emitter.emit('event', { Records: [s3rverRecord('incoming/assessments/data/ùnïcode ñ.csv')] });
    emitter.emit('event', { Records: [s3rverRecord('reports/incoming/x.report.json')] });
    emitter.emit('event', { Records: [s3rverRecord('incoming/unknown-kind/x.csv')] });
    emitter.emit('event', {
      Records: [s3rverRecord('incoming/assessments/gone.csv', 'ObjectRemoved:Delete')],
    });
    emitter.emit('event', {
      Records: [s3rverRecord('incoming/assessments/other.csv', 'ObjectCreated:Put', 'other')],
    });

    expect(bodies).toHaveLength(2);
    expect(notifications.forwarded).toBe(2);
    expect(parseS3MessageBody(bodies[1]!).uploads).toEqual([
      expect.objectContaining({
        bucket: 'uploads',
        key: 'incoming/assessments/data/ùnïcode ñ.csv',
        size: 12,
      }),
    ]);
  });

  it('honours explicit prefixes', () => {
    const { emitter, server } = fakeServer();
    const { bodies, queue } = collectingQueue();
    startS3Notifications({ server, queue, buckets: ['uploads'], region: 'r', prefixes: ['incoming/'] });

    emitter.emit('event', { Records: [s3rverRecord('incoming/unknown-kind/x.csv')] });

    expect(bodies).toHaveLength(2);
  });

  it('forwards removals when asked, which the intake then skips', () => {
    const { emitter, server } = fakeServer();
    const { bodies, queue } = collectingQueue();
    startS3Notifications({ server, queue, buckets: ['uploads'], region: 'r', includeRemovals: true });

    emitter.emit('event', {
      Records: [s3rverRecord('incoming/assessments/gone.csv', 'ObjectRemoved:Delete')],
    });

    expect(parseS3MessageBody(bodies[1]!).skipped).toEqual([
      expect.objectContaining({ key: 'incoming/assessments/gone.csv', reason: 'removed' }),
    ]);
  });

  it('reports a notification the queue refuses instead of failing the upload, and stops listening on stop()', () => {
    const { emitter, server } = fakeServer();
    const errors: unknown[] = [];
    let accepting = true;
    const queue = {
      send: () => {
        if (!accepting) throw new Error('queue sinergi-uploads is closed');
        return 'id';
      },
    };
    const notifications = startS3Notifications({
      server,
      queue,
      buckets: ['uploads'],
      region: 'r',
      onError: (error) => errors.push(error),
    });
    accepting = false;

    expect(() =>
      emitter.emit('event', { Records: [s3rverRecord('incoming/assessments/a.csv')] }),
    ).not.toThrow();
    expect(errors).toHaveLength(1);

    notifications.stop();
    expect(emitter.listenerCount('event')).toBe(0);
  });
});
