/**
 * The ingest function's composition root: clients built once per execution environment, adapters,
 * reference data and the NIK key. The local stack calls it with its own clients.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { isKnownDistrict } from '#core/reference/districts';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext } from '#core/scoring/index';
import type { LedgerSummary } from '#core/usecases/report';
import { createMatchingSetup } from '#core/usecases/setup';
import { DynamoOpportunityRepository } from '#functions/adapters/dynamodb/opportunities';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { DynamoReportRepository } from '#functions/adapters/dynamodb/reports';
import { retryTransientRequests } from '#functions/adapters/dynamodb/request-retry';
import { DynamoOpportunityReviewRepository } from '#functions/adapters/dynamodb/reviews';
import { DynamoUploadLedger } from '#functions/adapters/dynamodb/uploads';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { createReportWriter, type TableReport } from '#functions/adapters/s3/reports';
import type { IngestConfig } from '#functions/shared/config';
import { createLogger } from '#functions/shared/logger';
import { loadNikPseudonymiser } from '#functions/shared/nik-key';
import type { IngestHandlerDeps } from './ingest.ts';

export interface IngestClients {
  dynamodb?: DynamoDBClient;
  s3?: S3Client;
  secrets?: SecretsManagerClient;
  now?: () => number;
}

export async function createIngestDeps(
  config: IngestConfig,
  clients: IngestClients = {},
): Promise<IngestHandlerDeps> {
  const dynamodb = clients.dynamodb ?? new DynamoDBClient({});
  // A failed request is retried by itself, so one throttled batch never restarts the whole file.
  retryTransientRequests(dynamodb);
  const s3 = clients.s3 ?? new S3Client({});
  const table = { client: dynamodb, tableName: config.tableName };
  const scoring = createScoringContext();
  const pseudonymiseNik = await loadNikPseudonymiser(
    config.nikKey,
    () => clients.secrets ?? new SecretsManagerClient({}),
  );
  return {
    s3,
    logger: createLogger(config),
    ledger: new DynamoUploadLedger<LedgerSummary>(table),
    reports: createReportWriter({
      s3,
      bucket: config.uploadsBucket,
      reports: new DynamoReportRepository<TableReport>(table),
    }),
    maxUploadBytes: config.maxUploadBytes,
    ledgerLeaseMs: config.ledgerLeaseMs,
    pipeline: {
      youth: new DynamoYouthRepository(table),
      opportunities: new DynamoOpportunityRepository(table),
      recommendations: new DynamoRecommendationRepository(table),
      reviews: new DynamoOpportunityReviewRepository(table),
      scoring,
      occupations: occupationReference.lookup,
      matching: createMatchingSetup({ pilotDistricts: config.pilotDistricts }),
      pseudonymiseNik,
      isKnownDistrict,
      now: clients.now ?? Date.now,
    },
  };
}
