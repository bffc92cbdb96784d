/**
 * JWS compact serialisation with RS256, verified the way the API Gateway HTTP API JWT authorizer
 * does it: RS256 only, a `kid` found in the JWKS, `exp` in the future, `nbf` and `iat` not in the
 * future, the issuer equal and `aud` (or `client_id`) among the configured audiences. Every failure
 * is an UnauthorizedError (401) whose message names the check, never the token's content.
 */
import { createPublicKey, type JsonWebKey, KeyObject, sign, verify } from 'node:crypto';
import { UnauthorizedError } from '#core/access/errors';
import type { AuthorizerClaims } from '#functions/api/auth/claims';

const JWT_ALG = 'RS256';

export interface Jwk extends JsonWebKey {
  kid?: string;
  alg?: string;
  use?: string;
}

export interface Jwks {
  keys: Jwk[];
}

export interface VerifyJwtOptions {
  /** The issuer's key set, looked up by the token's `kid` (as the authorizer does). */
  jwks?: Jwks;
  /** Or one public key, when there is no key set; the token's `kid` is then not required. */
  key?: KeyObject | Jwk;
  issuer: string;
  /** Accepted `aud` / `client_id` values (the authorizer's audience list). */
  audience: string | readonly string[];
  /** Milliseconds since the epoch. */
  now: number;
  /** Leeway for clock drift between issuer and verifier; 0 unless configured. */
  clockToleranceSeconds?: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Far above any Cognito ID token; stops decoding huge headers sent to exhaust memory. */
const MAX_TOKEN_LENGTH = 16_384;

function unauthorized(reason: string): UnauthorizedError {
  return new UnauthorizedError(reason);
}

export function base64url(data: Uint8Array | string): string {
  return Buffer.from(data).toString('base64url');
}

function decodeJsonSegment(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw unauthorized(`the token ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw unauthorized(`the token ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** The `Authorization` header's token, with or without the `Bearer ` prefix (as the authorizer accepts). */
export function tokenFromAuthorizationHeader(header: string | undefined): string {
  const value = header?.trim() ?? '';
  const token = value.replace(/^bearer(\s+|$)/i, '').trim();
  if (token === '') throw unauthorized('no token');
  return token;
}

/** Signs the claims as a compact JWS with RS256. */
export function signJwt(payload: Record<string, unknown>, privateKey: KeyObject, kid?: string): string {
  const header = kid === undefined ? { alg: JWT_ALG, typ: 'JWT' } : { alg: JWT_ALG, typ: 'JWT', kid };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(signingInput, 'ascii'), privateKey);
  return `${signingInput}.${base64url(signature)}`;
}

function toPublicKey(key: KeyObject | Jwk): KeyObject {
  if (key instanceof KeyObject) return key;
  const jwk = key;
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') {
    throw unauthorized('the signing key is not an RSA public key');
  }
  return createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
}

function keyFor(header: Record<string, unknown>, options: VerifyJwtOptions): KeyObject {
  if (options.jwks) {
    const kid = header.kid;
    if (typeof kid !== 'string' || kid === '') throw unauthorized('the token has no key id');
    const jwk = options.jwks.keys.find((k) => k.kid === kid);
    if (!jwk) throw unauthorized('the token was signed with an unknown key');
    if ((jwk.alg !== undefined && jwk.alg !== JWT_ALG) || (jwk.use !== undefined && jwk.use !== 'sig')) {
      throw unauthorized('the token was signed with a key not meant for RS256 signatures');
    }
    return toPublicKey(jwk);
  }
  if (options.key) return toPublicKey(options.key);
  throw new TypeError('verifyJwt needs a jwks or a key');
}

function numericClaim(
  payload: Record<string, unknown>,
  name: string,
  requiredClaim: boolean,
): number | undefined {
  const value = payload[name];
  if (value === undefined && !requiredClaim) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw unauthorized(`the token's ${name} claim is ${value === undefined ? 'missing' : 'not a number'}`);
  }
  return value;
}

function checkTimes(payload: Record<string, unknown>, options: VerifyJwtOptions): void {
  const now = options.now / 1000;
  const leeway = options.clockToleranceSeconds ?? 0;
  const exp = numericClaim(payload, 'exp', true)!;
  if (now >= exp + leeway) throw unauthorized('the token has expired');
  const nbf = numericClaim(payload, 'nbf', false);
  if (nbf !== undefined && now < nbf - leeway) throw unauthorized('the token is not valid yet');
  const iat = numericClaim(payload, 'iat', false);
  if (iat !== undefined && now < iat - leeway) throw unauthorized('the token was issued in the future');
}

function checkAudience(payload: Record<string, unknown>, audience: string | readonly string[]): void {
  const accepted = typeof audience === 'string' ? [audience] : audience;
  // Cognito ID tokens carry `aud`; its access tokens carry `client_id` instead.
  const aud = payload.aud ?? payload.client_id;
  const presented = Array.isArray(aud) ? aud : [aud];
  if (!presented.some((a) => typeof a === 'string' && accepted.includes(a))) {
    throw unauthorized('the token is for another audience');
  }
}

function renderClaimValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(renderClaimValue).join(' ')}]`;
  return JSON.stringify(value);
}

/**
 * Claims as the HTTP API authorizer puts them into `requestContext.authorizer.jwt.claims`: strings
 * as they are, numbers in plain decimal, booleans as `true`/`false`, arrays as `"[a b]"`, objects
 * as JSON text; null claims are left out.
 */
export function authorizerClaims(payload: Record<string, unknown>): AuthorizerClaims {
  const claims: AuthorizerClaims = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value !== null && value !== undefined) claims[name] = renderClaimValue(value);
  }
  return claims;
}

function signatureVerifies(signingInput: string, signature: string, key: KeyObject): boolean {
  try {
    return verify('sha256', Buffer.from(signingInput, 'ascii'), key, Buffer.from(signature, 'base64url'));
  } catch {
    // A signature of the wrong size or a key of the wrong type is a failed verification, not a crash.
    return false;
  }
}

/** Decodes and verifies a compact JWS; returns the raw payload. */
function verifyJwtPayload(token: string, options: VerifyJwtOptions): Record<string, unknown> {
  if (typeof token !== 'string' || token === '') throw unauthorized('no token');
  if (token.length > MAX_TOKEN_LENGTH) throw unauthorized('the token is too long');
  const parts = token.split('.');
  if (parts.length !== 3) throw unauthorized('the token is not a compact JWS');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  if (!BASE64URL.test(headerPart) || !BASE64URL.test(payloadPart)) {
    throw unauthorized('the token is not base64url');
  }
  const header = decodeJsonSegment(headerPart, 'header');
  if (header.alg !== JWT_ALG) throw unauthorized(`the token's algorithm is not ${JWT_ALG}`);
  if (header.crit !== undefined) throw unauthorized('the token has critical header parameters');
  if (!BASE64URL.test(signaturePart)) throw unauthorized('the token has no valid signature');
  const key = keyFor(header, options);
  if (!signatureVerifies(`${headerPart}.${payloadPart}`, signaturePart, key))
    throw unauthorized('the token signature does not verify');
  const payload = decodeJsonSegment(payloadPart, 'payload');
  checkTimes(payload, options);
  if (payload.iss !== options.issuer) throw unauthorized('the token is from another issuer');
  checkAudience(payload, options.audience);
  return payload;
}

/** Verifies like the authorizer and returns the claims in the authorizer's string form. */
export function verifyJwt(token: string, options: VerifyJwtOptions): AuthorizerClaims {
  return authorizerClaims(verifyJwtPayload(token, options));
}
