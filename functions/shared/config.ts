/**
 * Configuration of the functions: read once at cold start from the environment, validated with zod,
 * failing fast with the variable's name. Values are never echoed in errors (one of them is a key).
 */
import { z } from 'zod';
import { parseProgrammeConfig } from '#core/reference/pilot';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'] as const;

/** Above the largest expected file (16,000 assessments as XLSX is about 10 MB) with a wide margin. */
export const DEFAULT_MAX_UPLOAD_BYTES = 60 * 1024 * 1024;
/** Longer than the ingest function's 5-minute timeout, so a live run is never taken over. */
const DEFAULT_LEDGER_LEASE_MS = 6 * 60 * 1000;

const required = z.string().trim().min(1, 'is required');
const positiveInteger = z.coerce.number().int().positive();

/** Comma-separated BPS district codes; absent means the programme's default pilot districts. */
const districtList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const codes =
      value === undefined || value.trim() === '' ? undefined : value.split(',').map((c) => c.trim());
    try {
      return parseProgrammeConfig(codes === undefined ? {} : { pilotDistricts: codes }).pilotDistricts;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must list known Central Java district codes, e.g. 3374,3372',
      });
      return z.NEVER;
    }
  });

const commonSchema = z.object({
  TABLE_NAME: required,
  UPLOADS_BUCKET: required,
  STAGE: required,
  POWERTOOLS_SERVICE_NAME: required.default('sinergi'),
  POWERTOOLS_LOG_LEVEL: z.enum(LOG_LEVELS).default('INFO'),
  PILOT_DISTRICTS: districtList,
});

const ingestConfigSchema = commonSchema
  .extend({
    /** On AWS: the secret holding the NIK HMAC key. */
    NIK_KEY_SECRET_ARN: z.string().trim().min(1).optional(),
    /** Locally: the key itself (at least 32 bytes). */
    NIK_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    MAX_UPLOAD_BYTES: positiveInteger.default(DEFAULT_MAX_UPLOAD_BYTES),
    LEDGER_LEASE_MS: positiveInteger.default(DEFAULT_LEDGER_LEASE_MS),
  })
  .superRefine((env, ctx) => {
    if ((env.NIK_KEY_SECRET_ARN === undefined) === (env.NIK_KEY === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['NIK_KEY_SECRET_ARN'],
        message: 'set exactly one of NIK_KEY_SECRET_ARN (AWS) or NIK_KEY (local)',
      });
    }
  });

const rematchConfigSchema = commonSchema;

export interface CommonConfig {
  tableName: string;
  uploadsBucket: string;
  stage: string;
  serviceName: string;
  logLevel: (typeof LOG_LEVELS)[number];
  pilotDistricts: string[];
}

export interface IngestConfig extends CommonConfig {
  nikKey: { secretArn: string } | { value: string };
  maxUploadBytes: number;
  ledgerLeaseMs: number;
}

export type RematchConfig = CommonConfig;

type Env = Readonly<Record<string, string | undefined>>;

function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`,
  );
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
}

function common(env: z.output<typeof commonSchema>): CommonConfig {
  return {
    tableName: env.TABLE_NAME,
    uploadsBucket: env.UPLOADS_BUCKET,
    stage: env.STAGE,
    serviceName: env.POWERTOOLS_SERVICE_NAME,
    logLevel: env.POWERTOOLS_LOG_LEVEL,
    pilotDistricts: env.PILOT_DISTRICTS,
  };
}

export function readIngestConfig(env: Env): IngestConfig {
  const parsed = parseEnv(ingestConfigSchema, env);
  return {
    ...common(parsed),
    nikKey: parsed.NIK_KEY_SECRET_ARN ? { secretArn: parsed.NIK_KEY_SECRET_ARN } : { value: parsed.NIK_KEY! },
    maxUploadBytes: parsed.MAX_UPLOAD_BYTES,
    ledgerLeaseMs: parsed.LEDGER_LEASE_MS,
  };
}

export function readRematchConfig(env: Env): RematchConfig {
  return common(parseEnv(rematchConfigSchema, env));
}
