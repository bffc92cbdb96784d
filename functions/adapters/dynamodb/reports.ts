/** Processing reports of uploads, by upload id and per owner (employer or provider) for scoping. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest, ReportRepository, UploadReportRecord } from '#core/ports';
import {
  type AdapterOptions,
  assertItemSize,
  type Item,
  queryPage,
  TableContext,
  withoutKeys,
} from './common.ts';
import { GSI2 } from './table.ts';

export const reportKeys = {
  report: (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'REPORT' }),
  owner: (ownerId: string) => `OWNER#${ownerId}`,
  ofOwner: (createdAt: string, uploadId: string) => `UPLOAD#${createdAt}#${uploadId}`,
};

function toItem<Report>(record: UploadReportRecord<Report>): Item {
  return {
    ...reportKeys.report(record.uploadId),
    [GSI2.pk]: reportKeys.owner(record.ownerId),
    [GSI2.sk]: reportKeys.ofOwner(record.createdAt, record.uploadId),
    entity: 'report',
    ...record,
  };
}

function toRecord<Report>(item: Item): UploadReportRecord<Report> {
  return withoutKeys(item) as unknown as UploadReportRecord<Report>;
}

export class DynamoReportRepository<Report = Record<string, unknown>> implements ReportRepository<Report> {
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async put(record: UploadReportRecord<Report>): Promise<void> {
    const item = toItem(record);
    assertItemSize(item, `report of upload ${record.uploadId}`);
    await this.ctx.doc.send(new PutCommand({ TableName: this.ctx.tableName, Item: item }));
  }

  async get(uploadId: string): Promise<UploadReportRecord<Report> | undefined> {
    const out = await this.ctx.doc.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: reportKeys.report(uploadId) }),
    );
    return out.Item ? toRecord<Report>(out.Item) : undefined;
  }

  listByOwner(ownerId: string, page?: PageRequest): Promise<Page<UploadReportRecord<Report>>> {
    return queryPage(
      this.ctx,
      {
        IndexName: GSI2.name,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': GSI2.pk, '#sk': GSI2.sk },
        ExpressionAttributeValues: { ':pk': reportKeys.owner(ownerId), ':prefix': 'UPLOAD#' },
      },
      page,
      (item) => toRecord<Report>(item),
    );
  }
}
