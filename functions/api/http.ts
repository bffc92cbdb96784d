/**
 * HTTP responses of the API: JSON bodies, never cached (they are about people and change with
 * every upload), and the one mapper from domain errors to status codes. Only the classes below
 * reach a caller with their message; anything else is a 500 with a generic body and the request id,
 * so a stack trace, an SDK error or a table name never leaves the function.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '#core/access/errors';
import { InvitationClosedError, TooManyAttemptsError } from '#core/assessment/invitation';
import { ConflictError, NotFoundError, ValidationError } from '#core/domain/errors';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': JSON_CONTENT_TYPE,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(
  statusCode: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { ...BASE_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** A downloaded file: base64 in the event result, as API Gateway expects binary bodies. */
export function file(
  statusCode: number,
  download: { contentType: string; fileName: string; bytes: Uint8Array },
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: {
      ...BASE_HEADERS,
      'content-type': download.contentType,
      // The name is ours (ASCII, no quotes); the user's file names never reach this header.
      'content-disposition': `attachment; filename="${download.fileName}"`,
    },
    body: Buffer.from(download.bytes).toString('base64'),
    isBase64Encoded: true,
  };
}

export interface FieldError {
  field: string;
  reason: string;
}

export interface ErrorBody {
  error: string;
  message: string;
  requestId: string;
  fields?: FieldError[];
}

/** A route exists for the path but not for the method. */
export class MethodNotAllowedError extends Error {
  override name = 'MethodNotAllowedError';
  constructor(readonly allowed: readonly string[]) {
    super(`use ${allowed.join(' or ')} on this path`);
  }
}

/** The body is not JSON, too large, or of another media type. */
export class UnsupportedBodyError extends Error {
  override name = 'UnsupportedBodyError';
  constructor(
    readonly statusCode: 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

interface ErrorMapping {
  status: number;
  error: string;
  /** Whether the error's own message is safe to show. Only our own domain errors are. */
  expose: boolean;
}

const MAPPINGS: readonly [new (...args: never[]) => Error, ErrorMapping][] = [
  [ValidationError, { status: 400, error: 'invalid_request', expose: true }],
  [UnauthorizedError, { status: 401, error: 'unauthorized', expose: true }],
  [ForbiddenError, { status: 403, error: 'forbidden', expose: true }],
  [NotFoundError, { status: 404, error: 'not_found', expose: true }],
  [MethodNotAllowedError, { status: 405, error: 'method_not_allowed', expose: true }],
  [ConflictError, { status: 409, error: 'conflict', expose: true }],
  [InvitationClosedError, { status: 410, error: 'gone', expose: true }],
  [TooManyAttemptsError, { status: 429, error: 'too_many_requests', expose: true }],
];

const INTERNAL: ErrorMapping = { status: 500, error: 'internal_error', expose: false };

export function errorMapping(error: unknown): ErrorMapping {
  if (error instanceof UnsupportedBodyError) {
    return {
      status: error.statusCode,
      error: error.statusCode === 413 ? 'payload_too_large' : 'unsupported_media_type',
      expose: true,
    };
  }
  for (const [type, mapping] of MAPPINGS) if (error instanceof type) return mapping;
  return INTERNAL;
}

/** The one place an error becomes a response. */
export function errorResponse(error: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  const mapping = errorMapping(error);
  const body: ErrorBody = {
    error: mapping.error,
    message: mapping.expose
      ? (error as Error).message
      : 'The request could not be completed. Quote the request id when reporting it.',
    requestId,
  };
  if (error instanceof ValidationError) {
    body.fields = error.issues.map((issue) => ({ field: issue.field, reason: issue.reason }));
  }
  const headers: Record<string, string> = {};
  if (error instanceof MethodNotAllowedError) headers.allow = error.allowed.join(', ');
  if (mapping.status === 401) headers['www-authenticate'] = 'Bearer';
  return json(mapping.status, body, headers);
}
