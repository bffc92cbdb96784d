import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import { UnsupportedBodyError } from '#functions/api/http';
import {
  outcomeBody,
  recordId,
  summaryQuery,
  uploadBody,
  youthListQuery,
  youthPath,
} from '#functions/api/schemas';
import { assertJsonContentType, MAX_BODY_BYTES, parseWith, readJsonBody } from '#functions/api/validation';

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(({ field, reason }) => ({ field, reason }));
  }
  throw new Error('expected a ValidationError');
}

describe('request schemas', () => {
  it('accepts record ids as the upload formats do and refuses separators and control characters', () => {
    for (const id of ['Y-0001', 'peserta 12', 'ÄÖ-1', 'a'.repeat(100)]) expect(recordId.parse(id)).toBe(id);
    for (const id of ['', 'a/b', 'a\\b', 'a\u0000b', 'a\nb', 'a'.repeat(101)]) {
      expect(recordId.safeParse(id).success).toBe(false);
    }
  });

  it('names the field of a malformed path parameter', () => {
    expect(issuesOf(() => parseWith(youthPath, { youthId: 'x'.repeat(101) }, 'path'))).toEqual([
      { field: 'youthId', reason: 'must be at most 100 characters' },
    ]);
  });

  it('parses list queries and refuses what does not belong', () => {
    expect(parseWith(youthListQuery, { district: '3374', limit: '25' }, 'query')).toEqual({
      district: '3374',
      limit: 25,
    });
    expect(issuesOf(() => parseWith(youthListQuery, { district: '33', limit: '0' }, 'query'))).toEqual([
      { field: 'district', reason: 'must be a 4-digit BPS district code' },
      { field: 'limit', reason: 'must be a whole number from 1 to 100' },
    ]);
    expect(issuesOf(() => parseWith(youthListQuery, { district: '3374', limit: '101' }, 'query'))).toEqual([
      { field: 'limit', reason: 'must be a whole number from 1 to 100' },
    ]);
    // A repeated parameter arrives comma-joined from API Gateway: not a district code.
    expect(issuesOf(() => parseWith(youthListQuery, { district: '3374,3322' }, 'query'))[0]?.field).toBe(
      'district',
    );
    expect(issuesOf(() => parseWith(youthListQuery, { district: '3374', role: 'admin' }, 'query'))).toEqual([
      { field: 'role', reason: 'is not accepted here' },
    ]);
    expect(parseWith(summaryQuery, { district: '3374,3322' }, 'query')).toEqual({ district: '3374,3322' });
  });

  it('requires an opportunity and a note for a complaint, and takes no district or actor', () => {
    expect(outcomeBody.parse({ type: 'hired', opportunity: { kind: 'job', id: 'V1' } })).toEqual({
      type: 'hired',
      opportunity: { kind: 'job', id: 'V1' },
    });
    expect(issuesOf(() => parseWith(outcomeBody, { type: 'complaint' }, 'body'))).toEqual([
      { field: 'opportunity', reason: 'a complaint names the opportunity' },
      { field: 'note', reason: 'a complaint needs a note' },
    ]);
    expect(
      issuesOf(() =>
        parseWith(outcomeBody, { type: 'hired', district: '3322', actor: { id: 'someone' } }, 'body'),
      ),
    ).toEqual([
      { field: 'district', reason: 'is not accepted here' },
      { field: 'actor', reason: 'is not accepted here' },
    ]);
    expect(issuesOf(() => parseWith(outcomeBody, { type: 'promoted' }, 'body'))[0]?.field).toBe('type');
    expect(issuesOf(() => parseWith(outcomeBody, [], 'body'))[0]?.field).toBe('body');
  });

  it('takes upload file names of the formats ingest reads, without folders', () => {
    expect(uploadBody.parse({ kind: 'vacancies', fileName: 'Lowongan Nov.XLSX', size: 10 }).fileName).toBe(
      'Lowongan Nov.XLSX',
    );
    expect(
      issuesOf(() => parseWith(uploadBody, { kind: 'vacancies', fileName: '../x.csv', size: 1 }, 'body')),
    ).toEqual([{ field: 'fileName', reason: 'must be a file name without folders' }]);
    expect(
      issuesOf(() => parseWith(uploadBody, { kind: 'vacancies', fileName: 'x.xls', size: 1.5 }, 'body')),
    ).toEqual([
      { field: 'fileName', reason: 'must end in .csv, .json, .jsonl, .ndjson or .xlsx' },
      { field: 'size', reason: 'must be a whole number of bytes' },
    ]);
    expect(
      issuesOf(() => parseWith(uploadBody, { kind: 'photos', fileName: 'x.csv', size: 1 }, 'body'))[0]?.field,
    ).toBe('kind');
  });
});

describe('bodies', () => {
  it('reads JSON, plain or base64, and says why anything else is refused', () => {
    expect(readJsonBody('{"a":1}', false)).toEqual({ a: 1 });
    expect(readJsonBody(Buffer.from('{"a":2}').toString('base64'), true)).toEqual({ a: 2 });
    expect(issuesOf(() => readJsonBody(undefined, false))).toEqual([
      { field: 'body', reason: 'a JSON body is required' },
    ]);
    expect(issuesOf(() => readJsonBody('{"a":', false))).toEqual([
      { field: 'body', reason: 'is not valid JSON' },
    ]);
    expect(() => readJsonBody(`"${'x'.repeat(MAX_BODY_BYTES)}"`, false)).toThrow(UnsupportedBodyError);
  });

  it('accepts application/json (or no content type) only', () => {
    expect(() => assertJsonContentType(undefined)).not.toThrow();
    expect(() => assertJsonContentType('Application/JSON; charset=utf-8')).not.toThrow();
    expect(() => assertJsonContentType('text/plain')).toThrow(UnsupportedBodyError);
  });
});
