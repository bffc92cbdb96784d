/**
 * The local stack's identity provider. It stands in for Cognito: an RSA key pair generated once
 * and kept in the local data directory, a JWKS for the verifier, and ID tokens with the claims a
 * Cognito user pool puts in them (`cognito:groups`, `custom:*`, `token_use: 'id'`). Verification
 * goes through the same code path as it would behind the HTTP API JWT authorizer, so handlers see
 * identical events locally and on AWS.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  randomUUID,
} from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { CLAIM, principalFromClaims, type Role } from '#core/access/principal';
import { type Jwk, type Jwks, signJwt } from './jwt.ts';

export const DEV_TOKEN_ISSUER = 'sinergi-local';
/** The app client id the local API expects as `aud`, unless configured otherwise. */
export const DEV_TOKEN_AUDIENCE = 'sinergi-local-api';
/** Cognito's default ID token lifetime. */
export const DEV_TOKEN_DEFAULT_TTL_SECONDS = 3600;
/** Cognito's longest ID token lifetime. */
export const DEV_TOKEN_MAX_TTL_SECONDS = 86_400;
/** Where the key pair lives, relative to the local data directory. */
export const DEV_SIGNING_KEY_FILE = join('auth', 'dev-token-signing-key.pem');

const generateRsaKeyPair = promisify(generateKeyPair);

export interface DevSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** RFC 7638 thumbprint of the public key. */
  kid: string;
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: Jwk): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical, 'utf8').digest('base64url');
}

export function devSigningKeyFromPem(pem: string): DevSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'rsa') throw new RangeError('the development signing key must be RSA');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, kid: jwkThumbprint(publicKey.export({ format: 'jwk' })) };
}

export async function generateDevSigningKey(): Promise<DevSigningKey> {
  const { privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  return devSigningKeyFromPem(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
}

/**
 * The key pair under `<dataDir>/auth/`, created on first use (owner-only permissions). Two local
 * processes starting together agree on one key: each writes a complete file under a private name
 * and links it into place, which fails for the loser of the race, who then reads the winner's.
 */
export async function loadOrCreateDevSigningKey(dataDir: string): Promise<DevSigningKey> {
  const file = join(dataDir, DEV_SIGNING_KEY_FILE);
  try {
    return devSigningKeyFromPem(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = await generateDevSigningKey();
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${randomUUID()}.tmp`;
  await writeFile(draft, key.privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    flag: 'wx',
    mode: 0o600,
  });
  try {
    await link(draft, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return devSigningKeyFromPem(await readFile(file, 'utf8'));
  } finally {
    await unlink(draft);
  }
}

/** The public half as a JWKS, as Cognito publishes at `/.well-known/jwks.json`. */
export function devJwks(key: DevSigningKey): Jwks {
  const { kty, n, e } = key.publicKey.export({ format: 'jwk' });
  return { keys: [{ kty, n, e, kid: key.kid, alg: 'RS256', use: 'sig' }] };
}

export interface DevTokenRequest {
  role: Role;
  /** Defaults to a readable id derived from the role and its scope, stable across restarts. */
  subject?: string;
  districts?: readonly string[];
  employerId?: string;
  providerId?: string;
  audience?: string;
  ttlSeconds?: number;
  /** Milliseconds since the epoch. */
  now: number;
}

function defaultSubject(request: DevTokenRequest): string {
  const scope = request.employerId ?? request.providerId ?? request.districts?.join('-');
  return scope ? `local-${request.role}-${scope}` : `local-${request.role}`;
}

/** The claims a Cognito ID token for such a user would carry. */
function devTokenClaims(request: DevTokenRequest): Record<string, unknown> {
  const ttl = request.ttlSeconds ?? DEV_TOKEN_DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > DEV_TOKEN_MAX_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be a whole number from 1 to ${DEV_TOKEN_MAX_TTL_SECONDS}`);
  }
  const iat = Math.floor(request.now / 1000);
  const subject = request.subject ?? defaultSubject(request);
  const claims: Record<string, unknown> = {
    sub: subject,
    iss: DEV_TOKEN_ISSUER,
    aud: request.audience ?? DEV_TOKEN_AUDIENCE,
    token_use: 'id',
    auth_time: iat,
    iat,
    exp: iat + ttl,
    jti: randomUUID(),
    'cognito:username': subject,
    [CLAIM.groups]: [request.role],
  };
  if (request.districts && request.districts.length > 0)
    claims[CLAIM.districts] = request.districts.join(',');
  if (request.employerId !== undefined) claims[CLAIM.employerId] = request.employerId;
  if (request.providerId !== undefined) claims[CLAIM.providerId] = request.providerId;
  return claims;
}

/**
 * Signs a development ID token. The claims are checked the way the API will read them first, so
 * a counsellor token without districts fails here (ForbiddenError) rather than on every request.
 */
export function signDevToken(key: DevSigningKey, request: DevTokenRequest): string {
  const claims = devTokenClaims(request);
  principalFromClaims(claims);
  return signJwt(claims, key.privateKey, key.kid);
}
