/**
 * The API function's configuration: the shared settings (table, bucket, stage, logging, pilot
 * districts) plus the API's own, read once at cold start and failing fast with the variable's name.
 *
 * Keys. Cursors are sealed with a 32-byte key and employers' candidate pseudonyms are keyed HMACs.
 * Either key may be set directly (CURSOR_KEY, several comma-separated for rotation, the first
 * sealing; PSEUDONYM_KEY). Otherwise both are derived with HKDF-SHA256 from the programme's NIK key
 * (NIK_KEY_SECRET_ARN on AWS, NIK_KEY locally), each under its own label, so no key is used for two
 * purposes and the deployed function needs no secret beyond the one it already reads.
 */
import { z } from 'zod';
import { ValidationError } from '#core/domain/errors';
import {
  EXAMPLE_SERVICE_DIRECTORY,
  parseServiceDirectory,
  type ServiceDirectory,
} from '#core/protection/services';
import {
  type CommonConfig,
  ConfigError,
  DEFAULT_MAX_UPLOAD_BYTES,
  readRematchConfig,
} from '#functions/shared/config';

export const DEFAULT_UPLOAD_URL_TTL_SECONDS = 900;
export const DEFAULT_CURSOR_MAX_AGE_SECONDS = 24 * 60 * 60;

const positiveInteger = z.coerce.number().int().positive();

const apiSchema = z
  .object({
    CURSOR_KEY: z.string().trim().min(1).optional(),
    PSEUDONYM_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    NIK_KEY_SECRET_ARN: z.string().trim().min(1).optional(),
    NIK_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Same variable as the ingest function, so the API never signs an upload ingest would refuse. */
    MAX_UPLOAD_BYTES: positiveInteger.default(DEFAULT_MAX_UPLOAD_BYTES),
    UPLOAD_URL_TTL_SECONDS: positiveInteger
      .max(7 * 24 * 60 * 60, 'S3 presigned URLs last at most 7 days')
      .default(DEFAULT_UPLOAD_URL_TTL_SECONDS),
    CURSOR_MAX_AGE_SECONDS: positiveInteger.default(DEFAULT_CURSOR_MAX_AGE_SECONDS),
    /** Where the assessment app is served; invitation links point there. Optional: without it, no link. */
    ASSESSMENT_APP_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The referral directory as JSON (docs/protection.md); absent = the shipped example entries. */
    SERVICE_DIRECTORY: z.string().trim().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NIK_KEY_SECRET_ARN !== undefined && env.NIK_KEY !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['NIK_KEY'],
        message: 'set NIK_KEY_SECRET_ARN or NIK_KEY, not both',
      });
    }
    const derived = env.CURSOR_KEY === undefined || env.PSEUDONYM_KEY === undefined;
    if (derived && env.NIK_KEY_SECRET_ARN === undefined && env.NIK_KEY === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['CURSOR_KEY'],
        message:
          'set CURSOR_KEY and PSEUDONYM_KEY, or a NIK key (NIK_KEY_SECRET_ARN or NIK_KEY) to derive them from',
      });
    }
  });

export type KeySource = { secretArn: string } | { value: string };

export interface ApiConfig extends CommonConfig {
  /** Configured cursor keys (base64 or hex); absent = derived from `masterKey`. */
  cursorKeys?: string[];
  pseudonymKey?: string;
  masterKey?: KeySource;
  maxUploadBytes: number;
  uploadUrlTtlSeconds: number;
  cursorMaxAgeMs: number;
  assessmentAppUrl?: string;
  services: ServiceDirectory;
}

function readServiceDirectory(json: string | undefined): ServiceDirectory {
  if (json === undefined) return EXAMPLE_SERVICE_DIRECTORY;
  try {
    return parseServiceDirectory(JSON.parse(json));
  } catch (error) {
    const why =
      error instanceof ValidationError || error instanceof SyntaxError ? error.message : String(error);
    throw new ConfigError(`invalid configuration: SERVICE_DIRECTORY: ${why}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function readApiConfig(env: Env): ApiConfig {
  // The settings every function shares; the rematch reader is exactly those.
  const common = readRematchConfig(env);
  const result = apiSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const api = result.data;
  const config: ApiConfig = {
    ...common,
    maxUploadBytes: api.MAX_UPLOAD_BYTES,
    uploadUrlTtlSeconds: api.UPLOAD_URL_TTL_SECONDS,
    cursorMaxAgeMs: api.CURSOR_MAX_AGE_SECONDS * 1000,
    services: readServiceDirectory(api.SERVICE_DIRECTORY),
  };
  if (api.CURSOR_KEY !== undefined) config.cursorKeys = api.CURSOR_KEY.split(',').map((k) => k.trim());
  if (api.PSEUDONYM_KEY !== undefined) config.pseudonymKey = api.PSEUDONYM_KEY;
  if (api.ASSESSMENT_APP_URL !== undefined) config.assessmentAppUrl = api.ASSESSMENT_APP_URL;
  if (api.NIK_KEY_SECRET_ARN !== undefined) config.masterKey = { secretArn: api.NIK_KEY_SECRET_ARN };
  else if (api.NIK_KEY !== undefined) config.masterKey = { value: api.NIK_KEY };
  return config;
}
