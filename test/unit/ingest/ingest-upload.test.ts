import { describe, expect, it } from 'vitest';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext } from '#core/scoring/index';
import { type IngestDeps, ingestUpload } from '#core/usecases/ingest-upload';
import { createMatchingSetup } from '#core/usecases/setup';
import { nikPseudonymiser } from '#functions/shared/nik';
import {
  assessment,
  csv,
  jsonl,
  NIK,
  TRAINING_HEADER,
  trainingLine,
  uploadInput,
  VACANCY_HEADER,
  vacancyLine,
} from './data.ts';
import { MemoryOpportunities, MemoryRecommendations, MemoryYouth } from './fakes.ts';

const KEY = 'k'.repeat(32);
const scoring = createScoringContext();

function makeDeps() {
  const youth = new MemoryYouth();
  const opportunities = new MemoryOpportunities();
  const recommendations = new MemoryRecommendations();
  let clock = 1_000;
  const deps: IngestDeps = {
    youth,
    opportunities,
    recommendations,
    scoring,
    occupations: occupationReference.lookup,
    matching: createMatchingSetup({ pilotDistricts: ['3374', '3372'] }),
    pseudonymiseNik: nikPseudonymiser(KEY),
    now: () => (clock += 5),
  };
  return { deps, youth, opportunities, recommendations };
}

function upload(key: string, bytes: Uint8Array, version = 1_700_000_000_000) {
  return uploadInput(key, bytes, { version });
}

describe('ingestUpload: assessments', () => {
  it('scores, pseudonymises the NIK, stores youth and matches them against open opportunities', async () => {
    const { deps, youth, opportunities, recommendations } = makeDeps();
    await ingestUpload(upload('incoming/vacancies/v.csv', csv([VACANCY_HEADER, vacancyLine('V-1')])), deps);
    const report = await ingestUpload(
      upload(
        'incoming/assessments/batch-1.jsonl',
        jsonl([assessment('Y-1', { nik: NIK }), assessment('Y-2', { district: '3372' })]),
      ),
      deps,
    );
    expect(report.status).toBe('processed');
    expect(report.counts).toEqual({ rows: 2, accepted: 2, rejected: 0, warnings: 0, stored: 2, stale: 0 });
    expect(report.matching).toEqual({ youthRematched: 2, setsWritten: 2, setsUnchanged: 0 });
    expect(report.uploadId).toBe('assessments/batch-1.jsonl');
    expect(report.ownerId).toBe('PROGRAMME');
    const stored = youth.items.get('Y-1')!;
    expect(stored.nikHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.version).toBe(1_700_000_000_000);
    expect(JSON.stringify([...youth.items.values()])).not.toContain(NIK);
    expect(JSON.stringify(report)).not.toContain(NIK);
    expect(recommendations.sets.get('Y-1')!.set.jobs.map((j) => j.opportunityId)).toEqual(['V-1']);
    expect(opportunities.listOpenCalls).toBe(4);
  });

  it('rejects rows with every reason, keeps the valid ones and flags unknown skills', async () => {
    const { deps, youth } = makeDeps();
    const report = await ingestUpload(
      upload(
        'incoming/assessments/a.jsonl',
        jsonl([
          assessment('Y-1', { skills: ['menjahit', 'main layangan'] }),
          assessment('Y-2', { nik: Number(NIK) }),
          { ...assessment('Y-3'), instrument: 'tes-lain' },
          assessment('Y-1'),
        ]),
      ),
      deps,
    );
    expect(report.counts).toMatchObject({ rows: 4, accepted: 1, rejected: 3, stored: 1 });
    expect(report.rejected.map((i) => [i.row, i.field])).toEqual([
      [2, 'nik'],
      [3, 'instrument'],
      [4, 'youth_id'],
    ]);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        row: 1,
        record: 'Y-1',
        field: 'skills',
        reason: expect.stringContaining('main layangan'),
      }),
    ]);
    expect([...youth.items.keys()]).toEqual(['Y-1']);
    expect(JSON.stringify(report)).not.toMatch(/337401550501/);
  });

  it('does not match youth whose stored version is newer (an older upload never wins)', async () => {
    const { deps, recommendations } = makeDeps();
    await ingestUpload(
      upload('incoming/assessments/new.jsonl', jsonl([assessment('Y-1', { leaning: 'SE' })]), 2_000),
      deps,
    );
    const before = structuredClone(recommendations.sets.get('Y-1'));
    const report = await ingestUpload(
      upload('incoming/assessments/old.jsonl', jsonl([assessment('Y-1')]), 1_000),
      deps,
    );
    expect(report.counts).toMatchObject({ accepted: 1, stored: 0, stale: 1 });
    expect(report.matching.youthRematched).toBe(0);
    expect(recommendations.sets.get('Y-1')).toEqual(before);
  });
});

