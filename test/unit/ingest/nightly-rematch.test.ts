import { describe, expect, it } from 'vitest';
import type { YouthProfile } from '#core/domain/profiles';
import { fairnessAudit } from '#core/matching/audit';
import type { RecommendationSet, RecommendationWriter, SetsWritten } from '#core/ports';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext } from '#core/scoring/index';
import { finishAudit, mergeTallies, tallyAudit } from '#core/usecases/audit';
import { type IngestDeps, ingestUpload } from '#core/usecases/ingest-upload';
import { planRematch, rematchBatch, runNightlyRematch } from '#core/usecases/nightly-rematch';
import { rematchDistricts, rematchYouth } from '#core/usecases/rematch';
import { createMatchingSetup } from '#core/usecases/setup';
import { readRawRows } from '#functions/shared/files/read';
import { nikPseudonymiser } from '#functions/shared/nik';
import { assessment, csv, jsonl, VACANCY_HEADER, vacancyLine } from './data.ts';
import { MemoryOpportunities, MemoryRecommendations, MemoryYouth } from './fakes.ts';

const scoring = createScoringContext();
const setup = createMatchingSetup({
  pilotDistricts: ['3374', '3372', '3301'],
  blockSize: 3,
});

async function seeded() {
  const ports = {
    youth: new MemoryYouth(),
    opportunities: new MemoryOpportunities(),
    recommendations: new MemoryRecommendations(),
  };
  const deps: IngestDeps = {
    ...ports,
    scoring,
    occupations: occupationReference.lookup,
    matching: setup,
    pseudonymiseNik: nikPseudonymiser('k'.repeat(32)),
    now: () => 0,
  };
  const ingest = (key: string, bytes: Uint8Array) =>
    ingestUpload(
      {
        upload: {
          bucket: 'b',
          key,
          sequencer: '1',
          size: bytes.byteLength,
          kind: key.split('/')[1] as never,
        },
        openRows: () => readRawRows(bytes, { format: key.endsWith('.csv') ? 'csv' : 'jsonl', file: 'f' }),
        file: 'f',
        version: 1,
        asOf: '2026-11-27',
        processedAt: '2026-11-27T00:00:00Z',
      },
      deps,
    );
  await ingest(
    'incoming/vacancies/v.csv',
    csv([
      VACANCY_HEADER,
      vacancyLine('V-1', { closing: '2026-12-01' }),
      vacancyLine('V-2', { district: '3372', gender: 'male' }),
    ]),
  );
  await ingest(
    'incoming/assessments/a.jsonl',
    jsonl(
      Array.from({ length: 8 }, (_, i) =>
        assessment(`Y-${i}`, {
          district: ['3374', '3372', '3301'][i % 3]!,
          gender: i % 2 ? 'M' : 'F',
          relocate: i === 2,
        }),
      ),
    ),
  );
  return ports;
}

