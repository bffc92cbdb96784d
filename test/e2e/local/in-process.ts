/**
 * `sinergi local` run inside the test process, on free ports with the small demo, stopped by the
 * test instead of a signal. The local-stack end-to-end tests and the browser tests both start it.
 */
import { expect } from 'vitest';
import type { DemoSeedResult, LocalControl } from '#cli/commands/local';
import { runLocal } from '#cli/commands/local';
import type { CliIo, CliRuntime } from '#cli/commands/runtime';
import type { LocalStack } from '#infra/local/stack';

export function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    env: { CI: '1' },
    now: () => new Date(),
    out: () => out,
    err: () => err,
  };
}

export interface RunningLocal {
  io: ReturnType<typeof captureIo>;
  stack: LocalStack;
  seeded: DemoSeedResult | undefined;
  /** Stops the stack and expects the command to end with exit code 0. */
  stop(): Promise<void>;
}

export async function startLocal(
  dataDir: string,
  control: Pick<LocalControl, 'api'> = {},
): Promise<RunningLocal> {
  const io = captureIo();
  const runtime: CliRuntime = { io, exitCode: 0 };
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  let ready!: (value: { stack: LocalStack; seeded: DemoSeedResult | undefined }) => void;
  const readyPromise = new Promise<{ stack: LocalStack; seeded: DemoSeedResult | undefined }>((resolve) => {
    ready = resolve;
  });
  const finished = runLocal(
    runtime,
    { dataDir, portS3: 0, portDynamodb: 0, portApi: 0, demo: true, demoSize: 'small' },
    { ...control, stopped, onReady: (stack, seeded) => ready({ stack, seeded }) },
  );
  const { stack, seeded } = await Promise.race([
    readyPromise,
    finished.then(() => {
      throw new Error(`sinergi local ended early:\n${io.out()}\n${io.err()}`);
    }),
  ]);
  return {
    io,
    stack,
    seeded,
    stop: async () => {
      stop();
      await finished;
      expect(runtime.exitCode).toBe(0);
    },
  };
}
