import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportKeyFor } from '#functions/shared/report-key';
import { type RunningS3, startS3 } from '#infra/local/emulators';
import { waitForReport } from '#infra/local/uploads';

const dir = mkdtempSync(join(tmpdir(), 'sinergi-wait-'));
let s3: RunningS3;

beforeAll(async () => {
  s3 = await startS3({ directory: join(dir, 's3'), buckets: ['uploads'] });
});

afterAll(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('waiting for a report', () => {
  it('reads a report cut short as "not there yet" and returns the whole one once written', async () => {
    const key = 'incoming/vacancies/paralel.csv';
    const Key = reportKeyFor(key);
    const report = { processedAt: '2026-12-01T00:00:00.000Z', status: 'processed' };
    const whole = JSON.stringify(report);
    await s3.client.send(new PutObjectCommand({ Bucket: 'uploads', Key, Body: whole.slice(0, 20) }));
    // The whole report goes in after the waiting side has read the cut one at least once.
    let reads = 0;
    s3.client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'GetObjectCommand' && ++reads === 1) {
          await s3.client.send(new PutObjectCommand({ Bucket: 'uploads', Key, Body: whole }));
        }
        return result;
      },
      { step: 'initialize', name: 'writeWholeAfterFirstRead' },
    );
    const got = await waitForReport(s3.client, 'uploads', key, {
      timeoutMs: 60_000,
      pollMs: 5,
      notBefore: 0,
    });
    expect(got).toEqual(report);
    expect(reads).toBeGreaterThanOrEqual(2);
  });
});
