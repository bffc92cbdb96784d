/**
 * Programme-scale matching: 16,000 youth x 5,000 vacancies + 1,000 training offers, full constraints,
 * top-10 jobs and top-5 trainings with explanations. The engine against a naive ml-matrix baseline.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_MATCH_CONFIG } from '#core/matching/config';
import { matchInBlocks } from '#core/matching/match';
import type { Recommendation } from '#core/matching/types';
import { generateWorkload } from './generate.ts';
import { naiveMatch } from './naive-baseline.ts';
import type { BenchmarkModule, MeasuredOutcome, WorkloadOutcome } from './types.ts';

const SEED = 20261128;
const SIZES = { youth: 16_000, vacancies: 5_000, trainings: 1_000 };
const BASELINE_SLICE = 2_000;
const TARGET_SPEEDUP = 10;
const TARGET_RSS_MB = 300;
/** Allocation may cost at most this multiple of the engine's own time, in the same run. */
const TARGET_ALLOCATION_RATIO = 1.5;

/** Hash of every kept recommendation's id and score, in order: equal hashes = equal top-K. */
class ResultDigest {
  private readonly hash = createHash('sha256');
  add(youthId: string, jobs: Recommendation[], trainings: Recommendation[]): void {
    this.hash.update(youthId);
    for (const r of [...jobs, ...trainings]) this.hash.update(`|${r.opportunityId}:${r.score}`);
    this.hash.update('\n');
  }
  value(): string {
    return this.hash.digest('hex').slice(0, 16);
  }
}

interface Timing {
  seconds: number;
  cpuSeconds: number;
  generateSeconds: number;
}

/** Wall and CPU time of the matching alone (data generation excluded). */
function timed(run: () => void): { seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

function outcome(timing: Timing, kept: number, digest: string, extra = ''): WorkloadOutcome {
  const pairs = SIZES.youth * (SIZES.vacancies + SIZES.trainings);
  const { seconds, cpuSeconds, generateSeconds } = timing;
  return {
    summary: `${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s), ${(pairs / seconds / 1e6).toFixed(1)} M pairs/s, ${kept} recommendations kept${extra}; data generated in ${generateSeconds.toFixed(1)} s`,
    metrics: { seconds, cpuSeconds, pairsPerSecond: pairs / seconds, pairs, kept },
    digest,
  };
}

function engine(allocate = false): WorkloadOutcome {
  const t0 = performance.now();
  const data = generateWorkload(SEED, SIZES);
  const t1 = performance.now();
  const digest = new ResultDigest();
  let kept = 0;
  let pathways = 0;
  const options = {
    asOf: data.asOf,
    config: DEFAULT_MATCH_CONFIG,
    distance: data.distance,
    allocate,
  };
  const time = timed(() => {
    for (const block of matchInBlocks(data.youth, data.opportunities, options)) {
      for (const r of block) {
        digest.add(r.youthId, r.jobs, r.trainings);
        kept += r.jobs.length + r.trainings.length;
        pathways += r.pathways.length;
      }
    }
  });
  const timing = { ...time, generateSeconds: (t1 - t0) / 1000 };
  return outcome(timing, kept, digest.value(), `, ${pathways} pathways`);
}

function baseline(): WorkloadOutcome {
  const t0 = performance.now();
  const data = generateWorkload(SEED, SIZES);
  const t1 = performance.now();
  const digest = new ResultDigest();
  let kept = 0;
  const options = {
    asOf: data.asOf,
    config: DEFAULT_MATCH_CONFIG,
    distance: data.distance,
    sliceSize: BASELINE_SLICE,
  };
  const time = timed(() => {
    for (const slice of naiveMatch(data.youth, data.opportunities, options)) {
      for (const r of slice) {
        digest.add(r.youthId, r.jobs, r.trainings);
        kept += r.jobs.length + r.trainings.length;
      }
    }
  });
  return outcome({ ...time, generateSeconds: (t1 - t0) / 1000 }, kept, digest.value());
}

export const matchingBenchmark: BenchmarkModule = {
  description: `${SIZES.youth} youth x ${SIZES.vacancies} vacancies + ${SIZES.trainings} trainings, top-10 + top-5 with explanations`,
  workloads: [
    {
      name: 'engine',
      description:
        'blocked typed-array kernel, results streamed per block of 128 youth, heap capped at 256 MB',
      nodeFlags: ['--max-old-space-size=256'],
    },
    { name: 'engine-default-heap', description: 'the engine with V8 default heap sizing' },
    {
      name: 'engine-allocated',
      description:
        'the engine with capacity-aware allocation (candidate lists 8x deeper, deferred acceptance)',
      nodeFlags: ['--max-old-space-size=256'],
    },
    {
      name: 'baseline',
      description: `naive ml-matrix: full matrices per ${BASELINE_SLICE} youth, mmul, full sort of each row`,
    },
  ],
  run(workload) {
    if (workload === 'engine' || workload === 'engine-default-heap') return engine();
    if (workload === 'engine-allocated') return engine(true);
    if (workload === 'baseline') return baseline();
    throw new Error(`unknown matching workload "${workload}"`);
  },
  compare(results: Record<string, MeasuredOutcome>) {
    const lines: string[] = [];
    const plain = results['engine'];
    const allocated = results['engine-allocated'];
    if (plain && allocated) {
      const ratio = allocated.metrics['seconds']! / plain.metrics['seconds']!;
      const cpu = allocated.metrics['cpuSeconds']! / plain.metrics['cpuSeconds']!;
      lines.push(
        `engine-allocated: ${ratio.toFixed(2)}x the engine's time without allocation (CPU ${cpu.toFixed(2)}x; target <= ${TARGET_ALLOCATION_RATIO}x: ${ratio <= TARGET_ALLOCATION_RATIO ? 'met' : 'missed'}), peak RSS ${allocated.peakRssMb} MB`,
      );
    }
    const base = results['baseline'];
    for (const name of ['engine', 'engine-default-heap']) {
      const r = results[name];
      if (!r) continue;
      const rss = `peak RSS ${r.peakRssMb} MB (target <= ${TARGET_RSS_MB}: ${r.peakRssMb <= TARGET_RSS_MB ? 'met' : 'missed'})`;
      if (base) {
        const ratio = base.metrics['seconds']! / r.metrics['seconds']!;
        const cpuRatio = base.metrics['cpuSeconds']! / r.metrics['cpuSeconds']!;
        const agree = r.digest === base.digest ? 'same top-K as baseline' : 'TOP-K DIFFERS FROM BASELINE';
        lines.push(
          `${name}: ${ratio.toFixed(1)}x faster than baseline (CPU time ${cpuRatio.toFixed(1)}x; target >= ${TARGET_SPEEDUP}x: ${ratio >= TARGET_SPEEDUP ? 'met' : 'missed'}), ${rss}, ${agree}`,
        );
      } else {
        lines.push(`${name}: ${rss}`);
      }
    }
    return lines;
  },
};
