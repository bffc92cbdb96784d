import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import {
  auditReportKey,
  ownerScopeId,
  parseUploadKey,
  reportKeyOf,
  uploadIdFromKey,
  uploadKey,
} from '#core/usecases/upload-key';

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
    expect(reportKeyOf('incoming/vacancies/a b.csv')).toBe('reports/incoming/vacancies/a b.csv.report.json');
    expect(auditReportKey('2026-11-27')).toBe('reports/audits/2026-11-27.json');
  });
});
