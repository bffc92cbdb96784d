import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, jakartaDate, type RegisterCommand } from '#cli/commands/runtime';
import { main } from '#cli/main';
import { assessment, jsonLines, semicolonCsv, training, vacancy } from './records.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function captureIo(now = new Date('2026-03-01T03:00:00Z'), env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    env,
    now: () => now,
  };
  return { io, out, err };
}

async function run(args: string[], options: { now?: Date; env?: Record<string, string> } = {}): Promise<Run> {
  const { io, out, err } = captureIo(options.now, options.env);
  const code = await main(['node', 'sinergi', ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sinergi-cli-'));
  await writeFile(file('youth.json'), JSON.stringify([assessment()]));
  await writeFile(
    file('vacancies.csv'),
    semicolonCsv([
      vacancy(),
      vacancy({ vacancy_id: 'V-002', closing_date: '2026-06-30' }),
      vacancy({ vacancy_id: 'V-003', closing_date: '2026-07-31' }),
    ]),
  );
  await writeFile(file('trainings.jsonl'), jsonLines([training()]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const matchArgs = () => [
  'match',
  '--youth',
  file('youth.json'),
  '--vacancies',
  file('vacancies.csv'),
  '--trainings',
  file('trainings.jsonl'),
];

const jobIds = (stdout: string) =>
  (JSON.parse(stdout) as { jobs: { vacancy_id: string }[] }[])[0]!.jobs.map((j) => j.vacancy_id).sort();

describe('reference date', () => {
  it('is the calendar date in Jakarta (UTC+7), which turns over at 17:00 UTC', () => {
    expect(jakartaDate(new Date('2026-01-01T16:59:59Z'))).toBe('2026-01-01');
    expect(jakartaDate(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
  });

  it('defaults to today in Jakarta: a vacancy closing today is kept, one closed yesterday is not', async () => {
    const lastDay = await run(matchArgs(), { now: new Date('2026-06-30T16:30:00Z') });
    expect(lastDay.code).toBe(0);
    expect(jobIds(lastDay.stdout)).toEqual(['V-001', 'V-002', 'V-003']);
    const nextDay = await run(matchArgs(), { now: new Date('2026-06-30T17:30:00Z') });
    expect(jobIds(nextDay.stdout)).toEqual(['V-003']);
  });

  it('--as-of overrides the clock', async () => {
    const result = await run([...matchArgs(), '--as-of', '2026-07-01'], {
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(jobIds(result.stdout)).toEqual(['V-003']);
  });
});

describe('usage', () => {
  it('prints help with exit code 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('score');
    expect(result.stdout).toContain('match');
    expect(result.stdout).toContain('demo');
  });

  it.each([
    [['match', '--youth', 'a.json'], /--vacancies/],
    [[...['score', 'a.json'], '--format', 'xml'], /xml/],
    [['match', '--youth', 'a', '--vacancies', 'b', '--trainings', 'c', '--top', 'ten'], /--top/],
    [
      ['match', '--youth', 'a', '--vacancies', 'b', '--trainings', 'c', '--as-of', '2026-02-30'],
      /YYYY-MM-DD/,
    ],
    [['scor', 'a.json'], /score/],
  ])('rejects %j with exit code 2 and a message', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('input files', () => {
  it('names every missing file and unsupported extension before reading anything', async () => {
    const result = await run([
      'match',
      '--youth',
      file('nobody.json'),
      '--vacancies',
      file('vacancies.xls'),
      '--trainings',
      file('trainings.jsonl'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file('nobody.json')}: file: no such file`);
    expect(result.stderr).toContain(`${file('vacancies.xls')}: file: no such file`);
    await writeFile(file('vacancies.xls'), 'not really a workbook');
    const again = await run(['score', file('vacancies.xls')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/vacancies\.xls: file: .*\.xlsx/);
  });

  it('reports a row scoring refuses at its file and row, and still prints the valid youth', async () => {
    await writeFile(
      file('mixed.json'),
      JSON.stringify([
        assessment(),
        assessment({ youth_id: 'Y-BAD', interests: { ...(assessment().interests as object), R03: 7 } }),
      ]),
    );
    const result = await run(['score', file('mixed.json'), '--format', 'table']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file('mixed.json')}, row 2, Y-BAD: interests.R03: `);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(result.stdout).toMatch(/^youth_id/);
    expect(result.stdout).toContain('Y-0001');
    expect(result.stdout + result.stderr).not.toContain('3374015505010001');
  });
});

describe('match options', () => {
  it('takes the number of jobs from --top and from the configuration file', async () => {
    const top = await run([...matchArgs(), '--as-of', '2026-03-01', '--top', '1']);
    expect(jobIds(top.stdout)).toHaveLength(1);
    await writeFile(
      file('config.json'),
      JSON.stringify({ version: 'match-v2', topJobs: 2, topTrainings: 0 }),
    );
    const configured = await run([...matchArgs(), '--as-of', '2026-03-01', '--config', file('config.json')]);
    expect(configured.code).toBe(0);
    const [youth] = JSON.parse(configured.stdout) as { jobs: unknown[]; trainings: unknown[] }[];
    expect(youth!.jobs).toHaveLength(2);
    expect(youth!.trainings).toHaveLength(0);
  });

  it('refuses an invalid configuration, naming the file and the field', async () => {
    await writeFile(
      file('bad-config.json'),
      JSON.stringify({
        version: 'match-v2',
        weights: { interest: 0.9, aptitude: 0.2, skills: 0.2, reach: 0.15 },
      }),
    );
    const result = await run([...matchArgs(), '--config', file('bad-config.json')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `${file('bad-config.json')}, match config: weights: weights must sum to 1`,
    );
  });

  it('writes to --out instead of stdout, in the chosen table language', async () => {
    const out = join(dir, 'results', 'match.txt');
    const result = await run([
      ...matchArgs(),
      '--as-of',
      '2026-03-01',
      '--format',
      'table',
      '--lang',
      'en',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^Y-0001 {2}Holland R/);
    expect(text).toContain('  Jobs\n');
    expect(text).toContain('reason');
  });
});

describe('unexpected errors', () => {
  const failing: RegisterCommand = (program) => {
    program.command('explode').action(() => {
      throw new TypeError('cannot read properties of undefined');
    });
  };

  it('exit with 1 and a short message; the stack only with SINERGI_DEBUG=1', async () => {
    const quiet = captureIo();
    expect(await main(['node', 'sinergi', 'explode'], quiet.io, [failing])).toBe(1);
    const message = quiet.err.join('');
    expect(message).toContain('sinergi: unexpected error: cannot read properties of undefined');
    expect(message).not.toMatch(/\n\s+at /);

    const debug = captureIo(undefined, { SINERGI_DEBUG: '1' });
    expect(await main(['node', 'sinergi', 'explode'], debug.io, [failing])).toBe(1);
    expect(debug.err.join('')).toMatch(/\n\s+at /);
  });
});
