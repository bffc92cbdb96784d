/**
 * The local API server over real HTTP in front of the real handler: tokens are checked the way the
 * HTTP API JWT authorizer checks them (401 before the function runs), and the function's answers
 * come back unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApiServer, startApiServer } from '#infra/local/api-server';
import {
  DEV_TOKEN_AUDIENCE,
  type DevSigningKey,
  devJwks,
  generateDevSigningKey,
  signDevToken,
} from '#infra/local/auth/dev-tokens';
import { signJwt } from '#infra/local/auth/jwt';
import { SEMARANG } from './fixtures.ts';
import { type JsonBody, useApiStack } from './harness.ts';

const api = useApiStack();
let server: RunningApiServer;
let key: DevSigningKey;
let otherKey: DevSigningKey;
let invocations = 0;

beforeAll(async () => {
  [key, otherKey] = await Promise.all([generateDevSigningKey(), generateDevSigningKey()]);
  const { handler } = api();
  server = await startApiServer({
    handler: (event, context) => {
      invocations++;
      return handler(event, context);
    },
    jwks: devJwks(key),
    audience: DEV_TOKEN_AUDIENCE,
  });
});

afterAll(async () => {
  await server?.close();
});

function counsellorToken(
  overrides: { now?: number; ttlSeconds?: number; audience?: string } = {},
  signer = key,
): string {
  return signDevToken(signer, {
    role: 'counsellor',
    districts: [SEMARANG],
    now: overrides.now ?? Date.now(),
    ...(overrides.ttlSeconds !== undefined && { ttlSeconds: overrides.ttlSeconds }),
    ...(overrides.audience !== undefined && { audience: overrides.audience }),
  });
}

async function get(path: string, token?: string) {
  const response = await fetch(
    server.url + path,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  return { status: response.status, headers: response.headers, body: (await response.json()) as JsonBody };
}

describe('the local API server', () => {
  it('serves the health check without a token', async () => {
    const response = await get('/v1/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', service: 'sinergi', stage: 'test' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['no token', () => undefined],
    ['a malformed token', () => 'not.a.jwt'],
    ['an expired token', () => counsellorToken({ now: Date.now() - 2 * 3600_000 })],
    ['a token signed with another key', () => counsellorToken({}, otherKey)],
    ['a token for another audience', () => counsellorToken({ audience: 'someone-else' })],
    [
      'an unsigned token (alg none)',
      () => {
        const [, payload] = counsellorToken().split('.');
        return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
      },
    ],
    [
      'a token whose payload was edited',
      () => {
        const [header, payload, signature] = counsellorToken().split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
        claims['custom:districts'] = '3324';
        return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      },
    ],
  ])('answers 401 for %s without calling the function', async (_case, token) => {
    const before = invocations;
    const response = await get('/v1/youth/Y-S1', token());
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: 'Unauthorized' });
    expect(invocations).toBe(before);
  });

  it('passes a verified request through to the handler and its answer back', async () => {
    const token = counsellorToken();
    const profile = await get('/v1/youth/Y-S1', token);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ youthId: 'Y-S1', district: SEMARANG, hollandCode: 'SRC' });
    expect(profile.body).not.toHaveProperty('birthDate');
    const list = await get(`/v1/youth?district=${SEMARANG}&limit=1`, token);
    expect(list.body.items).toHaveLength(1);
    const next = await get(
      `/v1/youth?district=${SEMARANG}&limit=1&cursor=${encodeURIComponent(list.body.cursor)}`,
      token,
    );
    expect(next.body.items[0].youthId).not.toBe(list.body.items[0].youthId);
    const posted = await fetch(`${server.url}/v1/youth/Y-S1/outcomes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'contacted' }),
    });
    expect(posted.status).toBe(201);
    expect(await posted.json()).toMatchObject({
      type: 'contacted',
      actor: { role: 'counsellor', id: 'local-counsellor-3374' },
    });
  });

  it('lets the handler decide what a verified token may do (403 and 404 come from the function)', async () => {
    const employer = signDevToken(key, { role: 'employer', employerId: 'E2', now: Date.now() });
    expect((await get('/v1/youth/Y-S1', employer)).status).toBe(403);
    expect((await get('/v1/vacancies/V-1/candidates', employer)).status).toBe(404);
    const manager = signJwt(
      {
        sub: 'm',
        iss: 'sinergi-local',
        aud: DEV_TOKEN_AUDIENCE,
        token_use: 'id',
        exp: Math.floor(Date.now() / 1000) + 60,
        'cognito:groups': ['manager', 'employer'],
      },
      key.privateKey,
      key.kid,
    );
    // Verified, but two programme roles: refused by the function, not the authorizer.
    expect((await get('/v1/reports/summary', manager)).status).toBe(403);
  });

  it('lets the assessment app reach the function without a token, where the invitation code decides', async () => {
    const content = await get('/v1/assessment/content/sinergi-minat-bakat-mini-v1');
    expect(content.status).toBe(200);
    expect(content.body.instrument.items).toHaveLength(30);
    const session = await fetch(`${server.url}/v1/assessment/session`, {
      headers: { 'x-invitation-code': 'ZZZZ-ZZZZ' },
    });
    expect(session.status).toBe(404);
    expect(((await session.json()) as JsonBody).message).toMatch(/Kode undangan tidak dikenal/);
    // Only the assessment paths are open: the rest of /v1 still needs a token.
    expect((await get('/v1/invitations')).status).toBe(401);
  });

  it("answers 404 itself outside the API's routes", async () => {
    const before = invocations;
    expect(await get('/v2/health')).toMatchObject({ status: 404, body: { message: 'Not Found' } });
    expect(await get('/v1')).toMatchObject({ status: 404, body: { message: 'Not Found' } });
    expect(invocations).toBe(before);
  });
});
