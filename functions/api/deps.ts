/**
 * The API function's composition root: clients built once per execution environment, adapters,
 * keys and the served OpenAPI document. The local stack and the tests pass their own clients.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { YouthRecommendationFacts } from '#core/matching/types';
import { DEFAULT_CASE_RULES } from '#core/protection/cases';
import { createScoringContext } from '#core/scoring/score';
import { createSkillVocabulary } from '#core/skills/vocabulary';
import { DynamoAttemptThrottle } from '#functions/adapters/dynamodb/attempts';
import { DynamoCaseRepository } from '#functions/adapters/dynamodb/cases';
import { DynamoDistrictStats } from '#functions/adapters/dynamodb/district-stats';
import { DynamoInvitationRepository } from '#functions/adapters/dynamodb/invitations';
import { DynamoOpportunityRepository } from '#functions/adapters/dynamodb/opportunities';
import { DynamoOutcomeRepository } from '#functions/adapters/dynamodb/outcomes';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { DynamoReportRepository } from '#functions/adapters/dynamodb/reports';
import { DynamoOpportunityReviewRepository } from '#functions/adapters/dynamodb/reviews';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { s3AssessmentInbox } from '#functions/adapters/s3/assessment-inbox';
import { s3UploadSigner } from '#functions/adapters/s3/upload-signer';
import { createLogger } from '#functions/shared/logger';
import { loadNikKey } from '#functions/shared/nik-key';
import openApiDocument from '../../openapi/openapi.json' with { type: 'json' };
import { s3AuditReader } from './audits.ts';
import { candidatePseudonymiser } from './auth/pseudonym.ts';
import type { ApiConfig } from './config.ts';
import { resolveApiKeys } from './keys.ts';
import type { ApiDeps } from './route.ts';

export interface ApiClients {
  dynamodb?: DynamoDBClient;
  s3?: S3Client;
  secrets?: SecretsManagerClient;
  now?: () => number;
  newId?: () => string;
}

export async function createApiDeps(config: ApiConfig, clients: ApiClients = {}): Promise<ApiDeps> {
  const dynamodb = clients.dynamodb ?? new DynamoDBClient({});
  // Checksums only when S3 requires them: a presigned PUT must not carry the checksum of an empty body.
  const s3 = clients.s3 ?? new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' });
  const table = { client: dynamodb, tableName: config.tableName };
  const skills = createSkillVocabulary();
  const masterKey = config.masterKey
    ? await loadNikKey(config.masterKey, () => clients.secrets ?? new SecretsManagerClient({}))
    : undefined;
  const keys = resolveApiKeys({
    ...(config.cursorKeys && { cursorKeys: config.cursorKeys }),
    ...(config.pseudonymKey !== undefined && { pseudonymKey: config.pseudonymKey }),
    ...(masterKey !== undefined && { masterKey }),
  });
  const youth = new DynamoYouthRepository(table);
  const recommendations = new DynamoRecommendationRepository<YouthRecommendationFacts>(table);
  const reports = new DynamoReportRepository(table);
  const now = clients.now ?? Date.now;
  const newId = clients.newId ?? randomUUID;
  const keyed = (label: string) => (value: string) =>
    createHmac('sha256', keys.invitationKey).update(`${label}:${value}`).digest('hex');
  return {
    youth,
    opportunities: new DynamoOpportunityRepository(table),
    recommendations,
    // A stored set may name a skill a later vocabulary dropped: its id is shown rather than failing the read.
    skillLabel: (id, lang) => (skills.has(id) ? skills.label(id, lang) : id),
    outcomes: new DynamoOutcomeRepository(table),
    reports,
    stats: new DynamoDistrictStats(table),
    reviews: new DynamoOpportunityReviewRepository(table),
    cases: new DynamoCaseRepository(table),
    caseRules: DEFAULT_CASE_RULES,
    services: config.services,
    uploads: s3UploadSigner(s3, config.uploadsBucket),
    audits: s3AuditReader(s3, config.uploadsBucket),
    assessment: {
      invitations: new DynamoInvitationRepository(table),
      youth,
      recommendations,
      reports,
      inbox: s3AssessmentInbox(s3, config.uploadsBucket),
      throttle: new DynamoAttemptThrottle(table),
      scoring: createScoringContext({ skills }),
      hashCode: keyed('code'),
      randomBytes: (n) => new Uint8Array(randomBytes(n)),
      newId,
      now,
    },
    ...(config.assessmentAppUrl !== undefined && { assessmentAppUrl: config.assessmentAppUrl }),
    hashSource: keyed('source'),
    cursorKeys: keys.cursorKeys,
    cursorMaxAgeMs: config.cursorMaxAgeMs,
    pseudonymise: candidatePseudonymiser(keys.pseudonymKey),
    pilotDistricts: config.pilotDistricts,
    maxUploadBytes: config.maxUploadBytes,
    uploadUrlTtlSeconds: config.uploadUrlTtlSeconds,
    serviceName: config.serviceName,
    stage: config.stage,
    logger: createLogger(config),
    now,
    newId,
    openApiDocument,
  };
}
