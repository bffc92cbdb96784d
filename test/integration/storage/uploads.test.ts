import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '#core/domain/errors';
import type { S3ObjectRef, UploadReportRecord } from '#core/ports';
import { DynamoReportRepository } from '#functions/adapters/dynamodb/reports';
import { DynamoUploadLedger } from '#functions/adapters/dynamodb/uploads';
import { useDynamo } from './harness.ts';

const LEASE = { leaseMs: 60_000 };
const object = (sequencer: string, key = 'incoming/vacancies/E1/lowongan mei.xlsx'): S3ObjectRef => ({
  bucket: 'sinergi-uploads',
  key,
  sequencer,
});

describe('DynamoUploadLedger against dynalite', () => {
  const { table } = useDynamo();

  it('claims a new object once; the same version again is a duplicate after completion', async () => {
    const ledger = new DynamoUploadLedger(await table());
    expect(await ledger.claim(object('0055AED6DCD90281E5'), { now: 1_000, ...LEASE })).toBe('new');
    expect(await ledger.claim(object('0055AED6DCD90281E5'), { now: 2_000, ...LEASE })).toBe('in_progress');
    await ledger.complete(object('0055AED6DCD90281E5'), { rows: 12, rejected: 1 }, 3_000);
    for (let i = 0; i < 10; i++) {
      expect(await ledger.claim(object('0055AED6DCD90281E5'), { now: 4_000 + i, ...LEASE })).toBe(
        'duplicate',
      );
    }
    expect(await ledger.get('sinergi-uploads', 'incoming/vacancies/E1/lowongan mei.xlsx')).toEqual({
      bucket: 'sinergi-uploads',
      key: 'incoming/vacancies/E1/lowongan mei.xlsx',
      sequencer: '0055AED6DCD90281E5',
      status: 'done',
      claimedAt: 1_000,
      completedAt: 3_000,
      summary: { rows: 12, rejected: 1 },
    });
  });

  it('processes other content under the same sequencer (another eTag) as new, and only that run completes', async () => {
    const ledger = new DynamoUploadLedger(await table());
    const first = { ...object('0055AED6DCD90281E6', 'incoming/vacancies/etag.csv'), eTag: '"aaa"' };
    const other = { ...first, eTag: '"bbb"' };
    expect(await ledger.claim(first, { now: 1_000, ...LEASE })).toBe('new');
    await ledger.complete(first, { rows: 1 }, 1_500);
    expect(await ledger.claim(first, { now: 2_000, ...LEASE })).toBe('duplicate');
    expect(await ledger.claim(other, { now: 3_000, ...LEASE })).toBe('new');
    await expect(ledger.complete(first, { rows: 1 }, 3_500)).rejects.toThrow(ConflictError);
    await ledger.complete(other, { rows: 2 }, 4_000);
    expect(await ledger.claim(other, { now: 5_000, ...LEASE })).toBe('duplicate');
    expect(await ledger.get('sinergi-uploads', 'incoming/vacancies/etag.csv')).toMatchObject({
      eTag: '"bbb"',
      status: 'done',
      summary: { rows: 2 },
    });
  });

  it('lets exactly one of ten parallel deliveries claim the object', async () => {
    const ledger = new DynamoUploadLedger(await table());
    const results = await Promise.all(
      Array.from({ length: 10 }, () => ledger.claim(object('0062A1B2C3'), { now: 1_000, ...LEASE })),
    );
    expect(results.filter((r) => r === 'new')).toHaveLength(1);
    expect(results.filter((r) => r === 'in_progress')).toHaveLength(9);
  });

  it('marks an older upload of the key stale, compared by the S3 rule (right-padded)', async () => {
    const ledger = new DynamoUploadLedger(await table());
    expect(await ledger.claim(object('1A00'), { now: 1, ...LEASE })).toBe('new');
    expect(await ledger.claim(object('19FF'), { now: 2, ...LEASE })).toBe('stale');
    // Shorter: right-padded to 1B00, so later than 1A00.
    expect(await ledger.claim(object('1b'), { now: 3, ...LEASE })).toBe('new');
    expect(await ledger.claim(object('1A00'), { now: 4, ...LEASE })).toBe('stale');
    // The older run cannot complete over the newer claim.
    await expect(ledger.complete(object('1A00'), { rows: 1 }, 5)).rejects.toBeInstanceOf(ConflictError);
  });

  it('lets a retry take over a claim whose lease ran out (the first run crashed)', async () => {
    const ledger = new DynamoUploadLedger(await table());
    expect(await ledger.claim(object('AB'), { now: 1_000, leaseMs: 100 })).toBe('new');
    expect(await ledger.claim(object('AB'), { now: 1_050, leaseMs: 100 })).toBe('in_progress');
    expect(await ledger.claim(object('AB'), { now: 1_200, leaseMs: 100 })).toBe('new');
  });

  it('keeps keys apart and refuses a sequencer that is not hexadecimal', async () => {
    const ledger = new DynamoUploadLedger(await table());
    expect(await ledger.claim(object('10', 'a.csv'), { now: 1, ...LEASE })).toBe('new');
    expect(await ledger.claim(object('01', 'b.csv'), { now: 1, ...LEASE })).toBe('new');
    await expect(ledger.claim(object('not-hex'), { now: 1, ...LEASE })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe('DynamoReportRepository against dynalite', () => {
  const { table } = useDynamo();

  const report = (uploadId: string, ownerId: string, createdAt: string): UploadReportRecord => ({
    uploadId,
    ownerId,
    kind: 'vacancies',
    bucket: 'sinergi-uploads',
    key: `incoming/vacancies/${uploadId}.csv`,
    createdAt,
    report: { accepted: 10, rejected: [{ row: 3, field: 'closing_date', reason: 'not a date' }] },
  });

  it('stores a report by upload id and replaces it when the upload is reprocessed', async () => {
    const repo = new DynamoReportRepository(await table());
    await repo.put(report('U1', 'EMPLOYER#E1', '2026-11-01T08:00:00Z'));
    expect(await repo.get('U1')).toEqual(report('U1', 'EMPLOYER#E1', '2026-11-01T08:00:00Z'));
    const redone = {
      ...report('U1', 'EMPLOYER#E1', '2026-11-01T08:00:00Z'),
      report: { accepted: 11, rejected: [] },
    };
    await repo.put(redone);
    expect((await repo.get('U1'))?.report).toEqual({ accepted: 11, rejected: [] });
    expect(await repo.get('U2')).toBeUndefined();
  });

  it('lists only the owner uploads, oldest first, page by page', async () => {
    const repo = new DynamoReportRepository(await table());
    await repo.put(report('U3', 'EMPLOYER#E1', '2026-11-03T08:00:00Z'));
    await repo.put(report('U1', 'EMPLOYER#E1', '2026-11-01T08:00:00Z'));
    await repo.put(report('U2', 'EMPLOYER#E1', '2026-11-02T08:00:00Z'));
    await repo.put(report('U9', 'PROVIDER#E1', '2026-11-02T09:00:00Z'));
    const first = await repo.listByOwner('EMPLOYER#E1', { limit: 2 });
    const second = await repo.listByOwner('EMPLOYER#E1', { limit: 2, cursor: first.cursor! });
    expect([...first.items, ...second.items].map((r) => r.uploadId)).toEqual(['U1', 'U2', 'U3']);
    expect(second.cursor).toBeUndefined();
  });
});
