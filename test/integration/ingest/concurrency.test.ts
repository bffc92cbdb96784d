/**
 * Writers meeting on dynalite through the real use cases: vacancy uploads in parallel with the
 * nightly rematch, then erasures during a rematch, then re-uploads of the erased. After each phase
 * every candidate list must equal the list derived from the stored sets, and no erased youth may be
 * anywhere; at the end a fresh full rematch must find nothing to write and nothing to repair.
 */
import { describe, expect, it } from 'vitest';
import { listsOfSets, setOpportunities } from '#core/matching/candidate-lists';
import type { CandidateEntry } from '#core/ports';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext } from '#core/scoring/index';
import { type IngestDeps, ingestUpload } from '#core/usecases/ingest-upload';
import { planRematch, rematchBatch } from '#core/usecases/nightly-rematch';
import { createMatchingSetup } from '#core/usecases/setup';
import { DynamoOpportunityRepository } from '#functions/adapters/dynamodb/opportunities';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { readRawRows } from '#functions/shared/files/read';
import { nikPseudonymiser } from '#functions/shared/nik';
import {
  assessment,
  csv,
  jsonl,
  TRAINING_HEADER,
  trainingLine,
  VACANCY_HEADER,
  vacancyLine,
} from '../../unit/ingest/data.ts';
import { useDynamo } from '../storage/harness.ts';

const AS_OF = '2026-11-27';
const DISTRICTS = ['3374', '3372', '3301'];
const LEANINGS = ['RC', 'SE', 'AS', 'IR', 'CE', 'RI'];
const SKILLS = [['menjahit'], ['obras'], ['menjahit', 'obras'], []];
const setup = createMatchingSetup({ pilotDistricts: DISTRICTS, blockSize: 4 });
const scoring = createScoringContext();

const youthIds = Array.from({ length: 24 }, (_, i) => `Y-${String(i).padStart(2, '0')}`);
const nikOf = (i: number) => `33740155050${String(10_000 + i).slice(1)}1`;
const assessments = youthIds.map((id, i) =>
  assessment(id, {
    district: DISTRICTS[i % 3]!,
    leaning: LEANINGS[i % LEANINGS.length]!,
    skills: SKILLS[i % SKILLS.length]!,
    gender: i % 2 ? 'M' : 'F',
    relocate: i % 5 === 0,
    nik: nikOf(i),
  }),
);

function vacancies(prefix: string, count: number): Uint8Array {
  return csv([
    VACANCY_HEADER,
    ...Array.from({ length: count }, (_, i) =>
      vacancyLine(`${prefix}-${i}`, {
        district: DISTRICTS[i % 3]!,
        occupation: ['7533', '5223', '8152', '7212'][i % 4]!,
        skills: ['menjahit|obras', 'menjahit', 'obras', ''][i % 4]!,
        closing: i % 4 === 3 ? '2026-11-30' : '2027-01-31',
      }),
    ),
  ]);
}

