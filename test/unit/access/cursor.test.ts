import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import {
  type CursorScope,
  MAX_CURSOR_LENGTH,
  openCursor,
  parseCursorKey,
  sealCursor,
} from '#functions/api/auth/cursor';

const KEY = Uint8Array.from(randomBytes(32));
const OTHER_KEY = Uint8Array.from(randomBytes(32));
const SCOPE: CursorScope = { subject: 'c-1', route: 'GET /v1/youth', district: '3374' };
const LAST_KEY = 'eyJQSyI6IllPVVRIIzAwMDEiLCJTSyI6IlBST0ZJTEUifQ';

function rejection(open: () => unknown): ValidationError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe('cursor');
    return error as ValidationError;
  }
  throw new Error('the cursor was accepted');
}

describe('sealed cursors', () => {
  it('open to the adapter position for the same scope', () => {
    const cursor = sealCursor({ lastKey: LAST_KEY, scope: SCOPE }, { keys: KEY });
    expect(openCursor(cursor, SCOPE, { keys: KEY })).toBe(LAST_KEY);
  });

  it('are base64url, opaque and different every time', () => {
    const a = sealCursor({ lastKey: LAST_KEY, scope: SCOPE }, { keys: KEY });
    const b = sealCursor({ lastKey: LAST_KEY, scope: SCOPE }, { keys: KEY });
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    const bytes = Buffer.from(a, 'base64url').toString('latin1');
    for (const visible of [LAST_KEY, '3374', 'c-1', 'district']) expect(bytes).not.toContain(visible);
  });

  it('scope member order does not matter', () => {
    const cursor = sealCursor({ lastKey: LAST_KEY, scope: SCOPE }, { keys: KEY });
    const reordered: CursorScope = { district: '3374', route: 'GET /v1/youth', subject: 'c-1' };
    expect(openCursor(cursor, reordered, { keys: KEY })).toBe(LAST_KEY);
  });

  it('survive a key rotation: sealed with the old key, opened with [new, old]', () => {
    const cursor = sealCursor({ lastKey: LAST_KEY, scope: SCOPE }, { keys: OTHER_KEY });
    expect(openCursor(cursor, SCOPE, { keys: [KEY, OTHER_KEY] })).toBe(LAST_KEY);
    rejection(() => openCursor(cursor, SCOPE, { keys: KEY }));
  });
});

describe('cursors bound to another scope are refused', () => {
  const cursor = sealCursor({ lastKey: LAST_KEY, scope: SCOPE }, { keys: KEY });
  it.each<[string, CursorScope]>([
    ['another district', { ...SCOPE, district: '3301' }],
    ['another user', { ...SCOPE, subject: 'c-2' }],
    ['another route', { ...SCOPE, route: 'GET /v1/vacancies/{vacancyId}/candidates' }],
    ['a query with one more parameter', { ...SCOPE, kind: 'job' }],
    ['a query with one parameter fewer', { subject: 'c-1', route: 'GET /v1/youth' }],
  ])('%s', (_name, scope) => {
    expect(rejection(() => openCursor(cursor, scope, { keys: KEY })).message).toMatch(
      /another query or user/,
    );
  });
});

describe('tampered and malformed cursors are a 400 on the cursor field', () => {
  const cursor = sealCursor({ lastKey: LAST_KEY, scope: SCOPE }, { keys: KEY });

  it('property: changing any byte is detected', () => {
    const bytes = Buffer.from(cursor, 'base64url');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, flip) => {
          const changed = Buffer.from(bytes);
          changed[at] = changed[at]! ^ flip;
          rejection(() => openCursor(changed.toString('base64url'), SCOPE, { keys: KEY }));
        },
      ),
    );
  });

  it('property: random strings are refused, never crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        rejection(() => openCursor(text, SCOPE, { keys: KEY }));
      }),
    );
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['too short', Buffer.from([1, 2, 3]).toString('base64url')],
    ['a future format version', `${Buffer.from([2]).toString('base64url')}${cursor.slice(2)}`],
    ['truncated', cursor.slice(0, -4)],
    ['extended', `${cursor}AAAA`],
    ['longer than any real cursor', 'A'.repeat(MAX_CURSOR_LENGTH + 1)],
    ['a plain adapter key, not sealed', LAST_KEY],
  ])('%s', (_name, text) => {
    rejection(() => openCursor(text, SCOPE, { keys: KEY }));
  });

  it('a cursor sealed under another key is refused', () => {
    const foreign = sealCursor({ lastKey: LAST_KEY, scope: SCOPE }, { keys: OTHER_KEY });
    expect(rejection(() => openCursor(foreign, SCOPE, { keys: KEY })).message).toMatch(/altered/);
  });
});

describe('cursor age', () => {
  it('with a maximum age, an old cursor is refused and a fresh one accepted', () => {
    const cursor = sealCursor({ lastKey: LAST_KEY, scope: SCOPE }, { keys: KEY, now: 1_000_000 });
    expect(openCursor(cursor, SCOPE, { keys: KEY, now: 1_000_000 + 60_000, maxAgeMs: 60_000 })).toBe(
      LAST_KEY,
    );
    expect(
      rejection(() => openCursor(cursor, SCOPE, { keys: KEY, now: 1_000_000 + 60_001, maxAgeMs: 60_000 }))
        .message,
    ).toMatch(/expired/);
  });

  it('a cursor sealed without a time cannot satisfy a maximum age', () => {
    const cursor = sealCursor({ lastKey: LAST_KEY, scope: SCOPE }, { keys: KEY });
    rejection(() => openCursor(cursor, SCOPE, { keys: KEY, now: 5, maxAgeMs: 60_000 }));
  });
});

describe('the cursor key from configuration', () => {
  const raw = Buffer.from(KEY);
  it.each([
    ['hex', raw.toString('hex')],
    ['base64', raw.toString('base64')],
    ['base64url', raw.toString('base64url')],
    ['base64 with surrounding spaces', ` ${raw.toString('base64')}\n`],
  ])('%s', (_name, text) => {
    expect(Buffer.from(parseCursorKey(text)).equals(raw)).toBe(true);
  });

  it.each([undefined, '', 'c2hvcnQ', 'a'.repeat(64).replace(/a$/, 'z')])(
    '%j is refused, naming the setting not the value',
    (text) => {
      expect(() => parseCursorKey(text, 'SINERGI_CURSOR_KEY')).toThrow(
        /^SINERGI_CURSOR_KEY must be 32 random bytes/,
      );
    },
  );

  it('keys of the wrong size are refused when sealing and opening', () => {
    expect(() => sealCursor({ lastKey: 'k', scope: SCOPE }, { keys: new Uint8Array(16) })).toThrow(
      RangeError,
    );
    expect(() => openCursor('x', SCOPE, { keys: [] })).toThrow(RangeError);
  });
});
