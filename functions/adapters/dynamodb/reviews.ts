/**
 * Review state of opportunities (holds and their releases, docs/protection.md): one item per
 * opportunity, `HOLD#VAC#<id>` / `HOLD`, listed per district through gsi1 `HOLDS#DISTRICT#<d>`.
 * Saves are conditional on the version read (optimistic concurrency, no transactions).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { OpportunityKind } from '#core/domain/profiles';
import type { OpportunityReview, OpportunityReviewRepository } from '#core/protection/review';
import {
  type AdapterOptions,
  collect,
  type Item,
  opportunityPrefix,
  putNextVersion,
  queryAll,
  TableContext,
  withoutKeys,
} from './common.ts';
import { GSI1 } from './table.ts';

export const reviewKeys = {
  item: (kind: OpportunityKind, id: string) => ({ pk: `HOLD#${opportunityPrefix(kind)}#${id}`, sk: 'HOLD' }),
  district: (district: string) => `HOLDS#DISTRICT#${district}`,
  inDistrict: (kind: OpportunityKind, id: string) => `${opportunityPrefix(kind)}#${id}`,
};

function toItem(review: OpportunityReview): Item {
  return {
    ...reviewKeys.item(review.kind, review.opportunityId),
    [GSI1.pk]: reviewKeys.district(review.district),
    [GSI1.sk]: reviewKeys.inDistrict(review.kind, review.opportunityId),
    entity: 'opportunity-review',
    ...review,
  };
}

function toReview(item: Item): OpportunityReview {
  return withoutKeys(item) as unknown as OpportunityReview;
}

export class DynamoOpportunityReviewRepository implements OpportunityReviewRepository {
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async get(kind: OpportunityKind, opportunityId: string): Promise<OpportunityReview | undefined> {
    const out = await this.ctx.doc.send(
      new GetCommand({
        TableName: this.ctx.tableName,
        Key: reviewKeys.item(kind, opportunityId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? toReview(out.Item) : undefined;
  }

  async save(review: OpportunityReview): Promise<void> {
    await putNextVersion(
      this.ctx,
      toItem(review) as Item & { version: number },
      `the review of ${review.kind} ${review.opportunityId} changed meanwhile`,
    );
  }

  listByDistrict(district: string): Promise<OpportunityReview[]> {
    return collect(
      (async function* (ctx: TableContext) {
        const items = queryAll(ctx, {
          IndexName: GSI1.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': GSI1.pk },
          ExpressionAttributeValues: { ':pk': reviewKeys.district(district) },
        });
        for await (const item of items) yield toReview(item);
      })(this.ctx),
    );
  }
}
