/**
 * The signed-in person: the ID token (sent to the API, which verifies it) and what the app reads
 * from its claims to choose views. The claims are read with core's own parser, so the app and the
 * API agree on role and districts; the browser never trusts them for access, the API decides.
 * Kept in sessionStorage: closing the tab signs out, nothing outlives the browser session.
 */
import { type Principal, principalFromClaims } from '#core/access/principal';

export interface Session extends Principal {
  idToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const KEY = 'sinergi.session';

function decodePayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const base64 = part.replaceAll('-', '+').replaceAll('_', '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function sessionFromIdToken(idToken: string): Session {
  const claims = decodePayload(idToken);
  const principal = principalFromClaims(claims);
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] * 1000 : 0;
  return { ...principal, idToken, expiresAt: exp };
}

export function loadSession(now = Date.now()): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    const session = sessionFromIdToken(raw);
    return session.expiresAt > now ? session : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, session.idToken);
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