describe('ingestUpload: vacancies and trainings', () => {
  async function seedYouth(deps: IngestDeps, count: number) {
    const records = Array.from({ length: count }, (_, i) =>
      assessment(`Y-${i + 1}`, { district: i % 2 === 0 ? '3374' : '3372', relocate: i % 3 === 0 }),
    );
    await ingestUpload(upload('incoming/assessments/youth.jsonl', jsonl(records)), deps);
  }

  it('stores vacancies, flags gender requirements for review and rematches the programme youth', async () => {
    const { deps, opportunities } = makeDeps();
    await seedYouth(deps, 6);
    const report = await ingestUpload(
      upload(
        'incoming/vacancies/E-017/up-1/lowongan.csv',
        csv([VACANCY_HEADER, vacancyLine('V-1'), vacancyLine('V-2', { gender: 'female', district: '3372' })]),
      ),
      deps,
    );
    expect(report.ownerId).toBe('EMPLOYER#E-017');
    expect(report.uploadId).toBe('up-1');
    expect(report.counts).toMatchObject({ rows: 2, accepted: 2, rejected: 0, stored: 2 });
    expect(report.review.genderRequirement).toEqual([
      { vacancy_id: 'V-2', employer_id: 'E-017', requirement: 'female' },
    ]);
    expect(report.matching.youthRematched).toBe(6);
    expect(report.matching.setsWritten).toBe(6);
    expect(opportunities.items.get('job#V-2')!.profile.genderRequirement).toBe('female');
  });

  it('writes only the sets that changed: the same file again changes nothing', async () => {
    const { deps, recommendations } = makeDeps();
    await seedYouth(deps, 5);
    const file = csv([VACANCY_HEADER, vacancyLine('V-1'), vacancyLine('V-2', { district: '3372' })]);
    await ingestUpload(upload('incoming/vacancies/v.csv', file, 10), deps);
    const writes = recommendations.writes;
    const again = await ingestUpload(upload('incoming/vacancies/v.csv', file, 11), deps);
    expect(again.matching).toEqual({ youthRematched: 5, setsWritten: 0, setsUnchanged: 5 });
    expect(recommendations.writes).toBe(writes);
    const closed = await ingestUpload(
      upload(
        'incoming/vacancies/v.csv',
        csv([VACANCY_HEADER, vacancyLine('V-1', { closing: '2026-01-01' })]),
        12,
      ),
      deps,
    );
    expect(closed.matching.setsWritten).toBeGreaterThan(0);
    for (const { set } of recommendations.sets.values()) {
      expect(set.jobs.map((j) => j.opportunityId)).not.toContain('V-1');
    }
  });

  it('refuses rows for another employer, and ids another employer owns, in an owner-scoped upload', async () => {
    const { deps, opportunities } = makeDeps();
    await ingestUpload(
      upload(
        'incoming/vacancies/E-099/up-0/theirs.csv',
        csv([VACANCY_HEADER, vacancyLine('V-9', { employer: 'E-099' })]),
      ),
      deps,
    );
    const report = await ingestUpload(
      upload(
        'incoming/vacancies/E-017/up-1/mine.csv',
        csv([
          VACANCY_HEADER,
          vacancyLine('V-1'),
          vacancyLine('V-2', { employer: 'E-099' }),
          vacancyLine('V-9', { title: 'Dibajak' }),
        ]),
      ),
      deps,
    );
    expect(report.counts).toMatchObject({ rows: 3, accepted: 1, rejected: 2, stored: 1 });
    expect(report.rejected.map((i) => [i.row, i.field])).toEqual([
      [3, 'employer_id'],
      [4, 'vacancy_id'],
    ]);
    expect(opportunities.items.get('job#V-9')!.record.title).toBe('Operator Jahit');
    expect(opportunities.items.has('job#V-2')).toBe(false);
  });

  it('refuses training rows for another provider and warns about unknown occupation codes', async () => {
    const { deps } = makeDeps();
    const report = await ingestUpload(
      upload(
        'incoming/trainings/BLK-SMG/up-7/pelatihan.csv',
        csv([
          TRAINING_HEADER,
          trainingLine('T-1'),
          trainingLine('T-2', 'LPK-UNG'),
          trainingLine('T-3').replace(',7533,', ',9999,'),
        ]),
      ),
      deps,
    );
    expect(report.ownerId).toBe('PROVIDER#BLK-SMG');
    expect(report.counts).toMatchObject({ accepted: 2, rejected: 1 });
    expect(report.rejected[0]).toMatchObject({ row: 3, field: 'provider_id' });
    expect(report.warnings).toEqual([
      expect.objectContaining({ row: 4, record: 'T-3', field: 'target_occupations', file: 'pelatihan.csv' }),
    ]);
  });

  it('ends a file that cannot be read with a rejected_file report, not an exception', async () => {
    const { deps } = makeDeps();
    const duplicated = await ingestUpload(
      upload('incoming/vacancies/dup.csv', csv(['vacancy_id,vacancy_id,title', 'V-1,V-2,x'])),
      deps,
    );
    expect(duplicated.status).toBe('rejected_file');
    expect(duplicated.rejected[0]).toMatchObject({ field: 'header' });
    const empty = await ingestUpload(upload('incoming/vacancies/empty.csv', new Uint8Array()), deps);
    expect(empty).toMatchObject({ status: 'rejected_file', counts: { rows: 0, accepted: 0 } });
    const badKey = await ingestUpload(upload('incoming/vacancies/a/b/c/d.csv', csv([VACANCY_HEADER])), deps);
    expect(badKey.status).toBe('rejected_file');
    expect(badKey.rejected[0]).toMatchObject({ field: 'key', file: 'd.csv' });
  });
});
