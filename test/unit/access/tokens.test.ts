import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '#core/access/errors';
import { principalFromClaims } from '#core/access/principal';
import { claimsFromEvent, jwtAuthorizerContext, principalFromEvent } from '#functions/api/auth/claims';
import {
  DEV_SIGNING_KEY_FILE,
  DEV_TOKEN_AUDIENCE,
  DEV_TOKEN_ISSUER,
  type DevSigningKey,
  devJwks,
  devSigningKeyFromPem,
  jwkThumbprint,
  loadOrCreateDevSigningKey,
  signDevToken,
} from '#infra/local/auth/dev-tokens';
import {
  authorizerClaims,
  signJwt,
  tokenFromAuthorizationHeader,
  type VerifyJwtOptions,
  verifyJwt,
} from '#infra/local/auth/jwt';

const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const NOW_S = NOW / 1000;

function pemKey(): DevSigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return devSigningKeyFromPem(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token with any header and payload, signed RS256 by `key` (or with the given signature). */
function craft(header: Record<string, unknown>, payload: Record<string, unknown>, key?: KeyObject): string {
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = key ? sign('sha256', Buffer.from(input), key).toString('base64url') : '';
  return `${input}.${signature}`;
}

let key: DevSigningKey;
let other: DevSigningKey;
let options: VerifyJwtOptions;
const goodPayload = () => ({
  sub: 'c-1',
  iss: DEV_TOKEN_ISSUER,
  aud: DEV_TOKEN_AUDIENCE,
  token_use: 'id',
  iat: NOW_S - 60,
  exp: NOW_S + 3600,
  'cognito:groups': ['counsellor'],
  'custom:districts': '3374',
});

beforeAll(() => {
  key = pemKey();
  other = pemKey();
  options = { jwks: devJwks(key), issuer: DEV_TOKEN_ISSUER, audience: DEV_TOKEN_AUDIENCE, now: NOW };
});

describe('development tokens', () => {
  it('verify into the claims the HTTP API authorizer would pass, which give the principal', () => {
    const token = signDevToken(key, { role: 'counsellor', districts: ['3374', '3322'], now: NOW });
    const claims = verifyJwt(token, options);
    expect(claims).toMatchObject({
      iss: 'sinergi-local',
      aud: 'sinergi-local-api',
      token_use: 'id',
      'cognito:groups': '[counsellor]',
      'custom:districts': '3374,3322',
      iat: String(NOW_S),
      exp: String(NOW_S + 3600),
    });
    for (const value of Object.values(claims)) expect(typeof value).toBe('string');
    expect(principalFromClaims(claims)).toEqual({
      subject: 'local-counsellor-3374-3322',
      role: 'counsellor',
      districts: ['3322', '3374'],
    });
  });

  it.each([
    [
      { role: 'employer', employerId: 'EMP-1' },
      { role: 'employer', employerId: 'EMP-1' },
    ],
    [
      { role: 'provider', providerId: 'PRV-1' },
      { role: 'provider', providerId: 'PRV-1' },
    ],
    [{ role: 'manager' }, { role: 'manager', districts: [] }],
    [
      { role: 'admin', subject: 'ops-1' },
      { role: 'admin', subject: 'ops-1' },
    ],
  ] as const)('a %j token reads back as that principal', (request, expected) => {
    const token = signDevToken(key, { ...request, now: NOW });
    expect(principalFromClaims(verifyJwt(token, options))).toMatchObject(expected);
  });

  it('an audience other than the default is honoured on both sides', () => {
    const token = signDevToken(key, { role: 'admin', audience: 'client-123', now: NOW });
    expect(() => verifyJwt(token, options)).toThrow(UnauthorizedError);
    expect(verifyJwt(token, { ...options, audience: ['x', 'client-123'] }).aud).toBe('client-123');
  });

  it('an account the API would refuse is refused when signing', () => {
    expect(() => signDevToken(key, { role: 'counsellor', now: NOW })).toThrow(ForbiddenError);
    expect(() => signDevToken(key, { role: 'employer', now: NOW })).toThrow(ForbiddenError);
    expect(() => signDevToken(key, { role: 'admin', ttlSeconds: 0, now: NOW })).toThrow(RangeError);
    expect(() => signDevToken(key, { role: 'admin', ttlSeconds: 90_000, now: NOW })).toThrow(RangeError);
  });

  it('the JWKS holds the public key only, under its RFC 7638 thumbprint', () => {
    const jwks = devJwks(key);
    expect(jwks.keys).toHaveLength(1);
    const [jwk] = jwks.keys;
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: key.kid });
    expect(Object.keys(jwk!).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(jwkThumbprint(jwk!)).toBe(key.kid);
  });
});

