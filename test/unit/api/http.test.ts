import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '#core/access/errors';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '#core/domain/errors';
import { errorResponse, json, MethodNotAllowedError, UnsupportedBodyError } from '#functions/api/http';

function body(response: { body?: string }) {
  return JSON.parse(response.body ?? '');
}

describe('errorResponse', () => {
  it.each([
    [new ValidationError([{ field: 'limit', reason: 'too big' }]), 400, 'invalid_request'],
    [new UnauthorizedError('the token has expired'), 401, 'unauthorized'],
    [new ForbiddenError('a manager may not youth:read'), 403, 'forbidden'],
    [new NotFoundError('youth Y1 not found'), 404, 'not_found'],
    [new MethodNotAllowedError(['GET']), 405, 'method_not_allowed'],
    [new ConflictError('outcome o1 is already recorded'), 409, 'conflict'],
    [new UnsupportedBodyError(413, 'too large'), 413, 'payload_too_large'],
    [new UnsupportedBodyError(415, 'not json'), 415, 'unsupported_media_type'],
  ])('maps %s by class', (error, status, code) => {
    const response = errorResponse(error, 'req-1');
    expect(response.statusCode).toBe(status);
    expect(body(response)).toMatchObject({ error: code, message: error.message, requestId: 'req-1' });
    expect(response.headers).toMatchObject({
      'content-type': expect.stringMatching(/^application\/json/),
      'cache-control': 'no-store',
    });
  });

  it('lists field-level issues of a validation error', () => {
    const error = new ValidationError([
      { field: 'note', reason: 'a complaint needs a note' },
      { field: 'opportunity', reason: 'a complaint names the opportunity' },
    ]);
    expect(body(errorResponse(error, 'r')).fields).toEqual([
      { field: 'note', reason: 'a complaint needs a note' },
      { field: 'opportunity', reason: 'a complaint names the opportunity' },
    ]);
  });

  it('turns anything else into a 500 without its message, name or stack', () => {
    const secret = new Error('ResourceNotFoundException: table sinergi-prod at arn:aws:dynamodb:...');
    for (const error of [
      secret,
      new TypeError('x is undefined'),
      new DomainError('internal rule'),
      'a string',
      null,
    ]) {
      const response = errorResponse(error, 'req-9');
      expect(response.statusCode).toBe(500);
      const text = response.body ?? '';
      expect(body(response)).toEqual({
        error: 'internal_error',
        message: expect.stringContaining('request id'),
        requestId: 'req-9',
      });
      expect(text).not.toMatch(/sinergi-prod|undefined|internal rule|at |Error/);
    }
  });

  it('adds Allow to 405 and WWW-Authenticate to 401', () => {
    expect(errorResponse(new MethodNotAllowedError(['GET', 'DELETE']), 'r').headers).toMatchObject({
      allow: 'GET, DELETE',
    });
    expect(errorResponse(new UnauthorizedError('no token'), 'r').headers).toMatchObject({
      'www-authenticate': 'Bearer',
    });
  });
});

describe('json', () => {
  it('writes JSON that is never cached', () => {
    const response = json(201, { ok: true });
    expect(response).toEqual({
      statusCode: 201,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
      body: '{"ok":true}',
    });
  });
});