describe('concurrent uploads, rematches and erasures on dynalite', () => {
  const { table } = useDynamo();

  it('leave candidate lists equal to the sets, no erased youth anywhere, and converge to a fresh rematch', async () => {
    // Prepare
    const options = await table();
    const ports = {
      youth: new DynamoYouthRepository(options),
      opportunities: new DynamoOpportunityRepository(options),
      recommendations: new DynamoRecommendationRepository(options),
    };
    const deps: IngestDeps = {
      ...ports,
      scoring,
      occupations: occupationReference.lookup,
      matching: setup,
      pseudonymiseNik: nikPseudonymiser('k'.repeat(32)),
      now: () => 0,
    };
    let sequence = 0;
    const ingest = (kind: 'assessments' | 'vacancies' | 'trainings', name: string, bytes: Uint8Array) => {
      const key = `incoming/${kind}/${name}`;
      const format = name.endsWith('.csv') ? 'csv' : 'jsonl';
      return ingestUpload(
        {
          upload: { bucket: 'b', key, sequencer: String(++sequence), size: bytes.byteLength, kind },
          openRows: () => readRawRows(bytes, { format, file: name }),
          file: name,
          version: sequence,
          asOf: AS_OF,
          processedAt: `${AS_OF}T00:00:00Z`,
        },
        deps,
      );
    };
    const nightly = () =>
      Promise.all(planRematch(AS_OF, setup).batches.map((batch) => rematchBatch(batch, AS_OF, ports, setup)));
    const opportunityIds: string[] = [];
    const upload = async (prefix: string, count: number) => {
      for (let i = 0; i < count; i++) opportunityIds.push(`${prefix}-${i}`);
      return ingest('vacancies', `${prefix}.csv`, vacancies(prefix, count));
    };

    /** Every list as stored, and every list as the stored sets say it must be. */
    const listsNow = async () => {
      const stored = new Map<string, string[]>();
      for (const id of opportunityIds) {
        const page = await ports.recommendations.listCandidates('job', id, { limit: 100 });
        if (page.items.length > 0) stored.set(id, page.items.map(describeEntry));
      }
      const training = await ports.recommendations.listCandidates('training', 'T-1', { limit: 100 });
      if (training.items.length > 0) stored.set('T-1', training.items.map(describeEntry));
      const memberships = new Map();
      for (const id of youthIds) {
        const set = await ports.recommendations.get(id);
        const youth = await ports.youth.get(id);
        if (set && youth)
          memberships.set(id, { opportunities: setOpportunities(set.set), district: youth.profile.district });
      }
      const derived = new Map<string, string[]>();
      for (const [key, entries] of listsOfSets(memberships)) {
        derived.set(key.split('\u0000')[1]!, entries.map(describeEntry));
      }
      return { stored, derived };
    };

    await ingest('trainings', 't.csv', csv([TRAINING_HEADER, trainingLine('T-1')]));
    await upload('V-A', 8);
    await ingest('assessments', 'a.jsonl', jsonl(assessments));

    // Act 1: four vacancy uploads at once while the nightly rematch runs.
    const [uploads, night] = await Promise.all([
      Promise.all(['V-B', 'V-C', 'V-D', 'V-E'].map((prefix) => upload(prefix, 4))),
      nightly(),
    ]);

    // Assess 1
    expect(uploads.every((report) => report.status === 'processed')).toBe(true);
    expect(night.length).toBe(3);
    const afterUploads = await listsNow();
    expect(afterUploads.stored.size).toBeGreaterThan(10);
    expect(afterUploads.stored).toEqual(afterUploads.derived);

    // Act 2: six youth erased while the nightly rematch and one more upload run.
    const erasedIds = youthIds.filter((_, i) => i % 4 === 1);
    const erasedAt = `${AS_OF}T05:00:00.000Z`;
    await Promise.all([
      nightly(),
      upload('V-H', 4),
      Promise.all(erasedIds.map((id) => ports.youth.erase(id, erasedAt))),
    ]);

    // Assess 2: lists equal the sets, and the erased are nowhere.
    const afterErasure = await listsNow();
    expect(afterErasure.stored).toEqual(afterErasure.derived);
    const listed = new Set([...afterErasure.stored.values()].flat().map((entry) => entry.split(' ')[0]));
    for (const id of erasedIds) {
      expect(listed.has(id)).toBe(false);
      expect(await ports.youth.get(id)).toBeUndefined();
      expect(await ports.recommendations.get(id)).toBeUndefined();
      expect(await ports.youth.exportAll(id)).toEqual({
        candidateEntries: [],
        outcomes: [],
        invitations: [],
        consents: [],
      });
    }

    // Act 3: the erased youth's original records uploaded again.
    const reupload = await ingest(
      'assessments',
      'again.jsonl',
      jsonl(assessments.filter((a) => erasedIds.includes(a.youth_id as string))),
    );

    // Assess 3: refused, row by row, with the reason; still nowhere.
    expect(reupload.counts).toMatchObject({ accepted: 0, rejected: erasedIds.length, stored: 0 });
    expect(reupload.rejected.map((issue) => issue.record)).toEqual(erasedIds);
    expect(reupload.rejected[0]?.reason).toMatch(/telah dihapus atas permintaannya pada 2026-11-27/);
    for (const id of erasedIds) expect(await ports.youth.get(id)).toBeUndefined();

    // Act 4: the nightly rematch, then a second one.
    await nightly();
    const second = await nightly();

    // Assess 4: the stored sets are what a fresh full rematch gives, and nothing drifted.
    for (const batch of second) {
      expect(batch.counts.setsWritten).toBe(0);
      expect(batch.repaired).toMatchObject({ candidateListsUpdated: 0 });
    }
    const settled = await listsNow();
    expect(settled.stored).toEqual(settled.derived);
  }, 120_000);
});

function describeEntry(entry: Pick<CandidateEntry, 'youthId' | 'score' | 'rank' | 'district'>): string {
  return `${entry.youthId} ${entry.score} ${entry.rank} ${entry.district ?? '-'}`;
}
