/**
 * The local server's web side over real HTTP: the built app with the deployed security headers,
 * index.html for page paths, /config.json, the development token endpoint, and nothing outside the
 * app's directory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApiServer, startApiServer } from '#infra/local/api-server';
import { devJwks, generateDevSigningKey } from '#infra/local/auth/dev-tokens';
import { verifyJwt } from '#infra/local/auth/jwt';
import { localWebSite } from '#infra/local/web-site';
import { LOCAL_TOKEN_PATH } from '#infra/web/policy';

const root = mkdtempSync(join(tmpdir(), 'sinergi-site-'));
const appDir = join(root, 'dist');
let server: RunningApiServer;
let key: Awaited<ReturnType<typeof generateDevSigningKey>>;

beforeAll(async () => {
  mkdirSync(join(appDir, 'assets'), { recursive: true });
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(appDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the app');
  key = await generateDevSigningKey();
  server = await startApiServer({
    handler: async () => ({ statusCode: 200, body: '{"api":true}' }),
    jwks: devJwks(key),
    site: localWebSite({ root: appDir, signingKey: key }),
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${server.url}${path}`);
const token = (body: unknown) =>
  fetch(`${server.url}${LOCAL_TOKEN_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('local web site', () => {
  it('serves the app with a strict content security policy', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('hashed assets are immutable; page paths get index.html', async () => {
    const asset = await get('/assets/index-abc.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    const page = await get('/counsellor/youth/Y-1');
    expect(await page.text()).toContain('<title>app</title>');
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('never serves files outside the app directory', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const response = await get(path);
      expect(await response.text()).not.toContain('outside the app');
    }
  });

  it('/v1/ stays the API: unknown API paths are not the app', async () => {
    expect((await get('/v1/health')).status).toBe(200);
    expect((await get('/v1/nothing')).status).toBe(401);
  });

  it('tells the app to use the development sign-in', async () => {
    expect(await (await get('/config.json')).json()).toEqual({
      stage: 'local',
      auth: { kind: 'local', tokenPath: LOCAL_TOKEN_PATH },
    });
  });

  it('issues development tokens the local API accepts', async () => {
    const response = await token({ role: 'counsellor', districts: ['3374'] });
    expect(response.status).toBe(200);
    const { idToken } = (await response.json()) as { idToken: string };
    const claims = verifyJwt(idToken, {
      jwks: devJwks(key),
      issuer: 'sinergi-local',
      audience: 'sinergi-local-api',
      now: Date.now(),
    });
    expect(claims['custom:districts']).toBe('3374');
  });

  it('refuses accounts the API would refuse, with the reason', async () => {
    const noDistrict = await token({ role: 'counsellor' });
    expect(noDistrict.status).toBe(400);
    expect(((await noDistrict.json()) as { message: string }).message).toMatch(/district/);
    const badRole = await token({ role: 'root', districts: ['3374'] });
    expect(badRole.status).toBe(400);
    expect((await fetch(`${server.url}${LOCAL_TOKEN_PATH}`)).status).toBe(405);
  });
});
