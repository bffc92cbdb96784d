/** The shape of a benchmark module that bench/run.ts can run. */
export interface WorkloadSpec {
  name: string;
  description: string;
  /** Extra Node flags for this workload's child process. */
  nodeFlags?: readonly string[];
}

export interface WorkloadOutcome {
  /** One line for the console. */
  summary: string;
  metrics: Record<string, number>;
  /** A hash of the results, so workloads that must agree can be compared. */
  digest?: string;
}

export interface MeasuredOutcome extends WorkloadOutcome {
  peakRssMb: number;
}

export interface BenchmarkModule {
  description: string;
  workloads: WorkloadSpec[];
  run(workload: string): Promise<WorkloadOutcome> | WorkloadOutcome;
  /** Lines comparing the workloads that ran (ratios, targets, agreement). */
  compare(results: Record<string, MeasuredOutcome>): string[];
}