describe('nightly rematch', () => {
  it('plans one batch per pilot district and refuses a date that is not one', () => {
    expect(planRematch('2026-11-28', setup).batches.map((b) => b.districts)).toEqual([
      ['3374'],
      ['3372'],
      ['3301'],
    ]);
    expect(() => planRematch('2026-02-30', setup)).toThrow();
  });

  it('writes only changed sets: a night with nothing new writes nothing, a closing date changes sets', async () => {
    const ports = await seeded();
    const writes = ports.recommendations.writes;
    const stored: unknown[] = [];
    const quiet = await runNightlyRematch(
      '2026-11-28',
      ports,
      setup,
      async (audit) => void stored.push(audit),
    );
    expect(quiet.counts).toEqual({ youthRematched: 8, setsWritten: 0, setsUnchanged: 8 });
    expect(ports.recommendations.writes).toBe(writes);
    const later = await runNightlyRematch(
      '2026-12-02',
      ports,
      setup,
      async (audit) => void stored.push(audit),
    );
    expect(later.counts.setsWritten).toBeGreaterThan(0);
    for (const { set } of ports.recommendations.sets.values()) {
      expect(set.jobs.map((j) => j.opportunityId)).not.toContain('V-1');
    }
    expect(stored).toHaveLength(2);
  });

  it('audits in aggregates only, equal to a single fairness audit over everyone', async () => {
    const ports = await seeded();
    const batch = await rematchBatch(
      { batchId: 'x', districts: ['3374', '3372', '3301'] },
      '2026-11-28',
      ports,
      setup,
    );
    const { audit } = await runNightlyRematch('2026-11-28', ports, setup, async () => {});
    expect(audit.youthCount).toBe(8);
    expect(finishAudit([batch.audit], [], '2026-11-28').groups).toEqual(audit.groups);
    expect(audit.genderRequirementReview).toEqual([
      expect.objectContaining({ opportunityId: 'V-2', genderRequirement: 'male' }),
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Y-\d/);
    const youth: YouthProfile[] = [...ports.youth.items.values()].map((y) => y.profile);
    const results = [...ports.recommendations.sets.values()].map((s) => s.set) as never[];
    // Summing exact score units can round a half differently from a floating-point mean.
    const direct = fairnessAudit(youth, results, []).groups;
    expect(audit.groups.map(({ meanTopJobScore: _m, ...rest }) => rest)).toEqual(
      direct.map(({ meanTopJobScore: _m, ...rest }) => rest),
    );
    audit.groups.forEach((group, i) => {
      expect(Math.abs((group.meanTopJobScore ?? 0) - (direct[i]!.meanTopJobScore ?? 0))).toBeLessThanOrEqual(
        1e-4 + 1e-12,
      );
    });
  });

  it('merges tallies by group and value', () => {
    const a = {
      youthCount: 2,
      groups: [
        { group: 'gender', value: 'F', count: 2, withJob: 1, topJobScoreUnits: 5000, jobs: 3, trainings: 1 },
      ],
    };
    const b = {
      youthCount: 1,
      groups: [
        { group: 'gender', value: 'F', count: 1, withJob: 1, topJobScoreUnits: 7000, jobs: 2, trainings: 0 },
      ],
    };
    expect(mergeTallies(a, b).groups).toEqual([
      { group: 'gender', value: 'F', count: 3, withJob: 2, topJobScoreUnits: 12000, jobs: 5, trainings: 1 },
    ]);
    expect(tallyAudit([], [])).toEqual({ youthCount: 0, groups: [] });
  });

  it('matches nobody and writes nothing for an empty youth list', async () => {
    const ports = await seeded();
    expect(await rematchYouth([], [], ports, setup, '2026-11-28')).toEqual({
      youthRematched: 0,
      setsWritten: 0,
      setsUnchanged: 0,
    });
  });
});

describe('matching while earlier blocks are written', () => {
  async function youthAndOpportunities() {
    const ports = await seeded();
    const youth = [...ports.youth.items.values()].map((y) => y.profile);
    const open = [...ports.opportunities.items.values()].map((o) => o.profile);
    return { youth, open };
  }

  /** A writer whose writes finish only when the test says so. */
  function heldWriter() {
    const started: { sets: readonly RecommendationSet[]; finish: (written: number) => void }[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const writer: RecommendationWriter = {
      write: (sets) =>
        new Promise<SetsWritten>((resolve, reject) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          started.push({
            sets,
            finish: (written) => {
              inFlight--;
              if (written < 0) reject(new Error('table unavailable'));
              else resolve({ written, unchanged: sets.length - written, erased: 0 });
            },
          });
        }),
      close: async () => {
        throw new Error('the caller closes its own writer');
      },
    };
    return { writer, started, maxInFlight: () => maxInFlight };
  }

  /** Starts a rematch on a held writer and lets it run until it waits on writes. */
  async function startRun() {
    const { youth, open } = await youthAndOpportunities();
    const held = heldWriter();
    const ports = { recommendations: new MemoryRecommendations() };
    const run = rematchYouth(youth, open, ports, setup, '2026-11-28', { writer: held.writer });
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { held, run };
  }

  it('matches up to two blocks ahead of the oldest unfinished write, and counts every block once', async () => {
    const { held, run } = await startRun();
    // 8 youth in blocks of 3: three blocks; all three are written before the first write finishes.
    expect(held.started.map((w) => w.sets.length)).toEqual([3, 3, 2]);
    for (const write of held.started) write.finish(1);
    const result = await run;
    expect(result).toEqual({ youthRematched: 8, setsWritten: 3, setsUnchanged: 5 });
    expect(held.maxInFlight()).toBe(3);
  });

  it('keeps matching across district boundaries while earlier districts are still being written', async () => {
    const ports = await seeded();
    const open = [...ports.opportunities.items.values()].map((o) => o.profile);
    const held = heldWriter();
    const districts = ['3374', '3372', '3301'];
    const run = rematchDistricts(districts, ports, open, setup, '2026-11-28', {
      audit: true,
      writer: held.writer,
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // One block per district (3, 3 and 2 youth): all three are started before any write finishes.
    expect(held.started.map((w) => new Set(w.sets.map((s) => s.youthId)).size)).toEqual([3, 3, 2]);
    for (const write of held.started) write.finish(0);
    const result = await run;
    expect(result).toMatchObject({ youthRematched: 8, setsWritten: 0, setsUnchanged: 8 });
    expect(result.audit?.youthCount).toBe(8);
  });

  it('fails the run when a write fails, even one that was not awaited yet', async () => {
    const { held, run } = await startRun();
    held.started[1]!.finish(-1);
    held.started[0]!.finish(3);
    await expect(run).rejects.toThrow('table unavailable');
  });
});
