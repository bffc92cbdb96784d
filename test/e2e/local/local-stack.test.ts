/**
 * The local stack as a person drives it: `sinergi local` seeds the small demo through S3, the queue
 * and the ingest handler; `sinergi upload` puts a hand-written file in and waits for its report;
 * `sinergi rematch` runs the night; a restart keeps the data; Ctrl-C ends the process with 0.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '#cli/main';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { LOCAL_INGEST_LIMITS, NIK_KEY_FILE, readLocalStackInfo, STACK_FILE } from '#infra/local/stack';
import { LIMITS } from '#infra/stacks/stateless-stack';
import { captureIo, type RunningLocal, startLocal } from './in-process.ts';

const root = mkdtempSync(join(tmpdir(), 'sinergi-local-e2e-'));
const dataDir = join(root, 'data');

const HAND_WRITTEN_VACANCIES = [
  'vacancy_id,employer_id,employer_name,title,occupation_code,district,openings,min_education,skills,gender_requirement,bpjs_ketenagakerjaan,closing_date',
  'V-HAND-1,E-900,PT Batik Pekalongan,Operator Jahit,7533,3374,6,SD,menjahit|obras,any,yes,2099-01-31',
  'V-HAND-2,E-900,PT Batik Pekalongan,Staf Gudang,4321,3372,3,SD,,any,yes,2099-02-28',
  'V-HAND-3,E-900,PT Batik Pekalongan,Kasir,5230,3374,0,SMA,,any,yes,2099-02-28',
].join('\r\n');

describe('sinergi local', () => {
  let first: RunningLocal;

  beforeAll(async () => {
    first = await startLocal(dataDir);
  }, 90_000);

  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
  });

  it('runs the queue with the deployed batch size, concurrency and receive count', () => {
    expect(LOCAL_INGEST_LIMITS.ingestBatchSize).toBe(LIMITS.ingestBatchSize);
    expect(LOCAL_INGEST_LIMITS.ingestMaxConcurrency).toBe(LIMITS.ingestMaxConcurrency);
    expect(LOCAL_INGEST_LIMITS.ingestMaxReceiveCount).toBe(LIMITS.ingestMaxReceiveCount);
    expect(LOCAL_INGEST_LIMITS.ingestTimeoutMs).toBe(LIMITS.ingestTimeout.toMilliseconds());
  });

  it('seeds the demo: rejected rows are exactly the manifest, every valid youth has recommendations', async () => {
    const seeded = first.seeded!;
    expect(seeded.unexpected).toEqual([]);
    expect(seeded.missed).toEqual([]);
    for (const file of seeded.files) {
      const planted = seeded.manifest.files[file.kind];
      expect(file.report.status).toBe('processed');
      expect(file.report.counts.rows).toBe(planted.rows);
      expect(file.report.counts.rejected).toBe(planted.invalid.length);
      expect(file.report.counts.accepted).toBe(planted.valid);
    }
    const assessments = seeded.files.find((f) => f.kind === 'assessments')!.report;
    expect(assessments.matching.setsWritten).toBe(seeded.manifest.files.assessments.valid);
    expect(seeded.deadLetters).toBe(0);

    const invalid = new Set(seeded.manifest.files.assessments.invalid.map((row) => row.id));
    const validYouth = readFileSync(join(dataDir, 'seed', 'assessments.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { youth_id: string }).youth_id)
      .filter((id) => !invalid.has(id));
    const recommendations = new DynamoRecommendationRepository({
      client: first.stack.dynamodb,
      tableName: first.stack.info.tableName,
    });
    const headlines = await recommendations.headlines(validYouth);
    expect(headlines.size).toBe(validYouth.length);

    const out = first.io.out();
    expect(out).toContain(
      'Rejected rows match the demo manifest: all 13 planted rows rejected, nothing else',
    );
    expect(out).toContain(`Recommendation sets written: ${seeded.manifest.files.assessments.valid}`);
    expect(out).toContain('s3://sinergi-local-uploads/reports/incoming/');
    expect(out).toMatch(/Demo data processed in \d+\.\d s/);
    // Progress without a terminal is one line per file, not redrawn bars.
    expect(out).not.toContain('\u001b[');
  });

  it('keeps the NIK key private to its owner and announces itself in local.json', () => {
    expect(statSync(join(dataDir, NIK_KEY_FILE)).mode & 0o777).toBe(0o600);
    const info = readLocalStackInfo(dataDir);
    expect(info?.pid).toBe(process.pid);
    expect(info?.endpoints.s3).toBe(first.stack.info.endpoints.s3);
  });

  it('uploads a hand-written vacancy file through `sinergi upload`, reports it and changes recommendations', async () => {
    const file = join(root, 'lowongan baru.csv');
    writeFileSync(file, HAND_WRITTEN_VACANCIES);
    const recommendations = new DynamoRecommendationRepository({
      client: first.stack.dynamodb,
      tableName: first.stack.info.tableName,
    });
    const before = await recommendations.listCandidates('job', 'V-HAND-1');
    expect(before.items).toEqual([]);

    const io = captureIo();
    const code = await main(
      ['node', 'sinergi', 'upload', 'vacancies', file, '--owner', 'E-900', '--data-dir', dataDir],
      io,
    );

    expect(code).toBe(2);
    expect(io.out()).toContain('vacancies: 3 rows, 2 accepted, 1 rejected, 2 stored');
    expect(io.out()).toContain('row 4, V-HAND-3: openings');
    expect(io.out()).toMatch(/matching: \d+ youth matched, [1-9]\d* recommendation sets written/);
    expect(io.out()).toMatch(
      /reports\/incoming\/vacancies\/E-900\/cli-[a-z0-9]+\/lowongan baru\.csv\.report\.json/,
    );
    const after = await recommendations.listCandidates('job', 'V-HAND-1');
    expect(after.items.length).toBeGreaterThan(0);
  });

  it('runs the nightly rematch against the running stack and prints the fairness audit', async () => {
    const io = captureIo();
    const code = await main(['node', 'sinergi', 'rematch', '--data-dir', dataDir], io);
    expect(code).toBe(0);
    expect(io.out()).toMatch(/Nightly rematch as of \d{4}-\d{2}-\d{2}: 11 district batches, 300 youth/);
    expect(io.out()).toContain('Fairness audit (300 youth');
    expect(io.out()).toMatch(/gender: /);
  });

  it('keeps the data across a restart on the same data directory and does not seed again', async () => {
    await first.stop();
    expect(readLocalStackInfo(dataDir)).toBeUndefined();

    const second = await startLocal(dataDir);
    try {
      expect(second.seeded).toBeUndefined();
      expect(second.io.out()).toContain('Demo data already loaded');
      expect(second.io.out()).not.toContain('Seeding');
      const stored = await new DynamoRecommendationRepository({
        client: second.stack.dynamodb,
        tableName: second.stack.info.tableName,
      }).listCandidates('job', 'V-HAND-1');
      expect(stored.items.length).toBeGreaterThan(0);
      // Only the s3:TestEvent went through the queue: nothing was uploaded again.
      expect(second.stack.queueStats().sent).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it('tells `sinergi upload` users to start the stack when none is running', async () => {
    const io = captureIo();
    const code = await main(['node', 'sinergi', 'upload', 'vacancies', 'x.csv', '--data-dir', dataDir], io);
    expect(code).toBe(1);
    expect(io.err()).toContain('npm start');
    expect(readFileSync(join(dataDir, NIK_KEY_FILE), 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    expect(() => statSync(join(dataDir, STACK_FILE))).toThrow();
  });
});

describe('node bin/sinergi.mjs local', () => {
  const childDir = join(root, 'child');

  it('seeds the small demo, prints the summary and exits 0 on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      [
        'bin/sinergi.mjs',
        'local',
        '--demo-size',
        'small',
        '--data-dir',
        childDir,
        '--port-s3',
        '0',
        '--port-dynamodb',
        '0',
        '--port-api',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no summary in time:\n${out}\n${err}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('Ready. Press Ctrl-C to stop.')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`exited before the summary:\n${out}\n${err}`)));
    });
    expect(out).toContain('Rejected rows match the demo manifest');
    expect(out).toMatch(/API {7}http:\/\/127\.0\.0\.1:\d+/);

    child.kill('SIGINT');
    const code = await Promise.race([
      exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 15_000)),
    ]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(out).toContain('Stopping the local stack...');
  }, 90_000);
});
