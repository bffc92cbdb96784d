import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareSequencers,
  readS3Intake,
  type UploadedObject,
  uploadKind,
} from '#functions/shared/s3-events';
import { LOCAL_REGION, type RunningS3, startS3 } from '#infra/local/emulators';
import { createLocalQueue, type LocalQueue } from '#infra/local/queue';
import { type S3Notifications, startS3Notifications } from '#infra/local/s3-notifications';

const BUCKET = 'sinergi-uploads';

const AWKWARD_KEYS = [
  'incoming/assessments/my file.csv',
  'incoming/assessments/a+b.csv',
  'incoming/assessments/100%.csv',
  'incoming/assessments/data/ùnïcode ñ.csv',
  'incoming/vacancies/Lowongan (Semarang) 2026; revisi #2.xlsx',
  'incoming/trainings/pelatihan=las&kayu~v1!.jsonl',
];

describe('s3rver -> real-shaped S3 notifications -> local queue -> SQS consumer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-events-'));
  const events: SQSEvent[] = [];
  const uploads: UploadedObject[] = [];
  const testEvents: string[] = [];
  let s3: RunningS3;
  let queue: LocalQueue;
  let notifications: S3Notifications;

  beforeAll(async () => {
    s3 = await startS3({ directory: join(dir, 's3'), buckets: [BUCKET, 'elsewhere'] });
    queue = createLocalQueue({
      region: LOCAL_REGION,
      consumer: async (event) => {
        events.push(event);
        const failures = [];
        for (const message of readS3Intake(event)) {
          if (!message.ok) {
            failures.push({ itemIdentifier: message.messageId });
            continue;
          }
          if (message.notification.testEvent) testEvents.push(message.messageId);
          uploads.push(...message.notification.uploads);
        }
        return { batchItemFailures: failures };
      },
    });
    notifications = startS3Notifications({
      server: s3.server,
      queue,
      buckets: [BUCKET],
      region: LOCAL_REGION,
    });
  });

  afterAll(async () => {
    notifications.stop();
    await queue.close();
    await s3.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers the s3:TestEvent first, acknowledged without uploads', async () => {
    await queue.drain();

    expect(testEvents).toHaveLength(1);
    expect(uploads).toEqual([]);
  });

  it('delivers every PutObject with the decoded key equal to the key put', async () => {
    for (const key of AWKWARD_KEYS) {
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: `isi ${key}` }));
    }
    await queue.drain();

    expect(uploads.map((upload) => upload.key)).toEqual(AWKWARD_KEYS);
    expect(uploads.map((upload) => upload.size)).toEqual(
      AWKWARD_KEYS.map((key) => Buffer.byteLength(`isi ${key}`)),
    );
    expect(
      uploads.every((upload) => upload.bucket === BUCKET && upload.eventName === 'ObjectCreated:Put'),
    ).toBe(true);
    expect(uploads.map((upload) => uploadKind(upload.key))).toEqual([
      'assessments',
      'assessments',
      'assessments',
      'assessments',
      'vacancies',
      'trainings',
    ]);
    expect(queue.stats()).toMatchObject({ deadLettered: 0, retried: 0 });
  });

  it('carries the key on the wire form-URL-encoded and in the shape of S3 event version 2.1', () => {
    const record = events
      .flatMap((event) => event.Records)
      .map((message) => JSON.parse(message.body))
      .find((body) => body.Records?.[0]?.s3.object.key.includes('my+file'));

    expect(record.Records[0]).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: LOCAL_REGION,
      s3: {
        configurationId: 'sinergi-incoming-uploads',
        bucket: { name: BUCKET, arn: `arn:aws:s3:::${BUCKET}` },
        object: {
          key: 'incoming/assessments/my+file.csv',
          sequencer: expect.stringMatching(/^[0-9A-F]{18}$/),
        },
      },
    });
  });

  it('gives repeated uploads of one key increasing sequencers', async () => {
    const key = 'incoming/vacancies/lowongan berulang.csv';
    uploads.length = 0;
    for (const version of [1, 2, 3, 4]) {
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: `versi ${version}` }));
    }
    await queue.drain();

    const sequencers = uploads.filter((upload) => upload.key === key).map((upload) => upload.sequencer!);
    expect(sequencers).toHaveLength(4);
    for (let index = 1; index < sequencers.length; index += 1) {
      expect(compareSequencers(sequencers[index - 1]!, sequencers[index]!)).toBeLessThan(0);
    }
  });

  it('reports a multipart upload as ObjectCreated:CompleteMultipartUpload with its full size', async () => {
    const key = 'incoming/vacancies/besar sekali.xlsx';
    const body = Buffer.alloc(6 * 1024 * 1024, 7);
    uploads.length = 0;

    await new Upload({
      client: s3.client,
      params: { Bucket: BUCKET, Key: key, Body: body },
      partSize: 5 * 1024 * 1024,
    }).done();
    await queue.drain();

    expect(uploads).toEqual([
      expect.objectContaining({ key, size: body.length, eventName: 'ObjectCreated:CompleteMultipartUpload' }),
    ]);
  });

  it('sends nothing for keys outside incoming/, other buckets or deletions', async () => {
    const sentBefore = queue.stats().sent;

    await s3.client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'reports/incoming/x.report.json', Body: '{}' }),
    );
    await s3.client.send(
      new PutObjectCommand({ Bucket: 'elsewhere', Key: 'incoming/assessments/x.csv', Body: 'x' }),
    );
    await s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: AWKWARD_KEYS[0] }));
    await queue.drain();

    expect(queue.stats().sent).toBe(sentBefore);
  });
});
