/**
 * Benchmark runner: `npm run bench` runs every registered benchmark, `npm run bench -- matching`
 * one of them, `npm run bench -- matching:engine` one workload. Each workload runs in its own
 * child process so its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchmarkModule, MeasuredOutcome, WorkloadOutcome } from './types.ts';

/** Register new benchmarks here: name -> module loader. */
const BENCHMARKS: Record<string, () => Promise<BenchmarkModule>> = {
  assessment: async () => (await import('./assessment.ts')).assessmentBenchmark,
  matching: async () => (await import('./matching.ts')).matchingBenchmark,
  pipeline: async () => (await import('./pipeline.ts')).pipelineBenchmark,
  xlsx: async () => (await import('./xlsx.ts')).xlsxBenchmark,
  items: async () => (await import('./items.ts')).itemsBenchmark,
};

const RESULT_MARK = 'BENCH_RESULT ';
const script = fileURLToPath(import.meta.url);

async function runChild(benchmark: string, workload: string): Promise<void> {
  const module = await BENCHMARKS[benchmark]!();
  const outcome: WorkloadOutcome = await module.run(workload);
  const measured: MeasuredOutcome = {
    ...outcome,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(measured)}\n`);
}

function spawnWorkload(benchmark: string, workload: string, nodeFlags: readonly string[]): MeasuredOutcome {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', ...nodeFlags, '--import', 'tsx', script, '--child', benchmark, workload],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0)
    throw new Error(`${benchmark}:${workload} exited with ${child.status ?? child.signal}`);
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (!line) throw new Error(`${benchmark}:${workload} printed no result`);
  return JSON.parse(line.slice(RESULT_MARK.length)) as MeasuredOutcome;
}

function selection(args: string[]): { benchmark: string; workload?: string }[] {
  if (args.length === 0) return Object.keys(BENCHMARKS).map((benchmark) => ({ benchmark }));
  return args.map((arg) => {
    const [benchmark, workload] = arg.split(':');
    if (!benchmark || !BENCHMARKS[benchmark]) {
      throw new Error(`unknown benchmark "${arg}"; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    }
    return workload ? { benchmark, workload } : { benchmark };
  });
}

async function main(args: string[]): Promise<void> {
  if (args[0] === '--child') {
    await runChild(args[1]!, args[2]!);
    return;
  }
  for (const { benchmark, workload } of selection(args)) {
    const module = await BENCHMARKS[benchmark]!();
    console.log(`\n== ${benchmark}: ${module.description}`);
    const results: Record<string, MeasuredOutcome> = {};
    for (const spec of module.workloads.filter((w) => !workload || w.name === workload)) {
      console.log(`-- ${spec.name} (${spec.description})`);
      const outcome = spawnWorkload(benchmark, spec.name, spec.nodeFlags ?? []);
      results[spec.name] = outcome;
      console.log(`   ${outcome.summary}, peak RSS ${outcome.peakRssMb} MB`);
    }
    for (const line of module.compare(results)) console.log(line);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
