/**
 * Sealed cursors for list routes: the storage position leaves the API only inside a cursor bound
 * to the caller, the route and the query that selects the data (docs/security.md, "Cursors").
 */
import type { Principal } from '#core/access/principal';
import { type CursorScope, openCursor, sealCursor } from './auth/cursor.ts';
import type { ApiDeps } from './route.ts';

export type Selectors = Readonly<Record<string, string>>;

function scopeOf(principal: Principal, route: string, selectors: Selectors): CursorScope {
  return { ...selectors, subject: principal.subject, route };
}

/** The storage cursor inside a caller's cursor, or undefined on a first page. */
export function openPageCursor(
  deps: Pick<ApiDeps, 'cursorKeys' | 'cursorMaxAgeMs' | 'now'>,
  principal: Principal,
  route: string,
  selectors: Selectors,
  cursor: string | undefined,
): string | undefined {
  if (cursor === undefined) return undefined;
  return openCursor(cursor, scopeOf(principal, route, selectors), {
    keys: deps.cursorKeys,
    now: deps.now(),
    maxAgeMs: deps.cursorMaxAgeMs,
  });
}

/** The caller's cursor for the next page, or undefined after the last one. */
export function sealPageCursor(
  deps: Pick<ApiDeps, 'cursorKeys' | 'now'>,
  principal: Principal,
  route: string,
  selectors: Selectors,
  storageCursor: string | undefined,
): string | undefined {
  if (storageCursor === undefined) return undefined;
  return sealCursor(
    { lastKey: storageCursor, scope: scopeOf(principal, route, selectors) },
    { keys: deps.cursorKeys, now: deps.now() },
  );
}
