/** One dynalite per test file over real HTTP, a fresh table per test so tests never see each other. */
import { afterAll, beforeAll } from 'vitest';
import type { AdapterOptions } from '#functions/adapters/dynamodb/common';
import { ensureTable, type RunningDynamo, startDynamo } from '#infra/local/emulators';

export function useDynamo(): { table: () => Promise<AdapterOptions>; dynamo: () => RunningDynamo } {
  let dynamo: RunningDynamo | undefined;
  let tables = 0;
  beforeAll(async () => {
    dynamo = await startDynamo();
  });
  afterAll(async () => {
    await dynamo?.close();
  });
  const running = () => {
    if (!dynamo) throw new Error('dynalite is not running');
    return dynamo;
  };
  return {
    dynamo: running,
    table: async () => {
      const tableName = `sinergi-${++tables}`;
      await ensureTable(running().client, tableName);
      return { client: running().client, tableName };
    },
  };
}
