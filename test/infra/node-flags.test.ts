import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#infra/constructs/sinergi-function';
import { MATCHING_NODE_FLAGS } from '#infra/node-flags';
import { pipelineBenchmark } from '../../bench/pipeline.ts';

describe('V8 flags of the matching processes', () => {
  it('are the ones `npm start` runs the local stack with', () => {
    const pkg = JSON.parse(readFileSync(`${PROJECT_ROOT}package.json`, 'utf8')) as {
      scripts: Record<string, string>;
    };
    const start = pkg.scripts['start']!.split(/\s+/);
    expect(start.slice(0, 1 + MATCHING_NODE_FLAGS.length)).toEqual(['node', ...MATCHING_NODE_FLAGS]);
  });

  it('are the ones the pipeline benchmark runs the local stack with', () => {
    for (const name of ['stack', 'stack-memory']) {
      const workload = pipelineBenchmark.workloads.find((w) => w.name === name);
      expect(workload?.nodeFlags).toEqual(MATCHING_NODE_FLAGS);
    }
  });
});
