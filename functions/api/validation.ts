/**
 * Request validation at the edge: zod schemas for path, query and body, every problem reported as
 * a field-level issue of one ValidationError (400). Values are never echoed back: a field may hold
 * an id, a note or a token pasted in the wrong place.
 */
import type { z } from 'zod';
import { type Issue, ValidationError } from '#core/domain/errors';
import { UnsupportedBodyError } from './http.ts';

/** Request bodies are small JSON documents; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 16 * 1024;

function fieldOf(path: readonly PropertyKey[], fallback: string): string {
  return path.length === 0 ? fallback : path.map(String).join('.');
}

export function issuesOf(error: z.ZodError, root: string): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldOf([...issue.path, key], root),
        reason: 'is not accepted here',
      }));
    }
    return [{ field: fieldOf(issue.path, root), reason: issue.message }];
  });
}

/** Parses one part of the request; `root` names the part when an issue is about all of it. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, root: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesOf(result.error, root));
  return result.data;
}

/** Only JSON is accepted; a missing content type is read as JSON, as curl users often omit it. */
export function assertJsonContentType(contentType: string | undefined): void {
  if (contentType === undefined) return;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new UnsupportedBodyError(415, 'send the body as application/json');
  }
}

/** The JSON body of a request, or a 400 saying why it is not one. */
export function readJsonBody(body: string | undefined, isBase64Encoded: boolean): unknown {
  if (body === undefined || body === '') {
    throw new ValidationError([{ field: 'body', reason: 'a JSON body is required' }]);
  }
  const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new UnsupportedBodyError(413, `the body must be at most ${MAX_BODY_BYTES} bytes`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError([{ field: 'body', reason: 'is not valid JSON' }]);
  }
}
