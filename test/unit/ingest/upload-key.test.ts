import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import {
  auditReportKey,
  FILE_NAME_MAX_BYTES,
  ownerScopeId,
  parseUploadKey,
  S3_KEY_MAX_BYTES,
  uploadIdFromKey,
  uploadKey,
  utf8Bytes,
} from '#core/usecases/upload-key';
import { sha256Hex } from '#functions/shared/hash';
import { reportKeyFor } from '#functions/shared/report-key';

describe('upload key layout', () => {
  it('reads API uploads: owner and upload id in the key', () => {
    expect(parseUploadKey('incoming/vacancies/E-017/01JD3K/lowongan mei.xlsx')).toEqual({
      kind: 'vacancies',
      owner: { scope: 'employer', employerId: 'E-017' },
      uploadId: '01JD3K',
      fileName: 'lowongan mei.xlsx',
      viaApi: true,
    });
    expect(parseUploadKey('incoming/trainings/BLK-SMG/u1/p.csv').owner).toEqual({
      scope: 'provider',
      providerId: 'BLK-SMG',
    });
    expect(parseUploadKey('incoming/assessments/PROGRAMME/u2/a.jsonl').owner).toEqual({ scope: 'programme' });
  });

  it('reads staff uploads, with or without one folder, as programme uploads keyed by their path', () => {
    expect(uploadIdFromKey('incoming/vacancies/lowongan.csv')).toBe('vacancies/lowongan.csv');
    const inFolder = parseUploadKey('incoming/assessments/data/ùnïcode ñ.csv');
    expect(inFolder).toMatchObject({
      owner: { scope: 'programme' },
      viaApi: false,
      fileName: 'ùnïcode ñ.csv',
    });
    expect(ownerScopeId(inFolder.owner)).toBe('PROGRAMME');
  });

  it.each([
    ['outside incoming/', 'reports/incoming/vacancies/a.csv'],
    ['unknown kind', 'incoming/youth/a.csv'],
    ['too deep', 'incoming/vacancies/a/b/c/d.csv'],
    ['empty segment', 'incoming/vacancies//a.csv'],
    ['owner with a space', 'incoming/vacancies/E 1/u1/a.csv'],
    ['assessments from an employer', 'incoming/assessments/E-017/u1/a.csv'],
  ])('refuses a key %s', (_why, key) => {
    expect(() => parseUploadKey(key)).toThrow(ValidationError);
  });

  it('builds API keys that read back to the same parts', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/).filter((s) => s !== 'PROGRAMME');
    const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes('/'));
    fc.assert(
      fc.property(
        fc.constantFrom('vacancies' as const, 'trainings' as const),
        id,
        id,
        name,
        (kind, owner, upload, file) => {
          const parts = parseUploadKey(uploadKey(kind, owner, upload, file));
          expect(parts.uploadId).toBe(upload);
          expect(parts.fileName).toBe(file);
          expect(ownerScopeId(parts.owner)).toBe(
            `${kind === 'vacancies' ? 'EMPLOYER' : 'PROVIDER'}#${owner}`,
          );
        },
      ),
    );
  });

  it('places reports beside uploads and audits by date', () => {
    expect(reportKeyFor('incoming/vacancies/a b.csv')).toBe('reports/incoming/vacancies/a b.csv.report.json');
    expect(auditReportKey('2026-11-27')).toBe('reports/audits/2026-11-27.json');
  });
});

describe('keys of any legal length', () => {
  /** 117 characters but 230 bytes: it passed a character limit and broke the local stack. */
  const accented = `${'é'.repeat(113)}.csv`;

  it('refuses at presign time a file name too long in bytes, whatever its length in characters', () => {
    expect(accented.length).toBeLessThan(200);
    const attempt = () => uploadKey('vacancies', 'E-017', '01JD3K', accented);
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/nama berkas terlalu panjang: 230 byte UTF-8, paling banyak 200/);
    expect(() => uploadKey('vacancies', 'E-017', '01JD3K', `${'é'.repeat(98)}.csv`)).not.toThrow();
  });

  it('names the report of a key too long for its own report key by a hash of the key', () => {
    const staffKey = `incoming/vacancies/${accented}`;
    const hashed = reportKeyFor(staffKey);
    expect(hashed).toBe(`reports/by-hash/${sha256Hex(staffKey)}.report.json`);
    const longest = `incoming/vacancies/${'a'.repeat(200)}/${'b'.repeat(200)}/${'c'.repeat(200)}/${'d'.repeat(200)}/${'e'.repeat(200)}/x.csv`;
    expect(utf8Bytes(`reports/${longest}.report.json`)).toBeGreaterThan(S3_KEY_MAX_BYTES);
    expect(reportKeyFor(longest)).toMatch(/^reports\/by-hash\/[0-9a-f]{64}\.report\.json$/);
  });

  it('keeps every report key within S3 limits and every segment within a file name', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 150 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (segments) => {
          const key = `incoming/vacancies/${segments.join('/')}`;
          const report = reportKeyFor(key);
          expect(utf8Bytes(report)).toBeLessThanOrEqual(S3_KEY_MAX_BYTES);
          for (const segment of report.split('/')) {
            expect(utf8Bytes(segment)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES + '.report.json'.length);
          }
          expect(reportKeyFor(key)).toBe(report);
        },
      ),
    );
  });
});
