/**
 * What the managers' summary reads per district, all by key, never a Scan:
 *
 * - youth ids of a district from the youth district index (gsi1, keys only projected);
 * - outcome counters: one item per district, `STATS#DISTRICT#<d>` / `OUTCOMES`, one number per
 *   outcome type, incremented atomically when a counsellor records an outcome;
 * - review flags: one item per complained-about opportunity, `REVIEW#DISTRICT#<d>` /
 *   `VAC#<id>` (or `TRN#<id>`), in the opportunity's district, with the number of complaints and
 *   the first and last complaint time.
 *
 * Neither counters nor flags name a youth, carry a note or an actor: they are aggregates, so the
 * erasure of a youth leaves them as they are (the complaint itself, with its note, lives in the
 * youth's outcome history and goes with it).
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OpportunityKind } from '#core/domain/profiles';
import {
  type DistrictStats,
  OUTCOME_TYPES,
  type OutcomeCounts,
  type OutcomeType,
  type ReviewFlag,
} from '#core/ports';
import { type AdapterOptions, type Item, opportunityPrefix, queryAll, TableContext } from './common.ts';
import { GSI1 } from './table.ts';
import { youthKeys } from './youth.ts';

export const statsKeys = {
  outcomes: (district: string) => ({ pk: `STATS#DISTRICT#${district}`, sk: 'OUTCOMES' }),
  reviews: (district: string) => `REVIEW#DISTRICT#${district}`,
  review: (district: string, kind: OpportunityKind, id: string) => ({
    pk: statsKeys.reviews(district),
    sk: `${opportunityPrefix(kind)}#${id}`,
  }),
};

const YOUTH_PREFIX = youthKeys.inDistrict('');

export function emptyOutcomeCounts(): OutcomeCounts {
  return Object.fromEntries(OUTCOME_TYPES.map((t) => [t, 0])) as OutcomeCounts;
}

function toReviewFlag(item: Item): ReviewFlag {
  return {
    kind: item.kind as OpportunityKind,
    opportunityId: item.opportunityId as string,
    complaints: item.complaints as number,
    firstComplaintAt: item.firstComplaintAt as string,
    lastComplaintAt: item.lastComplaintAt as string,
  };
}

export class DynamoDistrictStats implements DistrictStats {
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async youthIdsInDistrict(district: string): Promise<string[]> {
    const ids: string[] = [];
    const items = queryAll(this.ctx, {
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      // Only the index key: a 1 MB page then holds tens of thousands of ids instead of ~400 profiles.
      ProjectionExpression: '#sk',
      ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk },
      ExpressionAttributeValues: { ':pk': youthKeys.district(district), ':prefix': YOUTH_PREFIX },
    });
    for await (const item of items) ids.push((item[GSI1.sk] as string).slice(YOUTH_PREFIX.length));
    return ids;
  }

  async countOutcome(district: string, type: OutcomeType): Promise<void> {
    await this.ctx.doc.send(
      new UpdateCommand({
        TableName: this.ctx.tableName,
        Key: statsKeys.outcomes(district),
        UpdateExpression: 'SET #entity = :entity, #district = :district ADD #type :one',
        ExpressionAttributeNames: { '#entity': 'entity', '#district': 'district', '#type': type },
        ExpressionAttributeValues: { ':entity': 'outcome-counts', ':district': district, ':one': 1 },
      }),
    );
  }

  async outcomeCounts(district: string): Promise<OutcomeCounts> {
    const out = await this.ctx.doc.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: statsKeys.outcomes(district) }),
    );
    const item = out.Item;
    const counts = emptyOutcomeCounts();
    for (const type of OUTCOME_TYPES) {
      const value = item?.[type];
      if (typeof value === 'number') counts[type] = value;
    }
    return counts;
  }

  async flagForReview(
    district: string,
    opportunity: { kind: OpportunityKind; id: string },
    at: string,
  ): Promise<void> {
    await this.ctx.doc.send(
      new UpdateCommand({
        TableName: this.ctx.tableName,
        Key: statsKeys.review(district, opportunity.kind, opportunity.id),
        UpdateExpression:
          'SET #entity = :entity, #kind = :kind, #id = :id, #first = if_not_exists(#first, :at), #last = :at ADD #complaints :one',
        ExpressionAttributeNames: {
          '#entity': 'entity',
          '#kind': 'kind',
          '#id': 'opportunityId',
          '#first': 'firstComplaintAt',
          '#last': 'lastComplaintAt',
          '#complaints': 'complaints',
        },
        ExpressionAttributeValues: {
          ':entity': 'review-flag',
          ':kind': opportunity.kind,
          ':id': opportunity.id,
          ':at': at,
          ':one': 1,
        },
      }),
    );
  }

  async reviewFlags(district: string): Promise<ReviewFlag[]> {
    const flags: ReviewFlag[] = [];
    const items = queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': statsKeys.reviews(district) },
    });
    for await (const item of items) flags.push(toReviewFlag(item));
    return flags;
  }
}
