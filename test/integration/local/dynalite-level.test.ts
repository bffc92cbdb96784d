import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LEVELDB_OPTIONS, loadDynalite } from '../../../infra/local/dynalite-level.mjs';

interface LevelDb {
  batch(ops: { type: 'put'; key: string; value: unknown }[]): Promise<void>;
  put(key: string, value: unknown): Promise<void>;
  get(key: string): Promise<unknown>;
  close(): Promise<void>;
}
type LevelClass = new (location: string, options?: object) => LevelDb;

/** The `level` module dynalite itself loads. */
function dynalitesLevel(): { Level: LevelClass } {
  const fromHere = createRequire(import.meta.url);
  return createRequire(fromHere.resolve('dynalite'))('level');
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes 6 MB and reports whether LevelDB flushed its memtable to a level-0 table meanwhile. */
async function flushesAfterSixMegabytes(Level: LevelClass, options?: object): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-leveldb-'));
  dirs.push(dir);
  const db = new Level(dir, options);
  const value = 'x'.repeat(1024);
  for (let batch = 0; batch < 6; batch++) {
    await db.batch(
      Array.from({ length: 1024 }, (_, i) => ({ type: 'put' as const, key: `k${batch}-${i}`, value })),
    );
  }
  const log = readFileSync(join(dir, 'LOG'), 'utf8');
  await db.close();
  return /Level-0 table #\d+: started/.test(log);
}

describe('dynalite LevelDB options', () => {
  it('gives the database dynalite opens a write buffer larger than a demo upload', async () => {
    await loadDynalite();
    const { Level } = dynalitesLevel();
    expect(LEVELDB_OPTIONS.writeBufferSize).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    expect(await flushesAfterSixMegabytes(Level, { valueEncoding: 'json' })).toBe(false);
  });

  it('is needed: with LevelDB defaults the same writes already flush to disk tables', async () => {
    const { Level } = dynalitesLevel();
    expect(await flushesAfterSixMegabytes(Level, { writeBufferSize: 4 * 1024 * 1024 })).toBe(true);
  });

  it('reads what was written, and nothing for a missing key, as the untuned database does', async () => {
    await loadDynalite();
    const { Level } = dynalitesLevel();
    const dir = mkdtempSync(join(tmpdir(), 'sinergi-leveldb-'));
    dirs.push(dir);
    const db = new Level(dir, { valueEncoding: 'json' });
    const item = { pk: { S: 'YOUTH#Y1' }, document: { S: '{"a":1}' } };
    await db.put('item~YOUTH#Y1', item);
    await db.batch([{ type: 'put', key: 'item~YOUTH#Y2', value: { n: 2 } }]);
    expect(await db.get('item~YOUTH#Y1')).toEqual(item);
    expect(await db.get('item~YOUTH#Y2')).toEqual({ n: 2 });
    expect(await db.get('item~YOUTH#Y3')).toBeUndefined();
    await db.close();
  });

  it('loads dynalite once however often it is asked for', async () => {
    const first = await loadDynalite();
    expect(await loadDynalite()).toBe(first);
    expect(typeof first).toBe('function');
  });
});
