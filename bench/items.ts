/**
 * What storage costs in DynamoDB's own units, not in emulator time: the size of each kind of item
 * as DynamoDB counts it (`itemBytes`) and the write units of writing it (1 per started KB), with its
 * document stored as plain JSON and deflated. The demo generator's records (2,000 assessments,
 * 5,000 vacancies, 1,000 trainings) are scored, profiled and matched in-process and turned into the
 * items the adapters write; nothing runs against a table. docs/data-model.md holds the figures.
 */
import { deflateSync } from 'node:zlib';
import { generateDemoData } from '#cli/demo/index';
import { listsOfSets, type SetOpportunity, setOpportunities } from '#core/matching/candidate-lists';
import { DEFAULT_MATCH_CONFIG } from '#core/matching/config';
import { matchFactsInBlocks } from '#core/matching/match';
import { trainingToProfile, vacancyToProfile } from '#core/matching/opportunity-profile';
import type { StoredOpportunity } from '#core/ports';
import { districtDistance } from '#core/reference/districts';
import { occupationReference } from '#core/reference/occupations';
import { DEFAULT_PILOT_DISTRICTS } from '#core/reference/pilot';
import { createScoringContext, scoreAssessment } from '#core/scoring/index';
import { opportunityProfileContext } from '#core/usecases/intake';
import { type Item, itemBytes } from '#functions/adapters/dynamodb/common';
import { toOpportunityItem } from '#functions/adapters/dynamodb/opportunities';
import {
  encodeCandidates,
  recommendationKeys,
  serialiseSet,
  toSetItem,
} from '#functions/adapters/dynamodb/recommendation-items';
import { toYouthItem } from '#functions/adapters/dynamodb/youth';
import type { BenchmarkModule, MeasuredOutcome, WorkloadOutcome } from './types.ts';

const AS_OF = '2026-11-28';
const SIZES = { assessments: 2_000, vacancies: 5_000, trainings: 1_000 };

/** Write units of one item write: one per started KB. */
const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

class Tally {
  private count = 0;
  private bytes = 0;
  private units = 0;
  add(item: Item): void {
    const bytes = itemBytes(item);
    this.count++;
    this.bytes += bytes;
    this.units += writeUnits(bytes);
  }
  get averageBytes(): number {
    return this.bytes / this.count;
  }
  get averageUnits(): number {
    return this.units / this.count;
  }
}

const deflated = (json: string) => new Uint8Array(deflateSync(Buffer.from(json, 'utf8')));

function measure(): WorkloadOutcome {
  const data = generateDemoData({
    asOf: AS_OF,
    seed: 20_261_128,
    size: 'full',
    ...SIZES,
    districts: [...DEFAULT_PILOT_DISTRICTS],
    invalidRows: false,
  });
  const scoring = createScoringContext();
  const ctx = opportunityProfileContext(scoring, occupationReference.lookup, DEFAULT_MATCH_CONFIG);
  const tallies = Object.fromEntries(
    [
      'youth',
      'youthDeflated',
      'opportunity',
      'opportunityDeflated',
      'set',
      'setPlain',
      'list',
      'listOfMaps',
    ].map((name) => [name, new Tally()]),
  ) as Record<string, Tally>;

  const youth = data.assessments.map((record) => scoreAssessment(record, scoring));
  for (const profile of youth) {
    const item = toYouthItem({ profile, version: 1, nikHash: 'f'.repeat(64) });
    tallies.youth!.add(item);
    tallies.youthDeflated!.add({ ...item, document: deflated(item.document as string) });
  }
  const opportunities: StoredOpportunity[] = [
    ...data.vacancies.map((record) => ({
      kind: 'job' as const,
      record,
      profile: vacancyToProfile(record, ctx).profile,
      version: 1,
    })),
    ...data.trainings.map((record) => ({
      kind: 'training' as const,
      record,
      profile: trainingToProfile(record, ctx).profile,
      version: 1,
    })),
  ];
  for (const o of opportunities) {
    const item = toOpportunityItem(o);
    tallies.opportunity!.add(item);
    tallies.opportunityDeflated!.add({ ...item, document: deflated(item.document as string) });
  }
  const memberships = new Map<string, { opportunities: SetOpportunity[]; district: string }>();
  const districts = new Map(youth.map((y) => [y.youthId, y.district]));
  const options = { asOf: AS_OF, config: DEFAULT_MATCH_CONFIG, distance: districtDistance };
  for (const block of matchFactsInBlocks(
    youth,
    opportunities.map((o) => o.profile),
    options,
  )) {
    for (const set of block) {
      const serialised = serialiseSet(set);
      const listed = setOpportunities(set);
      const item = toSetItem({
        set,
        serialised,
        opportunities: listed,
        pendingRemovals: [],
        session: '00000000-0000-4000-8000-000000000000',
        district: districts.get(set.youthId)!,
      });
      tallies.set!.add(item);
      tallies.setPlain!.add({ ...item, document: serialised.json });
      memberships.set(set.youthId, { opportunities: listed, district: districts.get(set.youthId)! });
    }
  }
  for (const [key, entries] of listsOfSets(memberships)) {
    const [kind, id] = key.split('\u0000') as ['job' | 'training', string];
    const base = {
      ...recommendationKeys.candidateList(kind, id),
      entity: 'candidates',
      kind,
      opportunityId: id,
      version: 1,
    };
    tallies.list!.add({ ...base, entries: encodeCandidates(entries) });
    tallies.listOfMaps!.add({ ...base, entries });
  }

  const row = (name: string, plain: Tally, other: Tally, otherName: string) =>
    `${name}: ${plain.averageBytes.toFixed(0)} B, ${plain.averageUnits.toFixed(2)} WCU (${otherName}: ${other.averageBytes.toFixed(0)} B, ${other.averageUnits.toFixed(2)} WCU)`;
  const t = tallies as Record<string, Tally>;
  const lines = [
    row('youth profile as JSON', t.youth!, t.youthDeflated!, 'deflated'),
    row('opportunity as JSON', t.opportunity!, t.opportunityDeflated!, 'deflated'),
    row('recommendation set deflated', t.set!, t.setPlain!, 'plain JSON'),
    row('candidate list of tuples', t.list!, t.listOfMaps!, 'list of maps'),
  ];
  return {
    summary: lines.join('\n   '),
    metrics: Object.fromEntries(
      Object.entries(t).flatMap(([name, tally]) => [
        [`${name}Bytes`, tally.averageBytes],
        [`${name}Wcu`, tally.averageUnits],
      ]),
    ),
  };
}

export const itemsBenchmark: BenchmarkModule = {
  description: 'item sizes and write units per item kind, documents as stored and the alternative',
  workloads: [
    {
      name: 'sizes',
      description: `${SIZES.assessments} youth matched against ${SIZES.vacancies + SIZES.trainings} opportunities`,
    },
  ],
  run: () => measure(),
  compare(results: Record<string, MeasuredOutcome>): string[] {
    const m = results.sizes?.metrics;
    if (!m) return [];
    const perUpload = (sets: number) => Math.round(sets * m.setWcu!);
    return [
      `a vacancy upload that rewrites 16,000 sets: ${perUpload(16_000)} WCU for the sets deflated, ${Math.round(16_000 * m.setPlainWcu!)} as plain JSON`,
    ];
  },
};