describe('verification fails like the authorizer: 401 for each of these', () => {
  const cases: [string, () => string, Partial<VerifyJwtOptions>?][] = [
    ['an empty token', () => ''],
    ['one segment', () => 'abc'],
    ['two segments', () => 'abc.def'],
    ['four segments', () => `${signDevToken(key, { role: 'admin', now: NOW })}.x`],
    ['characters outside base64url', () => 'a+b.c/d.e=f'],
    [
      'a header that is not JSON',
      () => `${Buffer.from('{nope').toString('base64url')}.${b64(goodPayload())}.c2ln`,
    ],
    ['a header that is a JSON array', () => craft([] as never, goodPayload(), key.privateKey)],
    ['alg none without a signature', () => craft({ alg: 'none', typ: 'JWT' }, goodPayload())],
    ['alg none with a signature', () => `${craft({ alg: 'none', kid: key.kid }, goodPayload())}c2ln`],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      () => {
        const input = `${b64({ alg: 'HS256', kid: key.kid })}.${b64(goodPayload())}`;
        const pem = key.publicKey.export({ format: 'pem', type: 'spki' });
        return `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
      },
    ],
    ['RS512', () => craft({ alg: 'RS512', kid: key.kid }, goodPayload(), key.privateKey)],
    ['no key id', () => craft({ alg: 'RS256' }, goodPayload(), key.privateKey)],
    ['an unknown key id', () => craft({ alg: 'RS256', kid: 'other' }, goodPayload(), key.privateKey)],
    [
      'a critical header',
      () => craft({ alg: 'RS256', kid: key.kid, crit: ['exp'] }, goodPayload(), key.privateKey),
    ],
    [
      'signed by another key under our key id',
      () => craft({ alg: 'RS256', kid: key.kid }, goodPayload(), other.privateKey),
    ],
    [
      'a payload changed after signing',
      () => {
        const [h, , s] = signDevToken(key, { role: 'counsellor', districts: ['3374'], now: NOW }).split('.');
        return `${h}.${b64({ ...goodPayload(), 'custom:districts': '3301' })}.${s}`;
      },
    ],
    [
      'a truncated signature',
      () => {
        const token = signDevToken(key, { role: 'admin', now: NOW });
        return token.slice(0, -10);
      },
    ],
    [
      'a payload that is not an object',
      () => craft({ alg: 'RS256', kid: key.kid }, 42 as never, key.privateKey),
    ],
    [
      'expired',
      () => craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), exp: NOW_S - 1 }, key.privateKey),
    ],
    [
      'expiring this very second',
      () => craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), exp: NOW_S }, key.privateKey),
    ],
    [
      'without exp',
      () => craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), exp: undefined }, key.privateKey),
    ],
    [
      'exp as text',
      () =>
        craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), exp: String(NOW_S + 60) }, key.privateKey),
    ],
    [
      'not valid yet (nbf)',
      () => craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), nbf: NOW_S + 60 }, key.privateKey),
    ],
    [
      'issued in the future',
      () => craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), iat: NOW_S + 60 }, key.privateKey),
    ],
    [
      'another issuer',
      () => craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), iss: 'https://evil' }, key.privateKey),
    ],
    [
      'no issuer',
      () => craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), iss: undefined }, key.privateKey),
    ],
    [
      'another audience',
      () => craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), aud: 'other-app' }, key.privateKey),
    ],
    [
      'no audience',
      () => craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), aud: undefined }, key.privateKey),
    ],
    ['a token too long to be real', () => `${'a'.repeat(20_000)}.b.c`],
  ];

  /** The check each case must trip, so a case cannot pass by failing earlier for another reason. */
  const REASON: Record<string, RegExp> = {
    'an empty token': /^no token$/,
    'characters outside base64url': /not base64url/,
    'a header that is not JSON': /header is not JSON/,
    'a header that is a JSON array': /header is not a JSON object/,
    'no key id': /no key id/,
    'an unknown key id': /unknown key/,
    'a critical header': /critical/,
    'a payload that is not an object': /payload is not a JSON object/,
    'without exp': /exp claim is missing/,
    'exp as text': /exp claim is not a number/,
    'not valid yet (nbf)': /not valid yet/,
    'issued in the future': /issued in the future/,
    'a token too long to be real': /too long/,
  };
  function reasonOf(name: string): RegExp {
    if (REASON[name]) return REASON[name];
    if (/segments?$/.test(name)) return /not a compact JWS/;
    if (/alg|HS256|RS512/.test(name)) return /algorithm is not RS256/;
    if (/signed by another|changed after|truncated/.test(name)) return /signature does not verify/;
    if (/expir/.test(name)) return /has expired/;
    if (/issuer/.test(name)) return /another issuer/;
    if (/audience/.test(name)) return /another audience/;
    throw new Error(`no reason given for case ${name}`);
  }

  it.each(cases)('%s', (name, token, extra) => {
    const verify = () => verifyJwt(token(), { ...options, ...extra });
    expect(verify).toThrow(UnauthorizedError);
    expect(verify).toThrow(reasonOf(name));
  });

  it('the control case passes: the crafting helper makes valid tokens', () => {
    expect(verifyJwt(craft({ alg: 'RS256', kid: key.kid }, goodPayload(), key.privateKey), options).sub).toBe(
      'c-1',
    );
  });

  it('a token one second before expiry passes; clock tolerance is opt-in', () => {
    const token = craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), exp: NOW_S + 1 }, key.privateKey);
    expect(verifyJwt(token, options).exp).toBe(String(NOW_S + 1));
    const expired = craft(
      { alg: 'RS256', kid: key.kid },
      { ...goodPayload(), exp: NOW_S - 5 },
      key.privateKey,
    );
    expect(verifyJwt(expired, { ...options, clockToleranceSeconds: 10 }).sub).toBe('c-1');
  });

  it('an aud array or a client_id (Cognito access-token style) matches the audience list', () => {
    const withArray = craft(
      { alg: 'RS256', kid: key.kid },
      { ...goodPayload(), aud: ['a', DEV_TOKEN_AUDIENCE] },
      key.privateKey,
    );
    expect(verifyJwt(withArray, options).aud).toBe(`[a ${DEV_TOKEN_AUDIENCE}]`);
    const withClientId = craft(
      { alg: 'RS256', kid: key.kid },
      { ...goodPayload(), aud: undefined, client_id: DEV_TOKEN_AUDIENCE },
      key.privateKey,
    );
    expect(verifyJwt(withClientId, options).client_id).toBe(DEV_TOKEN_AUDIENCE);
  });

  it('a single key can stand in for the JWKS', () => {
    const token = craft({ alg: 'RS256' }, goodPayload(), key.privateKey);
    expect(verifyJwt(token, { ...options, jwks: undefined, key: key.publicKey }).sub).toBe('c-1');
    expect(verifyJwt(token, { ...options, jwks: undefined, key: devJwks(key).keys[0]! }).sub).toBe('c-1');
  });

  it('error messages never repeat the token', () => {
    const token = craft({ alg: 'RS256', kid: key.kid }, { ...goodPayload(), exp: NOW_S - 1 }, key.privateKey);
    try {
      verifyJwt(token, options);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('the token has expired');
    }
  });
});

describe('claims in the authorizer form', () => {
  it('renders numbers, booleans, arrays and objects as strings and drops nulls', () => {
    expect(
      authorizerClaims({
        exp: 1_795_000_000,
        ratio: 0.5,
        email_verified: true,
        'cognito:groups': ['counsellor', 'manager'],
        address: { formatted: 'Semarang' },
        empty: null,
      }),
    ).toEqual({
      exp: '1795000000',
      ratio: '0.5',
      email_verified: 'true',
      'cognito:groups': '[counsellor manager]',
      address: '{"formatted":"Semarang"}',
    });
  });

  it('the bearer prefix is optional, as the authorizer allows', () => {
    expect(tokenFromAuthorizationHeader('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(tokenFromAuthorizationHeader('bearer   abc.def.ghi ')).toBe('abc.def.ghi');
    expect(tokenFromAuthorizationHeader('abc.def.ghi')).toBe('abc.def.ghi');
    expect(() => tokenFromAuthorizationHeader(undefined)).toThrow(UnauthorizedError);
    expect(() => tokenFromAuthorizationHeader('Bearer ')).toThrow(UnauthorizedError);
  });
});

function httpApiEvent(authorizer: unknown): APIGatewayProxyEventV2WithJWTAuthorizer {
  return {
    version: '2.0',
    routeKey: 'GET /v1/youth/{youthId}',
    rawPath: '/v1/youth/Y-1',
    rawQueryString: '',
    headers: { authorization: 'Bearer x' },
    isBase64Encoded: false,
    pathParameters: { youthId: 'Y-1' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: {
        method: 'GET',
        path: '/v1/youth/Y-1',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'curl',
      },
      requestId: 'r-1',
      routeKey: 'GET /v1/youth/{youthId}',
      stage: '$default',
      time: '27/Nov/2026:08:00:00 +0000',
      timeEpoch: NOW,
      authorizer,
    },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

describe('claims from an HTTP API event', () => {
  it('reads what the authorizer put there (the AWS shape, groups as "[a b]")', () => {
    const event = httpApiEvent({
      principalId: '',
      integrationLatency: 0,
      jwt: {
        claims: {
          sub: 'e-1',
          'cognito:groups': '[employer]',
          'custom:employer_id': 'EMP-1',
          exp: '1795000000',
        },
        scopes: null,
      },
    });
    expect(claimsFromEvent(event)['cognito:groups']).toBe('[employer]');
    expect(principalFromEvent(event)).toEqual({
      subject: 'e-1',
      role: 'employer',
      districts: [],
      employerId: 'EMP-1',
    });
  });

  it('renders array claims of hand-built events in the same form', () => {
    const event = httpApiEvent({
      jwt: { claims: { sub: 'a', 'cognito:groups': ['admin'], n: 5 }, scopes: [] },
    });
    expect(claimsFromEvent(event)).toEqual({ sub: 'a', 'cognito:groups': '[admin]', n: '5' });
  });

  it('the local verifier builds the same context the handler reads', () => {
    const token = signDevToken(key, { role: 'manager', districts: ['3374'], now: NOW });
    const event = httpApiEvent(jwtAuthorizerContext(verifyJwt(token, options)));
    expect(principalFromEvent(event)).toEqual({
      subject: 'local-manager-3374',
      role: 'manager',
      districts: ['3374'],
    });
  });

  it.each([undefined, {}, { jwt: {} }, { jwt: { claims: null } }])(
    'no verified identity (%j) is 401',
    (authorizer) => {
      expect(() => claimsFromEvent(httpApiEvent(authorizer))).toThrow(UnauthorizedError);
    },
  );
});

describe('the signing key in the local data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sinergi-auth-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is created once, owner-only, and the same key is read back', async () => {
    const [a, b, c] = await Promise.all([
      loadOrCreateDevSigningKey(dataDir),
      loadOrCreateDevSigningKey(dataDir),
      loadOrCreateDevSigningKey(dataDir),
    ]);
    expect(new Set([a.kid, b.kid, c.kid]).size).toBe(1);
    const again = await loadOrCreateDevSigningKey(dataDir);
    expect(again.kid).toBe(a.kid);
    const mode = (await stat(join(dataDir, DEV_SIGNING_KEY_FILE))).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(await readdir(join(dataDir, 'auth'))).toEqual(['dev-token-signing-key.pem']);
    const token = signDevToken(a, { role: 'admin', now: NOW });
    expect(verifyJwt(token, { ...options, jwks: devJwks(again) }).sub).toBe('local-admin');
  });

  it('a token signed by a key from another data directory does not verify', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'sinergi-auth-'));
    try {
      const foreign = await loadOrCreateDevSigningKey(elsewhere);
      const mine = await loadOrCreateDevSigningKey(dataDir);
      const token = signJwt(goodPayload(), foreign.privateKey, mine.kid);
      expect(() => verifyJwt(token, { ...options, jwks: devJwks(mine) })).toThrow(UnauthorizedError);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
