import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerToken } from '#cli/commands/token';
import { main } from '#cli/main';
import { principalFromClaims } from '#core/access/principal';
import {
  DEV_TOKEN_AUDIENCE,
  DEV_TOKEN_ISSUER,
  devJwks,
  loadOrCreateDevSigningKey,
} from '#infra/local/auth/dev-tokens';
import { verifyJwt } from '#infra/local/auth/jwt';

const NOW = new Date('2026-11-20T03:00:00Z');
const dirs: string[] = [];

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-token-'));
  dirs.push(dir);
  return dir;
}

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io = {
    stdout: (text: string) => void stdout.push(text),
    stderr: (text: string) => void stderr.push(text),
    env: {},
    now: () => NOW,
  };
  const code = await main(['node', 'sinergi', 'token', ...args], io, [registerToken]);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sinergi token', () => {
  it('prints an ID token the local API verifies, with the requested role and districts', async () => {
    const dir = dataDir();
    const out = await run([
      '--role',
      'counsellor',
      '--district',
      '3374',
      '--district',
      '3322,3324',
      '--data-dir',
      dir,
      '--ttl',
      '600',
    ]);
    expect(out.code).toBe(0);
    const key = await loadOrCreateDevSigningKey(dir);
    const claims = verifyJwt(out.stdout.trim(), {
      jwks: devJwks(key),
      issuer: DEV_TOKEN_ISSUER,
      audience: DEV_TOKEN_AUDIENCE,
      now: NOW.getTime(),
    });
    expect(principalFromClaims(claims)).toEqual({
      subject: 'local-counsellor-3374-3322-3324',
      role: 'counsellor',
      districts: ['3322', '3324', '3374'],
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
  });

  it('signs employer and provider tokens with their ids and a chosen subject', async () => {
    const dir = dataDir();
    const out = await run([
      '--role',
      'employer',
      '--employer-id',
      'E1',
      '--subject',
      'u-42',
      '--data-dir',
      dir,
    ]);
    const key = await loadOrCreateDevSigningKey(dir);
    const claims = verifyJwt(out.stdout.trim(), {
      key: key.publicKey,
      issuer: DEV_TOKEN_ISSUER,
      audience: DEV_TOKEN_AUDIENCE,
      now: NOW.getTime(),
    });
    expect(principalFromClaims(claims)).toEqual({
      subject: 'u-42',
      role: 'employer',
      districts: [],
      employerId: 'E1',
    });
  });

  it('refuses an account the API would refuse, an unknown role and a bad lifetime (exit 2)', async () => {
    const dir = dataDir();
    const noDistrict = await run(['--role', 'counsellor', '--data-dir', dir]);
    expect(noDistrict.code).toBe(2);
    expect(noDistrict.stderr).toMatch(/custom:districts/);
    expect(noDistrict.stdout).toBe('');
    expect((await run(['--role', 'mayor', '--data-dir', dir])).code).toBe(2);
    expect((await run(['--role', 'admin', '--ttl', '100000', '--data-dir', dir])).code).toBe(2);
  });
});
