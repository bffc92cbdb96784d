/**
 * The `sinergi` binary as a user runs it: `node bin/sinergi.mjs ...` on files written by hand in the
 * documented formats. Each spawn costs about a second of tsx start-up, so the cases are few and broad.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchOutput, ScoreOutput } from '#cli/output/json';
import {
  assessment,
  jsonLines,
  semicolonCsv,
  training,
  VACANCY_HEADER,
  type VacancyRow,
  vacancy,
} from '../../unit/cli/records.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const NIK = '3374015505010001';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function sinergi(args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/sinergi.mjs'), ...args], {
      cwd,
      env: { ...process.env, SINERGI_DEBUG: '' },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', fail);
    child.on('close', (code) =>
      done({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}

async function writeWorkbook(path: string, rows: readonly (VacancyRow | Record<string, string | number>)[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lowongan');
  sheet.addRow([...VACANCY_HEADER]);
  for (const row of rows) sheet.addRow(VACANCY_HEADER.map((h) => row[h] ?? null));
  // Codes as text cells, as the formats guide asks, so 0-led or 16-digit values survive.
  sheet.getColumn(5).numFmt = '@';
  sheet.getColumn(6).numFmt = '@';
  await workbook.xlsx.writeFile(path);
}

let dir: string;
const file = (name: string) => join(dir, name);

/** A youth who needs step-free access, and one who does not, in Kota Semarang. */
const WALKING = assessment({ youth_id: 'Y-WALK', disability: { walking: 3, seeing: 1 } });
const NO_NEEDS = assessment({ youth_id: 'Y-FREE', nik: '3374016002000002', gender: 'M' });

