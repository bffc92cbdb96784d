import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynamo, startS3 } from '#infra/local/emulators';

describe('embedded emulators', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-emu-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['worker', 'main'] as const)(
    'keeps DynamoDB data in the data directory across restarts (dynalite on the %s thread)',
    async (thread) => {
      const dataDir = join(dir, thread);
      const first = await startDynamo({ dataDir, thread });
      await ensureTable(first.client, 'sinergi');
      await first.client.send(
        new PutItemCommand({ TableName: 'sinergi', Item: { pk: { S: 'a' }, sk: { S: 'b' } } }),
      );
      await first.close();

      const second = await startDynamo({ dataDir, thread });
      await ensureTable(second.client, 'sinergi');
      const got = await second.client.send(
        new GetItemCommand({ TableName: 'sinergi', Key: { pk: { S: 'a' }, sk: { S: 'b' } } }),
      );
      await second.close();
      expect(got.Item?.pk?.S).toBe('a');
    },
  );

  it('reports a port dynalite cannot listen on instead of hanging', async () => {
    const taken = await startDynamo();
    const port = Number(new URL(taken.endpoint).port);
    try {
      await expect(startDynamo({ port })).rejects.toThrow(/dynalite did not start/);
    } finally {
      await taken.close();
    }
  });

  it('stores and returns S3 objects byte for byte over HTTP', async () => {
    const s3 = await startS3({ directory: join(dir, 's3'), buckets: ['uploads'] });
    const body = 'youth_id;district\r\nY1;3374\r\n';
    await s3.client.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'incoming/a b+c.csv', Body: body }));
    const got = await s3.client.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'incoming/a b+c.csv' }));
    const text = await got.Body?.transformToString();
    await s3.close();
    expect(text).toBe(body);
  });

  it("answers a browser's CORS preflight for a presigned PUT, and refuses other methods", async () => {
    const s3 = await startS3({ directory: join(dir, 's3-cors'), buckets: ['uploads'] });
    const preflight = (method: string) =>
      fetch(`${s3.endpoint}/uploads/incoming/vacancies/E1/U1/lowongan.csv`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://127.0.0.1:3000',
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type',
        },
      });
    try {
      const put = await preflight('PUT');
      expect(put.status).toBe(200);
      expect(put.headers.get('access-control-allow-methods')).toBe('PUT');
      expect(put.headers.get('access-control-allow-headers')).toBe('content-type');
      expect((await preflight('DELETE')).status).toBe(403);
    } finally {
      await s3.close();
    }
  });

  it('refuses a key too long to be stored as a file with KeyTooLongError, and keeps running', async () => {
    const s3 = await startS3({ directory: join(dir, 's3-long'), buckets: ['uploads'] });
    try {
      const put = (name: string) =>
        s3.client.send(
          new PutObjectCommand({ Bucket: 'uploads', Key: `incoming/vacancies/${name}`, Body: 'x' }),
        );
      // 113 x "é" + ".csv" is 117 characters but 230 bytes; its report key adds 12 more.
      await expect(put(`${'é'.repeat(113)}.csv.report.json`)).rejects.toMatchObject({
        name: 'KeyTooLongError',
        $metadata: { httpStatusCode: 400 },
      });
      await expect(put('a'.repeat(234))).rejects.toMatchObject({ name: 'KeyTooLongError' });
      await put(`${'é'.repeat(113)}.csv`);
      await put('a'.repeat(233));
      const got = await s3.client.send(
        new GetObjectCommand({ Bucket: 'uploads', Key: `incoming/vacancies/${'é'.repeat(113)}.csv` }),
      );
      expect(await got.Body?.transformToString()).toBe('x');
    } finally {
      await s3.close();
    }
  });

  it('never lets a reader see half of an object being replaced', async () => {
    const s3 = await startS3({ directory: join(dir, 's3-whole'), buckets: ['uploads'] });
    try {
      const Key = 'reports/incoming/vacancies/big.csv.report.json';
      const versions = ['a', 'b', 'c', 'd'].map((fill) =>
        JSON.stringify({ fill: fill.repeat(4 * 1024 * 1024) }),
      );
      await s3.client.send(new PutObjectCommand({ Bucket: 'uploads', Key, Body: versions[0] }));
      let writing = true;
      const writes = (async () => {
        for (const body of versions.slice(1)) {
          await s3.client.send(new PutObjectCommand({ Bucket: 'uploads', Key, Body: body }));
        }
        writing = false;
      })();
      let reads = 0;
      while (writing || reads === 0) {
        const got = await s3.client.send(new GetObjectCommand({ Bucket: 'uploads', Key }));
        expect(versions).toContain(await got.Body?.transformToString());
        reads++;
      }
      await writes;
      expect(reads).toBeGreaterThan(0);
    } finally {
      await s3.close();
    }
  });
});
