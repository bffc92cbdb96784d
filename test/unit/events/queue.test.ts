import { createHash } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { SqsSchema } from '@aws-lambda-powertools/parser/schemas/sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createLocalQueue,
  failedMessages,
  type LocalQueue,
  type LocalQueueConsumer,
  type LocalQueueOptions,
  md5OfMessageAttributes,
  type SqsConsumer,
} from '#infra/local/queue';

const queues: LocalQueue[] = [];

function queueWith(options: LocalQueueOptions): LocalQueue {
  const queue = createLocalQueue({ retryDelayMs: () => 1, ...options });
  queues.push(queue);
  return queue;
}

afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.close()));
});

/** Records every event the consumer sees and answers with the given policy. */
function recordingConsumer(answer: (event: SQSEvent, call: number) => SQSBatchResponse | undefined) {
  const events: SQSEvent[] = [];
  const consumer = async (event: SQSEvent) => {
    events.push(event);
    return answer(event, events.length);
  };
  return { events, consumer };
}

const deliveriesOf = (events: SQSEvent[], body: string) =>
  events.flatMap((event) => event.Records).filter((record) => record.body === body);

describe('local queue delivery', () => {
  it('delivers records in the shape Lambda receives from SQS', async () => {
    const { events, consumer } = recordingConsumer(() => undefined);
    const queue = queueWith({
      consumer,
      queueName: 'uploads',
      region: 'ap-southeast-3',
      accountId: '111122223333',
    });

    const messageId = queue.send('{"Records":[]}', { kind: 'assessments' });
    await queue.drain();

    const record = events[0]?.Records[0];
    expect(SqsSchema.safeParse(events[0]).success).toBe(true);
    expect(record).toMatchObject({
      messageId,
      body: '{"Records":[]}',
      md5OfBody: createHash('md5').update('{"Records":[]}').digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:ap-southeast-3:111122223333:uploads',
      awsRegion: 'ap-southeast-3',
      messageAttributes: { kind: { stringValue: 'assessments', dataType: 'String' } },
    });
    expect(record?.attributes.ApproximateReceiveCount).toBe('1');
    expect(Number(record?.attributes.SentTimestamp)).toBeGreaterThan(0);
    expect(record?.receiptHandle.length).toBeGreaterThan(100);
    expect(record?.md5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
  });

  it('leaves md5OfMessageAttributes out when a message has no attributes', async () => {
    const { events, consumer } = recordingConsumer(() => undefined);
    const queue = queueWith({ consumer });

    queue.send('plain');
    await queue.drain();

    expect(events[0]?.Records[0]?.messageAttributes).toEqual({});
    expect(events[0]?.Records[0]).not.toHaveProperty('md5OfMessageAttributes');
  });

  it('batches messages sent together up to the batch size', async () => {
    const { events, consumer } = recordingConsumer(() => undefined);
    const queue = queueWith({ consumer, batchSize: 10 });

    for (let index = 0; index < 25; index += 1) queue.send(`message ${index}`);
    await queue.drain();

    expect(events.map((event) => event.Records.length)).toEqual([10, 10, 5]);
    expect(queue.stats()).toEqual({ sent: 25, delivered: 25, succeeded: 25, retried: 0, deadLettered: 0 });
  });

  it('retries only the records reported in batchItemFailures', async () => {
    const { events, consumer } = recordingConsumer((event, call) => ({
      batchItemFailures:
        call === 1
          ? event.Records.filter((record) => record.body.startsWith('bad')).map((record) => ({
              itemIdentifier: record.messageId,
            }))
          : [],
    }));
    const queue = queueWith({ consumer });

    for (const body of ['good 1', 'bad 1', 'good 2', 'bad 2']) queue.send(body);
    await queue.drain();

    expect(deliveriesOf(events, 'good 1')).toHaveLength(1);
    expect(deliveriesOf(events, 'good 2')).toHaveLength(1);
    expect(deliveriesOf(events, 'bad 1').map((record) => record.attributes.ApproximateReceiveCount)).toEqual([
      '1',
      '2',
    ]);
    expect(queue.stats()).toEqual({ sent: 4, delivered: 6, succeeded: 4, retried: 2, deadLettered: 0 });
  });

  it('gives a redelivered record a new receipt handle and keeps its first receive time', async () => {
    const { events, consumer } = recordingConsumer((event, call) =>
      call === 1 ? { batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] } : undefined,
    );
    let clock = 1_000;
    const queue = queueWith({ consumer, now: () => (clock += 10) });

    queue.send('once more');
    await queue.drain();

    const [first, second] = deliveriesOf(events, 'once more');
    expect(second?.messageId).toBe(first?.messageId);
    expect(second?.receiptHandle).not.toBe(first?.receiptHandle);
    expect(second?.attributes.ApproximateFirstReceiveTimestamp).toBe(
      first?.attributes.ApproximateFirstReceiveTimestamp,
    );
  });

  it('retries the whole batch when the consumer throws', async () => {
    const { events, consumer } = recordingConsumer((_event, call) => {
      if (call === 1) throw new Error('ThrottlingException');
      return undefined;
    });
    const queue = queueWith({ consumer });

    queue.send('a');
    queue.send('b');
    await queue.drain();

    // Retries become visible independently, so they may come back in one batch or in two.
    for (const body of ['a', 'b']) {
      expect(deliveriesOf(events, body).map((record) => record.attributes.ApproximateReceiveCount)).toEqual([
        '1',
        '2',
      ]);
    }
    expect(queue.stats()).toMatchObject({ delivered: 4, succeeded: 2, retried: 2, deadLettered: 0 });
  });

  it('moves a message to the dead-letter list after maxReceiveCount receives', async () => {
    const { events, consumer } = recordingConsumer((event) => ({
      batchItemFailures: event.Records.filter((record) => record.body === 'poison').map((record) => ({
        itemIdentifier: record.messageId,
      })),
    }));
    const queue = queueWith({ consumer, maxReceiveCount: 3 });

    const poisonId = queue.send('poison');
    queue.send('fine');
    await queue.drain();

    expect(deliveriesOf(events, 'poison')).toHaveLength(3);
    expect(queue.deadLetters()).toEqual([
      {
        messageId: poisonId,
        body: 'poison',
        receiveCount: 3,
        sentTimestamp: expect.any(Number),
        failure: 'reported in batchItemFailures',
      },
    ]);
    expect(queue.stats()).toEqual({ sent: 2, delivered: 4, succeeded: 1, retried: 2, deadLettered: 1 });
  });

  it('records the consumer error of a dead letter', async () => {
    const queue = queueWith({
      consumer: async () => {
        throw new TypeError('cannot read the upload');
      },
      maxReceiveCount: 2,
    });

    queue.send('x');
    await queue.drain();

    expect(queue.deadLetters()[0]).toMatchObject({
      receiveCount: 2,
      failure: 'consumer threw TypeError: cannot read the upload',
    });
  });

  it('fails the whole batch when the response names a message that is not in it', async () => {
    const { events, consumer } = recordingConsumer((_event, call) =>
      call === 1 ? { batchItemFailures: [{ itemIdentifier: 'not-a-message-id' }] } : undefined,
    );
    const queue = queueWith({ consumer });

    queue.send('a');
    queue.send('b');
    await queue.drain();

    expect(events[0]?.Records).toHaveLength(2);
    expect(deliveriesOf(events, 'a')).toHaveLength(2);
    expect(deliveriesOf(events, 'b')).toHaveLength(2);
  });

  it('hands the consumer a copy, so a consumer that mutates its event cannot change a retry', async () => {
    const { events, consumer } = recordingConsumer((event, call) => {
      const record = event.Records[0]!;
      const failure = { batchItemFailures: [{ itemIdentifier: record.messageId }] };
      record.body = 'changed';
      return call === 1 ? failure : undefined;
    });
    const queue = queueWith({ consumer });

    queue.send('original');
    await queue.drain();

    expect(events).toHaveLength(2);
    expect(queue.stats().succeeded).toBe(1);
    expect(deliveriesOf(events, 'changed')).toHaveLength(2);
  });

  it('keeps at most `concurrency` consumer calls in flight', async () => {
    let running = 0;
    let mostRunning = 0;
    const queue = queueWith({
      batchSize: 1,
      concurrency: 2,
      consumer: async () => {
        running += 1;
        mostRunning = Math.max(mostRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return undefined;
      },
    });

    for (let index = 0; index < 6; index += 1) queue.send(`m${index}`);
    await queue.drain();

    expect(mostRunning).toBe(2);
    expect(queue.stats().succeeded).toBe(6);
  });

  describe('overlapping batches with a poison message', () => {
    /**
     * A handler as the ingest Lambda builds one: a Powertools BatchProcessor at module level. The
     * first batch holds the poison message and a slow one that finishes only once a second batch
     * has started in the same process.
     */
    function lambdaModule(secondBatchStarted: Promise<void>, markSecondBatch: () => void): SqsConsumer {
      const processor = new BatchProcessor(EventType.SQS);
      return (event) =>
        processPartialResponse(
          event,
          async (record: SQSRecord) => {
            if (record.body === 'poison') throw new Error('poison');
            if (record.body === 'slow') await secondBatchStarted;
            if (record.body === 'second') markSecondBatch();
          },
          processor,
          { throwOnFullBatchFailure: false },
        );
    }

    function overlapping(consumer: LocalQueueConsumer) {
      const queue = queueWith({ ...consumer, batchSize: 2, concurrency: 2, maxReceiveCount: 2 });
      queue.send('poison');
      queue.send('slow');
      queue.send('second');
      queue.send('other');
      return queue;
    }

    function gate() {
      let open = () => {};
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      return { opened, open };
    }

    it('gives each concurrent invocation its own environment, so the poison message is never acknowledged', async () => {
      const { opened, open } = gate();
      let environments = 0;
      const queue = overlapping({
        environment: () => {
          environments += 1;
          return lambdaModule(opened, open);
        },
      });
      await queue.drain();

      expect(queue.deadLetters().map((letter) => letter.body)).toEqual(['poison']);
      expect(queue.stats()).toMatchObject({ succeeded: 3, deadLettered: 1 });
      expect(environments).toBe(2);
    });

    it('shows why: one shared handler mixes the batches, and healthy messages pay for the poison', async () => {
      const { opened, open } = gate();
      const queue = overlapping({ consumer: lambdaModule(opened, open) });
      await queue.drain();

      const dead = queue.deadLetters();
      expect(dead.map((letter) => letter.body)).toEqual(expect.arrayContaining(['second', 'other']));
      expect(dead.find((letter) => letter.body === 'other')?.failure).toBe(
        'batch response names an item that is not in the batch',
      );
    });
  });

  it('drains immediately when empty and only after retries have finished otherwise', async () => {
    let calls = 0;
    const queue = queueWith({
      retryDelayMs: () => 30,
      consumer: async (event) => {
        calls += 1;
        return calls === 1
          ? { batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] }
          : undefined;
      },
    });
    await queue.drain();

    queue.send('late');
    await queue.drain();

    expect(calls).toBe(2);
    expect(queue.stats().succeeded).toBe(1);
  });

  it('leaves no timers running after close, even with a retry or a delivery pending', async () => {
    vi.useFakeTimers();
    try {
      const retrying = createLocalQueue({
        retryDelayMs: () => 60_000,
        consumer: async () => {
          throw new Error('down');
        },
      });
      retrying.send('waiting for a retry');
      await vi.advanceTimersByTimeAsync(1);
      expect(retrying.stats().retried).toBe(1);
      expect(vi.getTimerCount()).toBe(1);

      await retrying.close();
      await retrying.drain();
      expect(vi.getTimerCount()).toBe(0);
      expect(() => retrying.send('after close')).toThrow(/closed/);

      const scheduled = createLocalQueue({ consumer: async () => undefined });
      scheduled.send('not yet delivered');
      expect(vi.getTimerCount()).toBe(1);
      await scheduled.close();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses bodies SQS would refuse', () => {
    const queue = queueWith({ consumer: async () => undefined });

    expect(() => queue.send('')).toThrow(RangeError);
    expect(() => queue.send('x'.repeat(262_145))).toThrow(RangeError);
  });
});

describe('md5OfMessageAttributes', () => {
  it('matches the digest SQS returns for a published example', () => {
    const attributes = {
      ordinal: { dataType: 'Number', stringValue: '1' },
      category: { dataType: 'String', stringValue: 'test' },
    };

    expect(md5OfMessageAttributes(attributes)).toBe('d21ae90c49061e927f57df5f5d72be1f');
  });
});

describe('failedMessages (Lambda reading of a batch response)', () => {
  const batch = [{ messageId: 'm1' }, { messageId: 'm2' }];

  it.each([
    ['nothing', undefined, []],
    ['null', null, []],
    ['an empty object', {}, []],
    ['an empty list', { batchItemFailures: [] }, []],
    ['a null list', { batchItemFailures: null }, []],
    ['one failure', { batchItemFailures: [{ itemIdentifier: 'm2' }] }, ['m2']],
    ['an empty identifier', { batchItemFailures: [{ itemIdentifier: '' }] }, ['m1', 'm2']],
    ['a null identifier', { batchItemFailures: [{ itemIdentifier: null }] }, ['m1', 'm2']],
    ['a misspelt key', { batchItemFailures: [{ itemIdentifer: 'm1' }] }, ['m1', 'm2']],
    ['a string', 'ok', ['m1', 'm2']],
    ['a non-list', { batchItemFailures: 'm1' }, ['m1', 'm2']],
  ])('%s', (_name, response, failed) => {
    expect([...failedMessages(response, batch).keys()]).toEqual(failed);
  });
});
