import { describe, expect, it } from 'vitest';
import { ConflictError } from '#core/domain/errors';
import type { OutcomeRecord } from '#core/ports';
import { DynamoOutcomeRepository } from '#functions/adapters/dynamodb/outcomes';
import { useDynamo } from './harness.ts';

const outcome = (outcomeId: string, at: string, overrides: Partial<OutcomeRecord> = {}): OutcomeRecord => ({
  outcomeId,
  youthId: 'Y1',
  type: 'contacted',
  at,
  actor: { role: 'counsellor', id: 'C7' },
  ...overrides,
});

describe('DynamoOutcomeRepository against dynalite', () => {
  const { table } = useDynamo();

  it('keeps the history of a youth oldest first, page by page', async () => {
    const repo = new DynamoOutcomeRepository(await table());
    await repo.append(outcome('o3', '2026-11-03T10:00:00.000Z', { type: 'interviewed' }));
    await repo.append(outcome('o1', '2026-11-01T10:00:00.000Z'));
    await repo.append(outcome('o2', '2026-11-02T10:00:00.000Z', { type: 'applied' }));
    await repo.append(outcome('x1', '2026-11-01T09:00:00.000Z', { youthId: 'Y2' }));
    const first = await repo.listByYouth('Y1', { limit: 2 });
    const second = await repo.listByYouth('Y1', { limit: 2, cursor: first.cursor! });
    const history = [...first.items, ...second.items];
    expect(history.map((o) => o.type)).toEqual(['contacted', 'applied', 'interviewed']);
    expect(history[0]).toEqual(outcome('o1', '2026-11-01T10:00:00.000Z'));
  });

  it('is append-only: the same outcome twice is a ConflictError and the first stays', async () => {
    const repo = new DynamoOutcomeRepository(await table());
    await repo.append(outcome('o1', '2026-11-01T10:00:00.000Z', { note: 'first' }));
    await expect(
      repo.append(outcome('o1', '2026-11-01T10:00:00.000Z', { note: 'second' })),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await repo.listByYouth('Y1')).items.map((o) => o.note)).toEqual(['first']);
  });

  it('finds complaints about an opportunity for review', async () => {
    const repo = new DynamoOutcomeRepository(await table());
    const complaint = outcome('o2', '2026-11-02T10:00:00.000Z', {
      type: 'complaint',
      note: 'Diminta membayar biaya pendaftaran',
      opportunity: { kind: 'job', id: 'V1' },
    });
    await repo.append(
      outcome('o1', '2026-11-01T10:00:00.000Z', { opportunity: { kind: 'training', id: 'V1' } }),
    );
    await repo.append(complaint);
    expect((await repo.listByOpportunity('job', 'V1')).items).toEqual([complaint]);
  });
});
