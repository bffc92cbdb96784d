/**
 * Deployment settings, read once from CDK context (`cdk.json` or `-c key=value`) and validated so a
 * typo fails the synth with the setting's name instead of deploying something half-configured.
 */
import type { Node } from 'constructs';

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DeploymentConfig {
  /** Environment name (`dev`, `staging`, `prod`); part of stack names and tags, never of physical names. */
  stage: string;
  /** Powertools log level of every function. */
  logLevel: LogLevel;
  /** The one browser origin (counsellor web app) allowed by the API's CORS and the uploads bucket. */
  corsOrigin: string;
  /** Optional e-mail address subscribed to the alarm topic. */
  alarmEmail?: string;
  /**
   * Cognito threat protection (Plus feature plan, adaptive authentication, compromised credentials).
   * On by default; switch off only in a region where the Plus plan is not offered.
   */
  cognitoThreatProtection: boolean;
}

/** Only the development stage may fall back to a local web app origin; every other stage must name it. */
const DEV_STAGE = 'dev';
const DEV_CORS_ORIGIN = 'http://localhost:5173';
const STAGE_PATTERN = /^[a-z][a-z0-9-]{1,15}$/;
const ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type ContextReader = Pick<Node, 'tryGetContext'>;

function text(node: ContextReader, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'boolean') {
    throw new ConfigError(`context "${key}" must be a string, got ${typeof value}`);
  }
  return String(value);
}

function readStage(node: ContextReader): string {
  const stage = text(node, 'stage') ?? DEV_STAGE;
  if (!STAGE_PATTERN.test(stage)) {
    throw new ConfigError(
      `context "stage" must match ${STAGE_PATTERN} (lowercase, 2-16 chars), got "${stage}"`,
    );
  }
  return stage;
}

function readLogLevel(node: ContextReader): LogLevel {
  const level = (text(node, 'logLevel') ?? 'INFO').toUpperCase();
  const known = LOG_LEVELS.find((l) => l === level);
  if (!known)
    throw new ConfigError(`context "logLevel" must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  return known;
}

function readCorsOrigin(node: ContextReader, stage: string): string {
  const origin = text(node, 'corsOrigin') ?? (stage === DEV_STAGE ? DEV_CORS_ORIGIN : undefined);
  if (origin === undefined) {
    throw new ConfigError(
      `context "corsOrigin" is required for stage "${stage}" (e.g. https://sinergi.example.id)`,
    );
  }
  if (!ORIGIN_PATTERN.test(origin)) {
    throw new ConfigError(`context "corsOrigin" must be a scheme://host[:port] origin, got "${origin}"`);
  }
  if (stage !== DEV_STAGE && !origin.startsWith('https://')) {
    throw new ConfigError(`context "corsOrigin" must use https outside the "${DEV_STAGE}" stage`);
  }
  return origin;
}

function readAlarmEmail(node: ContextReader): string | undefined {
  const email = text(node, 'alarmEmail');
  if (email !== undefined && !EMAIL_PATTERN.test(email)) {
    throw new ConfigError(`context "alarmEmail" is not an e-mail address: "${email}"`);
  }
  return email;
}

function readFlag(node: ContextReader, key: string, fallback: boolean): boolean {
  const value = text(node, key);
  if (value === undefined) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(`context "${key}" must be true or false, got "${value}"`);
}

export function readDeploymentConfig(node: ContextReader): DeploymentConfig {
  const stage = readStage(node);
  const alarmEmail = readAlarmEmail(node);
  return {
    stage,
    logLevel: readLogLevel(node),
    corsOrigin: readCorsOrigin(node, stage),
    ...(alarmEmail ? { alarmEmail } : {}),
    cognitoThreatProtection: readFlag(node, 'cognitoThreatProtection', true),
  };
}

/** Where the web app serves the youth assessment, under the app's origin; invitation links point there. */
export const ASSESSMENT_APP_PATH = '/asesmen/';
