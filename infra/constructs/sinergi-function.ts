/**
 * The one way this project builds a Lambda function: Node.js 22 on arm64, an ESM bundle made by the
 * local esbuild (no Docker), the AWS SDK left to the runtime, X-Ray tracing, its own log group with a
 * retention, and Powertools settings that never log an event payload.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations, type Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { LogLevel } from '../stacks/config.ts';

/** Repository root: entries, package-lock.json and tsconfig.json are resolved from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundled CommonJS dependencies (exceljs and friends) call `require`, which an ES module lacks;
 * the banner gives the bundle one that resolves relative to itself.
 */
const ESM_REQUIRE_BANNER =
  "import { createRequire as sinergiCreateRequire } from 'node:module';" +
  'const require = sinergiCreateRequire(import.meta.url);';

export interface SinergiFunctionProps {
  /** Entry file relative to the repository root, exporting `handler` (e.g. `functions/api/handler.ts`). */
  entry: string;
  description: string;
  /** Powertools service name (appears on every log line and trace). */
  serviceName: string;
  stage: string;
  logLevel: LogLevel;
  timeout: Duration;
  memorySize?: number;
  logRetention?: logs.RetentionDays;
  environment?: Record<string, string>;
}

/** Every function gets these; handlers read them through their validated config. */
function powertoolsEnvironment(props: Pick<SinergiFunctionProps, 'serviceName' | 'logLevel' | 'stage'>) {
  return {
    POWERTOOLS_SERVICE_NAME: props.serviceName,
    POWERTOOLS_LOG_LEVEL: props.logLevel,
    // Events carry NIK-derived data, names and disability fields: never log them.
    POWERTOOLS_LOGGER_LOG_EVENT: 'false',
    POWERTOOLS_METRICS_NAMESPACE: 'SinergiMatch',
    STAGE: props.stage,
    NODE_OPTIONS: '--enable-source-maps',
  };
}

/**
 * Template-only synths (tests, `cdk synth` of a stack not being bundled) may run before a handler
 * file exists. NodejsFunction refuses a missing entry even when it will not bundle, so in that case
 * the function gets code that fails loudly if it were ever invoked; a synth that bundles never does.
 */
function codeFor(
  scope: Construct,
  entryPath: string,
  entry: string,
): { code: lambda.Code; handler: string } | undefined {
  if (existsSync(entryPath)) return undefined;
  if (Stack.of(scope).bundlingRequired) {
    throw new Error(
      `Lambda entry ${entry} does not exist; it must export "handler" before this stack can be bundled`,
    );
  }
  Annotations.of(scope).addWarningV2(
    'sinergi:missing-entry',
    `${entry} does not exist yet; synthesised without bundling`,
  );
  const message = JSON.stringify(`${entry} was synthesised without a bundle; deploy with bundling`);
  return {
    code: lambda.Code.fromInline(`exports.handler = async () => { throw new Error(${message}); };`),
    handler: 'index.handler',
  };
}

export class SinergiFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: SinergiFunctionProps) {
    const entryPath = join(PROJECT_ROOT, props.entry);
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
    });
    // A role of our own, so log writes are scoped to this function's log group instead of the
    // managed AWSLambdaBasicExecutionRole (logs:* on every group).
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.serviceName} (${props.stage}) function role`,
    });
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    const fallback = codeFor(scope, entryPath, props.entry);
    super(scope, id, {
      ...(fallback ?? { entry: entryPath, handler: 'handler' }),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout,
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      environment: { ...powertoolsEnvironment(props), ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        externalModules: ['@aws-sdk/*'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        tsconfig: join(PROJECT_ROOT, 'tsconfig.json'),
        forceDockerBundling: false,
      },
    });
  }
}
