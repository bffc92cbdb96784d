/**
 * Outcome history per youth: append-only, oldest first, with actor and time. Outcomes about an
 * opportunity are also indexed under it, so complaints can be reviewed per vacancy or training.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OpportunityKind } from '#core/domain/profiles';
import type {
  OutcomeIdempotency,
  OutcomeRecord,
  OutcomeRepository,
  OutcomeReservation,
  Page,
  PageRequest,
} from '#core/ports';
import {
  type AdapterOptions,
  conditionally,
  type Item,
  isConditionalCheckFailed,
  opportunityPrefix,
  queryPage,
  TableContext,
  withoutKeys,
  youthPartition,
} from './common.ts';
import { GSI1 } from './table.ts';

export const outcomeKeys = {
  item: (outcome: OutcomeRecord) => ({
    pk: youthPartition(outcome.youthId),
    sk: `OUTCOME#${outcome.at}#${outcome.outcomeId}`,
  }),
  idempotency: (scope: string) => ({ pk: `IDEMPOTENCY#${scope}`, sk: 'OUTCOME' }),
  ofOpportunity: (kind: OpportunityKind, opportunityId: string) =>
    `OUTCOME#${opportunityPrefix(kind)}#${opportunityId}`,
  inOpportunity: (outcome: OutcomeRecord) => `${outcome.at}#${outcome.outcomeId}`,
};

function toItem(outcome: OutcomeRecord): Item {
  return {
    ...outcomeKeys.item(outcome),
    ...(outcome.opportunity
      ? {
          [GSI1.pk]: outcomeKeys.ofOpportunity(outcome.opportunity.kind, outcome.opportunity.id),
          [GSI1.sk]: outcomeKeys.inOpportunity(outcome),
        }
      : {}),
    entity: 'outcome',
    ...outcome,
  };
}

export function toOutcome(item: Item): OutcomeRecord {
  return withoutKeys(item) as unknown as OutcomeRecord;
}

export class DynamoOutcomeRepository implements OutcomeRepository {
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async append(outcome: OutcomeRecord): Promise<void> {
    await conditionally(
      () =>
        this.ctx.doc.send(
          new PutCommand({
            TableName: this.ctx.tableName,
            Item: toItem(outcome),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      `outcome ${outcome.outcomeId} is already recorded`,
    );
  }

  /** One item per key; `ttl` lets DynamoDB expire it, and reads ignore it once expired. */
  async reserve(
    key: OutcomeIdempotency,
    outcome: OutcomeRecord,
    nowSeconds: number,
  ): Promise<OutcomeReservation> {
    const Key = outcomeKeys.idempotency(key.scope);
    try {
      await this.ctx.doc.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: { ...Key, entity: 'idempotency', fingerprint: key.fingerprint, outcome, ttl: key.expiresAt },
          ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
      );
      return { first: true };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    const out = await this.ctx.doc.send(
      new GetCommand({ TableName: this.ctx.tableName, Key, ConsistentRead: true }),
    );
    if (!out.Item) return this.reserve(key, outcome, nowSeconds);
    return {
      first: false,
      fingerprint: out.Item.fingerprint as string,
      outcome: out.Item.outcome as OutcomeRecord,
    };
  }

  listByYouth(youthId: string, page?: PageRequest): Promise<Page<OutcomeRecord>> {
    return queryPage(
      this.ctx,
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': youthPartition(youthId), ':prefix': 'OUTCOME#' },
      },
      page,
      toOutcome,
    );
  }

  listByOpportunity(
    kind: OpportunityKind,
    opportunityId: string,
    page?: PageRequest,
  ): Promise<Page<OutcomeRecord>> {
    return queryPage(
      this.ctx,
      {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': outcomeKeys.ofOpportunity(kind, opportunityId) },
      },
      page,
      toOutcome,
    );
  }
}
