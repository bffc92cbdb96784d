import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConflictError } from '#core/domain/errors';
import { type AdapterOptions, BatchIncompleteError } from '#functions/adapters/dynamodb/common';
import { DynamoOpportunityRepository } from '#functions/adapters/dynamodb/opportunities';
import { DynamoOutcomeRepository } from '#functions/adapters/dynamodb/outcomes';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { DynamoUploadLedger } from '#functions/adapters/dynamodb/uploads';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { recommendationSet, storedVacancy, storedYouth } from '../../integration/storage/fixtures.ts';

const TABLE = 'sinergi-test';
const documentClient = mockClient(DynamoDBDocumentClient);

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
const throttled = () =>
  new ProvisionedThroughputExceededException({
    message: 'Rate of requests exceeds the allowed throughput',
    $metadata: {},
  });

type Sent = {
  PutRequest?: { Item: Record<string, unknown> };
  DeleteRequest?: { Key: Record<string, unknown> };
};

function sentWrites(call: number): Sent[] {
  const input = documentClient.commandCalls(BatchWriteCommand)[call]?.args[0].input;
  return (input?.RequestItems?.[TABLE] ?? []) as Sent[];
}

const putKeys = (writes: Sent[]) => writes.map((w) => `${w.PutRequest?.Item.pk}|${w.PutRequest?.Item.sk}`);

