/** Composition root of the rematch functions: clients once per execution environment. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { createMatchingSetup } from '#core/usecases/setup';
import { DynamoOpportunityRepository } from '#functions/adapters/dynamodb/opportunities';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { DynamoOpportunityReviewRepository } from '#functions/adapters/dynamodb/reviews';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { createReportWriter } from '#functions/adapters/s3/reports';
import type { RematchConfig } from '#functions/shared/config';
import { createLogger } from '#functions/shared/logger';
import type { RematchAuditDeps, RematchDeps } from './rematch.ts';

export interface RematchClients {
  dynamodb?: DynamoDBClient;
  s3?: S3Client;
  now?: () => number;
}

export function createRematchDeps(config: RematchConfig, clients: RematchClients = {}): RematchDeps {
  const table = { client: clients.dynamodb ?? new DynamoDBClient({}), tableName: config.tableName };
  return {
    ports: {
      youth: new DynamoYouthRepository(table),
      opportunities: new DynamoOpportunityRepository(table),
      recommendations: new DynamoRecommendationRepository(table),
      reviews: new DynamoOpportunityReviewRepository(table),
    },
    setup: createMatchingSetup({ pilotDistricts: config.pilotDistricts }),
    logger: createLogger(config),
    now: clients.now ?? Date.now,
  };
}

export function createRematchAuditDeps(
  config: RematchConfig,
  clients: RematchClients = {},
): RematchAuditDeps {
  const s3 = clients.s3 ?? new S3Client({});
  return {
    ...createRematchDeps(config, clients),
    reports: createReportWriter({ s3, bucket: config.uploadsBucket }),
  };
}
