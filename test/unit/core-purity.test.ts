import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * core/ is kept pure by Biome rules (biome.json overrides + lint/*.grit). This proves the rules bite:
 * the same probe is an error under core/ and fine under functions/.
 */
const root = resolve(import.meta.dirname, '../..');
const biome = join(root, 'node_modules/.bin/biome');

const PROBES: Record<string, string> = {
  'aws-sdk': "import { S3Client } from '@aws-sdk/client-s3';\nexport const x = S3Client;\n",
  middy: "import middy from '@middy/core';\nexport const x = middy;\n",
  'node io': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  env: 'export const x = process.env.TABLE_NAME;\n',
  clock: 'export const x = Date.now();\n',
  'current date': 'export const x = new Date();\n',
  randomness: 'export const x = Math.random();\n',
};

function lint(dir: string, target = '.'): string {
  try {
    execFileSync(biome, ['lint', '--vcs-enabled=false', '--max-diagnostics=200', target], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}

describe('core purity lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-purity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as Record<string, unknown>;
  config.$schema = undefined;
  config.vcs = { enabled: false };
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  cpSync(join(root, 'lint'), join(dir, 'lint'), { recursive: true });
  mkdirSync(join(dir, 'core'));
  mkdirSync(join(dir, 'functions'));
  for (const [name, source] of Object.entries(PROBES)) {
    const file = `${name.replace(/\W+/g, '-')}.ts`;
    writeFileSync(join(dir, 'core', file), source);
    writeFileSync(join(dir, 'functions', file), source);
  }
  const output = lint(dir);

  it.each(Object.keys(PROBES))('rejects %s in core/', (name) => {
    expect(output).toContain(`core/${name.replace(/\W+/g, '-')}.ts`);
  });

  it('allows the same code outside core/', () => {
    expect(output).not.toMatch(/functions\/[\w-]+\.ts/);
  });

  it('passes on the real core/', () => {
    expect(lint(root, 'core')).toBe('');
  });
});