describe('storage adapters under injected DynamoDB failures', () => {
  let options: AdapterOptions;
  let sleep: ReturnType<typeof vi.fn<(ms: number) => Promise<void>>>;

  beforeEach(() => {
    documentClient.reset();
    sleep = vi.fn(async (_ms: number) => {});
    options = {
      client: new DynamoDBClient({ region: 'ap-southeast-3' }),
      tableName: TABLE,
      retry: { sleep, random: () => 0.5, maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 },
    };
    documentClient.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [] } });
    documentClient.on(QueryCommand).resolves({ Items: [] });
  });
  afterEach(() => documentClient.reset());

  it('retries only the unprocessed writes, twice, with growing backoff, and loses none', async () => {
    // Prepare: 30 profiles are two batches (25 + 5) sent side by side; the first is partly refused twice.
    const youth = Array.from({ length: 30 }, (_, i) => storedYouth(`Y${String(i).padStart(2, '0')}`));
    const refusals = [(sent: Sent[]) => sent.slice(20), (sent: Sent[]) => sent.slice(3)];
    documentClient.on(BatchWriteCommand).callsFake((input) => {
      const sent = input.RequestItems[TABLE] as Sent[];
      const refuse = putKeys(sent).includes('YOUTH#Y20|PROFILE') ? refusals.shift() : undefined;
      return { UnprocessedItems: refuse ? { [TABLE]: refuse(sent) } : {} };
    });

    // Act
    const result = await new DynamoYouthRepository(options).putMany(youth);

    // Assess
    expect(result).toEqual({ written: 30, stale: [], erased: [] });
    expect(documentClient).toHaveReceivedCommandTimes(BatchWriteCommand, 4);
    const calls = [0, 1, 2, 3].map((call) => putKeys(sentWrites(call)));
    const [first, second, third] = calls.filter((keys) => keys.includes('YOUTH#Y23|PROFILE'));
    const others = calls.filter((keys) => !keys.includes('YOUTH#Y23|PROFILE'));
    expect(first).toHaveLength(25);
    expect(second).toEqual(first!.slice(20));
    expect(third).toEqual(second!.slice(3));
    expect(others).toEqual([youth.slice(25).map((y) => `YOUTH#${y.profile.youthId}|PROFILE`)]);
    const accepted = new Set([...first!.slice(0, 20), ...second!.slice(0, 3), ...third!, ...others.flat()]);
    expect(accepted.size).toBe(30);
    // Full jitter with random() = 0.5: half of 100 * 2^1, then half of 100 * 2^2.
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([100, 200]);
  });

  it('retries unprocessed keys of a batch read', async () => {
    documentClient
      .on(BatchGetCommand)
      .callsFakeOnce((input) => ({
        Responses: { [TABLE]: [] },
        UnprocessedKeys: {
          [TABLE]: { ...input.RequestItems[TABLE], Keys: input.RequestItems[TABLE].Keys.slice(1) },
        },
      }))
      .resolves({ Responses: { [TABLE]: [{ youthId: 'Y2', asOf: '2026-11-01', configVersion: 'v1' }] } });
    const headlines = await new DynamoRecommendationRepository(options).headlines(['Y1', 'Y2']);
    expect(documentClient).toHaveReceivedCommandTimes(BatchGetCommand, 2);
    const retried =
      documentClient.commandCalls(BatchGetCommand)[1]?.args[0].input.RequestItems?.[TABLE]?.Keys;
    expect(retried).toEqual([{ pk: 'YOUTH#Y2', sk: 'RECSET' }]);
    expect([...headlines.keys()]).toEqual(['Y2']);
  });

  it('fails with a clear error when writes stay unprocessed after every attempt', async () => {
    documentClient
      .on(BatchWriteCommand)
      .callsFake((input) => ({ UnprocessedItems: { [TABLE]: input.RequestItems[TABLE] } }));
    const attempt = new DynamoYouthRepository(options).putMany([storedYouth('Y1'), storedYouth('Y2')]);
    await expect(attempt).rejects.toBeInstanceOf(BatchIncompleteError);
    await expect(attempt).rejects.toThrow('BatchWriteItem: 2 request(s) still unprocessed after 4 attempts');
    expect(documentClient).toHaveReceivedCommandTimes(BatchWriteCommand, 4);
    expect(sleep).toHaveBeenCalledTimes(3);
  });

  it('lets throttling that outlasted the SDK retries surface instead of swallowing it', async () => {
    const error = throttled();
    documentClient.on(BatchWriteCommand).rejects(error);
    documentClient.on(PutCommand).rejects(error);
    documentClient.on(GetCommand).rejects(throttled());
    await expect(new DynamoYouthRepository(options).putMany([storedYouth('Y1')])).rejects.toBe(error);
    await expect(
      new DynamoRecommendationRepository(options).writeSets([recommendationSet('Y1', [['V1', 0.5]])]),
    ).rejects.toBe(error);
    await expect(new DynamoYouthRepository(options).get('Y1')).rejects.toBeInstanceOf(
      ProvisionedThroughputExceededException,
    );
  });

  it('translates a lost conditional write into a ConflictError and rethrows everything else', async () => {
    documentClient
      .on(PutCommand)
      .rejectsOnce(conditionFailed())
      .rejectsOnce(conditionFailed())
      .rejects(throttled());
    await expect(new DynamoYouthRepository(options).put(storedYouth('Y1', 2))).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(new DynamoOpportunityRepository(options).put(storedVacancy('V1', 2))).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(new DynamoYouthRepository(options).put(storedYouth('Y1', 2))).rejects.toBeInstanceOf(
      ProvisionedThroughputExceededException,
    );
    expect(documentClient).toHaveReceivedCommandWith(PutCommand, {
      ConditionExpression: 'attribute_not_exists(pk) OR #version <= :version',
      ExpressionAttributeValues: { ':version': 2 },
    });
  });

  it('makes a repeated outcome a ConflictError', async () => {
    documentClient.on(PutCommand).rejects(conditionFailed());
    const outcome = {
      outcomeId: 'o1',
      youthId: 'Y1',
      type: 'hired' as const,
      at: '2026-11-05T09:00:00.000Z',
      actor: { role: 'counsellor', id: 'C1' },
    };
    await expect(new DynamoOutcomeRepository(options).append(outcome)).rejects.toBeInstanceOf(ConflictError);
  });

  it('tells a duplicate from a stale upload after a lost claim, and a lost completion is a conflict', async () => {
    documentClient.on(PutCommand).rejects(conditionFailed());
    documentClient
      .on(GetCommand)
      .resolvesOnce({ Item: { sequencer: 'AB000000000000000000000000000000', status: 'done' } })
      .resolvesOnce({ Item: { sequencer: 'AC000000000000000000000000000000', status: 'done' } })
      .resolvesOnce({ Item: { sequencer: 'AB000000000000000000000000000000', status: 'processing' } });
    documentClient.on(UpdateCommand).rejects(conditionFailed());
    const ledger = new DynamoUploadLedger(options);
    const object = { bucket: 'b', key: 'incoming/vacancies/a.csv', sequencer: 'ab' };
    const now = { now: 1_000, leaseMs: 60_000 };
    expect(await ledger.claim(object, now)).toBe('duplicate');
    expect(await ledger.claim(object, now)).toBe('stale');
    expect(await ledger.claim(object, now)).toBe('in_progress');
    await expect(ledger.complete(object, { rows: 1 }, 2_000)).rejects.toBeInstanceOf(ConflictError);
  });

  it('surfaces a ledger failure that is not a lost condition', async () => {
    documentClient.on(PutCommand).rejects(throttled());
    const ledger = new DynamoUploadLedger(options);
    await expect(
      ledger.claim({ bucket: 'b', key: 'k', sequencer: '01' }, { now: 1, leaseMs: 1 }),
    ).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    expect(documentClient).toHaveReceivedCommandTimes(GetCommand, 0);
  });

  it('marks the run open, writes the set, checks tombstones, then each candidate list under its version, then closes the run', async () => {
    // Prepare: the list is at version 4; the set's key is read back as written.
    let storedSet: Record<string, unknown> | undefined;
    const list = (version: number) => ({ pk: 'CANDS#VAC#V1', sk: 'LIST', version, entries: '[]' });
    const order: string[] = [];
    documentClient.on(BatchGetCommand).callsFake((input) => {
      const request = input.RequestItems[TABLE];
      const keys = request.Keys as { pk: string }[];
      order.push(`read ${keys[0]?.pk.split('#')[0]}${request.ConsistentRead ? ' consistent' : ''}`);
      const items = keys.flatMap((k) => {
        if (k.pk.startsWith('CANDS#')) return [list(4)];
        return k.pk === 'YOUTH#Y1' && storedSet && request.ConsistentRead ? [storedSet] : [];
      });
      return { Responses: { [TABLE]: items } };
    });
    documentClient
      .on(PutCommand, { Item: { entity: 'candidates' } })
      .rejectsOnce(conditionFailed())
      .resolves({});
    documentClient.on(GetCommand).resolves({ Item: list(5) });
    const record = (name: string) => (input: { Item?: { pk?: unknown }; Key?: { pk?: unknown } }) => {
      order.push(`${name} ${String(input.Item?.pk ?? input.Key?.pk).split('#')[0]}`);
      return {};
    };
    documentClient.on(DeleteCommand).callsFake(record('delete'));
    documentClient.on(PutCommand, { Item: { entity: 'recsession' } }).callsFake(record('put'));
    documentClient.on(PutCommand, { Item: { entity: 'recclosing' } }).callsFake(record('put'));
    documentClient.on(QueryCommand).callsFake((input) => {
      order.push(`query ${input.ExpressionAttributeValues?.[':pk']}`);
      return { Items: [] };
    });
    documentClient.on(BatchWriteCommand).callsFake((input) => {
      const sent = input.RequestItems[TABLE] as Sent[];
      storedSet = (sent[0] as { PutRequest: { Item: Record<string, unknown> } }).PutRequest.Item;
      order.push(...putKeys(sent).map((k) => `batch ${k}`));
      return { UnprocessedItems: {} };
    });

    // Act
    const result = await new DynamoRecommendationRepository(options).writeSets([
      recommendationSet('Y1', [['V1', 0.5]]),
    ]);

    // Assess: another writer took version 5, so the retry reads the list and the sets again and writes 6.
    const listPuts = documentClient
      .commandCalls(PutCommand)
      .map((call) => call.args[0].input)
      .filter((input) => input.Item?.entity === 'candidates');
    expect(
      listPuts.map((input) => [input.Item?.version, input.ExpressionAttributeValues?.[':version']]),
    ).toEqual([
      [5, 4],
      [6, 5],
    ]);
    expect(listPuts[1]?.Item?.entries).toBe('[["Y1",0.5,1]]');
    expect(documentClient).toHaveReceivedCommandWith(GetCommand, { ConsistentRead: true });
    expect(order).toEqual([
      'query RECCLOSINGS',
      'read YOUTH',
      'put RECSESSION',
      'batch YOUTH#Y1|RECSET',
      'read ERASED consistent',
      'query RECCLOSINGS',
      'read CANDS consistent',
      'read YOUTH consistent',
      'read YOUTH consistent',
      'query RECCLOSINGS',
      'put RECCLOSINGS',
      'query RECCLOSINGS',
      'read YOUTH consistent',
      'delete RECSESSION',
    ]);
    expect(result).toMatchObject({ written: 1, candidateListsUpdated: 1, candidateEntriesAdded: 1 });
    expect(sleep).toHaveBeenCalledTimes(1);
  });
});