const VACANCIES: VacancyRow[] = [
  vacancy({ vacancy_id: 'V-ACCESSIBLE', accessible_for: 'walking|hearing' }),
  vacancy({ vacancy_id: 'V-STAIRS', employer_name: 'CV Las Tangga', not_accessible_for: 'walking' }),
  vacancy({ vacancy_id: 'V-CLOSED', accessible_for: 'walking', closing_date: '2026-02-28' }),
  vacancy({ vacancy_id: 'V-MALE-ONLY', accessible_for: 'walking', gender_requirement: 'male' }),
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sinergi-e2e-'));
  await writeFile(file('assessments.json'), JSON.stringify([WALKING, NO_NEEDS], null, 2));
  await writeFile(file('vacancies.csv'), semicolonCsv(VACANCIES));
  await writeFile(
    file('trainings.jsonl'),
    jsonLines([
      training(),
      training({ training_id: 'T-NO-RAMP', not_accessible_for: ['walking'], title: 'Las Lanjutan' }),
    ]),
  );
  await writeWorkbook(file('vacancies.xlsx'), [
    vacancy({ vacancy_id: 'V-X-ACCESSIBLE', accessible_for: 'walking' }),
    { ...vacancy({ vacancy_id: 'V-X-BAD' }), openings: 0 },
    vacancy({ vacancy_id: 'V-X-STAIRS', not_accessible_for: 'walking' }),
  ]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const byYouth = (results: MatchOutput[]) => new Map(results.map((r) => [r.youth_id, r]));

describe('sinergi match', () => {
  it('JSON assessments, a ; CSV of vacancies and JSONL trainings: accessible, open vacancies only', async () => {
    const run = await sinergi([
      'match',
      '--youth',
      file('assessments.json'),
      '--vacancies',
      file('vacancies.csv'),
      '--trainings',
      file('trainings.jsonl'),
      '--as-of',
      '2026-03-01',
    ]);
    const problems = run.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('warning: '));
    expect(problems).toEqual([]);
    expect(run.code).toBe(0);
    const results = byYouth(JSON.parse(run.stdout) as MatchOutput[]);
    expect([...results.keys()]).toEqual(['Y-WALK', 'Y-FREE']);

    const walking = results.get('Y-WALK')!;
    expect(walking.holland_code?.[0]).toBe('R');
    expect(Object.keys(walking.interests)).toEqual(['R', 'I', 'A', 'S', 'E', 'C']);
    expect(walking.jobs.map((j) => j.vacancy_id).sort()).toEqual(['V-ACCESSIBLE', 'V-MALE-ONLY']);
    expect(walking.trainings.map((t) => t.training_id)).toEqual(['T-001']);

    const free = results.get('Y-FREE')!;
    expect(free.jobs.map((j) => j.vacancy_id).sort()).toEqual(['V-ACCESSIBLE', 'V-MALE-ONLY', 'V-STAIRS']);
    for (const youth of results.values()) {
      for (const job of youth.jobs) {
        expect(job.vacancy_id).not.toBe('V-CLOSED');
        expect(Object.keys(job.components).sort()).toEqual(['aptitude', 'interest', 'reach', 'skills']);
        expect(job.score).toBeGreaterThan(0);
        expect(job.score).toBeLessThanOrEqual(1);
        expect(job.explanation.id.length).toBeGreaterThan(0);
        expect(job.explanation.en.length).toBeGreaterThan(0);
        expect(job.employer_name).toMatch(/^(PT Baja Semarang|CV Las Tangga)$/);
      }
    }
    // A gender requirement is flagged and reported, never a filter: the woman still gets the vacancy.
    const maleOnly = walking.jobs.find((j) => j.vacancy_id === 'V-MALE-ONLY')!;
    expect(maleOnly.flags).toContain('gender_requirement_review');
    expect(run.stderr).toContain(
      `warning: ${file('vacancies.csv')}, row 5, V-MALE-ONLY: gender_requirement: `,
    );
    expect(run.stdout + run.stderr).not.toContain(NIK);
  });

  it('an XLSX vacancy file with a bad row: exit 2, the row named on stderr, the good rows matched', async () => {
    const run = await sinergi([
      'match',
      '--youth',
      file('assessments.json'),
      '--vacancies',
      file('vacancies.xlsx'),
      '--trainings',
      file('trainings.jsonl'),
      '--as-of',
      '2026-03-01',
      '--top',
      '5',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file('vacancies.xlsx')}, row 3, V-X-BAD: openings: `);
    const results = byYouth(JSON.parse(run.stdout) as MatchOutput[]);
    expect(results.get('Y-WALK')!.jobs.map((j) => j.vacancy_id)).toEqual(['V-X-ACCESSIBLE']);
    expect(
      results
        .get('Y-FREE')!
        .jobs.map((j) => j.vacancy_id)
        .sort(),
    ).toEqual(['V-X-ACCESSIBLE', 'V-X-STAIRS']);
  });

  it('missing files and unsupported extensions: exit 2 with a message naming each file', async () => {
    await writeFile(file('trainings.ods'), 'an OpenDocument spreadsheet');
    const run = await sinergi([
      'match',
      '--youth',
      file('nobody.jsonl'),
      '--vacancies',
      file('assessments.json'),
      '--trainings',
      file('trainings.ods'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file('nobody.jsonl')}: file: no such file`);
    expect(run.stderr).toContain(
      `${file('trainings.ods')}: file: "trainings.ods" is an OpenDocument spreadsheet`,
    );
    expect(run.stderr).not.toContain(file('assessments.json'));
  });
});

describe('sinergi score', () => {
  it('scores the valid youth, reports the invalid one by file, row and field, exit 2', async () => {
    const bad = assessment({ youth_id: 'Y-BAD', nik: '3374016002000003', birth_date: '2002-02-30' });
    await writeFile(file('mixed.jsonl'), jsonLines([WALKING, bad, NO_NEEDS]));
    const run = await sinergi(['score', file('mixed.jsonl')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file('mixed.jsonl')}, row 2, Y-BAD: birth_date: `);
    const scored = JSON.parse(run.stdout) as ScoreOutput[];
    expect(scored.map((s) => s.youth_id)).toEqual(['Y-WALK', 'Y-FREE']);
    expect(Object.keys(scored[0]!.aptitudes)).toHaveLength(6);
    expect(run.stdout + run.stderr).not.toMatch(/33740\d{11}/);
  });
});

describe('sinergi demo', () => {
  it('--size small generates, scores and matches the demo files and exits 0', async () => {
    const run = await sinergi(['demo', '--size', 'small', '--dir', file('demo'), '--as-of', '2026-03-01']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/300 youth scored/);
    expect(run.stdout).toContain('Rejected rows (invalid on purpose, listed in manifest.json):');
    expect(run.stdout).not.toContain('NOT expected');
    expect(run.stdout).toMatch(/Recommended: \d+ jobs and \d+ training offers to 300 youth/);
    expect(run.stdout).toContain('  Lowongan kerja\n');
  });
});
