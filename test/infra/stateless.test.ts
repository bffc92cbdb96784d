import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_FAILURE_MESSAGES } from '#functions/ingest/record-failures';
import { LAMBDA_SERVICE_ERRORS, LIMITS } from '#infra/stacks/stateless-stack';
import { type Synthesised, synthesise } from './synth.ts';

type Resource = { Type: string; Properties?: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

let synth: Synthesised;
let template: Template;

beforeAll(() => {
  synth = synthesise();
  template = synth.stateless;
});
afterAll(() => synth.cleanup());

function logicalIdOf(construct: { node: { defaultChild?: unknown } }): string {
  const child = construct.node.defaultChild as { logicalId: string };
  return synth.stacks.stateless.resolve(child.logicalId) as string;
}

function resource(logicalId: string): Resource {
  const found = template.toJSON().Resources[logicalId] as Resource | undefined;
  if (!found) throw new Error(`no resource ${logicalId}`);
  return found;
}

function policyStatementsOf(roleLogicalId: string): Statement[] {
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleLogicalId }] } }),
  ) as Resource[];
  return policies.flatMap((p) => (p.Properties!['PolicyDocument'] as { Statement: Statement[] }).Statement);
}

function actions(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

function actionsOfRole(fn: { role?: unknown }): string[] {
  const role = fn.role as { node: { defaultChild?: unknown } };
  return policyStatementsOf(logicalIdOf(role)).flatMap(actions);
}

describe('functions', () => {
  it('run Node.js 22 on arm64 with active tracing, no event logging and a retained log group', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: Match.anyValue() } } },
    }) as Record<string, Resource>;
    expect(Object.keys(functions)).toHaveLength(5);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: expect.anything() },
        Environment: {
          Variables: expect.objectContaining({
            POWERTOOLS_LOG_LEVEL: 'INFO',
            POWERTOOLS_LOGGER_LOG_EVENT: 'false',
          }),
        },
      });
      expect(fn.Properties!['FunctionName']).toBeUndefined();
    }
  });

  it('run every function with source maps and V8 defaults otherwise', () => {
    const { ingestFunction, rematchBatchFunction, apiFunction, rematchPlanFunction } = synth.stacks.stateless;
    const nodeOptions = (fn: { node: { defaultChild?: unknown } }) =>
      (resource(logicalIdOf(fn)).Properties!['Environment'] as { Variables: Record<string, string> })
        .Variables['NODE_OPTIONS'];
    for (const fn of [ingestFunction, rematchBatchFunction, apiFunction, rematchPlanFunction]) {
      expect(nodeOptions(fn)).toBe('--enable-source-maps');
    }
  });

  it('log to groups with a retention', () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup')) as Resource[];
    expect(groups.length).toBeGreaterThanOrEqual(6);
    for (const group of groups) expect(group.Properties!['RetentionInDays']).toBeGreaterThan(0);
  });
});

describe('ingest pipeline', () => {
  it('queues upload notifications with SSE, TLS only and a dead-letter queue after five receives', () => {
    const { ingestQueue, ingestDeadLetterQueue, ingestFunction } = synth.stacks.stateless;
    const queue = resource(logicalIdOf(ingestQueue)).Properties!;
    expect(queue['SqsManagedSseEnabled']).toBe(true);
    expect(queue['RedrivePolicy']).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(ingestDeadLetterQueue), 'Arn'] },
      maxReceiveCount: 5,
    });
    const timeout = resource(logicalIdOf(ingestFunction)).Properties!['Timeout'] as number;
    expect(queue['VisibilityTimeout']).toBe(timeout * 6);
    expect(resource(logicalIdOf(ingestDeadLetterQueue)).Properties!['SqsManagedSseEnabled']).toBe(true);
    for (const q of [ingestQueue, ingestDeadLetterQueue]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalIdOf(q) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('feeds the ingest function with partial batch responses and bounded concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(synth.stacks.stateless.ingestFunction) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: LIMITS.ingestBatchSize,
      ScalingConfig: { MaximumConcurrency: LIMITS.ingestMaxConcurrency },
    });
  });

  it('notifies the queue of created objects under the three incoming/ prefixes only', () => {
    const [notifications] = Object.values(
      template.findResources('Custom::S3BucketNotifications'),
    ) as Resource[];
    const config = notifications!.Properties!['NotificationConfiguration'] as {
      QueueConfigurations: {
        Events: string[];
        Filter: { Key: { FilterRules: { Name: string; Value: string }[] } };
      }[];
    };
    const prefixes = config.QueueConfigurations.map((c) => c.Filter.Key.FilterRules);
    expect(prefixes).toEqual([
      [{ Name: 'prefix', Value: 'incoming/assessments/' }],
      [{ Name: 'prefix', Value: 'incoming/vacancies/' }],
      [{ Name: 'prefix', Value: 'incoming/trainings/' }],
    ]);
    for (const c of config.QueueConfigurations) expect(c.Events).toEqual(['s3:ObjectCreated:*']);
    // The bucket lives in the stateful stack: the configuration must merge, not replace.
    expect(notifications!.Properties!['Managed']).toBe(false);
  });
});

describe('nightly rematch', () => {
  it('is scheduled at 01:00 Asia/Jakarta with no flexible window, retries and a dead-letter queue', () => {
    const { rematchStateMachine, scheduleDeadLetterQueue } = synth.stacks.stateless;
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 1 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Jakarta',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: { Ref: logicalIdOf(rematchStateMachine) },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(scheduleDeadLetterQueue), 'Arn'] } },
        Input: JSON.stringify({ asOf: '<aws.scheduler.scheduled-time>' }),
      }),
    });
  });

  it('plans, maps over batches with bounded concurrency, then audits, retrying Lambda service errors', () => {
    const machine = resource(logicalIdOf(synth.stacks.stateless.rematchStateMachine)).Properties!;
    expect(machine['TracingConfiguration']).toEqual({ Enabled: true });
    expect(machine['LoggingConfiguration']).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    const parts = (machine['DefinitionString'] as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    const definition = JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'arn')).join('')) as {
      StartAt: string;
      States: Record<string, Record<string, unknown>>;
    };
    expect(definition.StartAt).toBe('PlanRematch');
    const plan = definition.States['PlanRematch']!;
    const map = definition.States[plan['Next'] as string]!;
    expect(map['Type']).toBe('Map');
    expect(map['ItemsPath']).toBe('$.plan.batches');
    expect(map['MaxConcurrency']).toBe(LIMITS.rematchMapConcurrency);
    expect(map['ResultPath']).toBe('$.results');
    const audit = definition.States[map['Next'] as string]!;
    expect(audit['Parameters']).toEqual({ 'asOf.$': '$.asOf', 'results.$': '$.results' });
    expect(definition.States[audit['Next'] as string]!['Type']).toBe('Succeed');
    const processor = map['ItemProcessor'] as { States: Record<string, Record<string, unknown>> };
    for (const task of [plan, audit, ...Object.values(processor.States)]) {
      expect(task['Retry']).toEqual([expect.objectContaining({ ErrorEquals: LAMBDA_SERVICE_ERRORS })]);
    }
  });
});

describe('HTTP API', () => {
  it('requires a Cognito JWT on the proxy route and nothing on the health check and the assessment app', () => {
    const authorizers = Object.entries(template.findResources('AWS::ApiGatewayV2::Authorizer')) as [
      string,
      Resource,
    ][];
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [expect.anything()], Issuer: expect.anything() },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'ANY /v1/{proxy+}',
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /v1/health',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    const open = routes.filter((r) => r.Properties!['AuthorizationType'] !== 'JWT');
    expect(open.map((r) => r.Properties!['RouteKey']).sort()).toEqual([
      'GET /v1/assessment/{proxy+}',
      'GET /v1/health',
      'POST /v1/assessment/{proxy+}',
    ]);
  });

  it('points invitation links at the app and lets it send the invitation code', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ ASSESSMENT_APP_URL: 'https://sinergi.example.id/asesmen/' }),
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowHeaders: Match.arrayWith(['x-invitation-code']) }),
    });
  });

  it('uses payload v2, CORS for the configured origin only, access logs and throttling', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { PayloadFormatVersion: '2.0' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://sinergi.example.id'] }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: {
        ThrottlingRateLimit: LIMITS.apiRateLimit,
        ThrottlingBurstLimit: LIMITS.apiBurstLimit,
      },
    });
  });
});

describe('least privilege', () => {
  it('grants each function only the table, object and secret actions it needs', () => {
    const { ingestFunction, apiFunction, rematchPlanFunction, rematchBatchFunction } = synth.stacks.stateless;
    const ingest = actionsOfRole(ingestFunction);
    expect(ingest).toEqual(expect.arrayContaining(['s3:GetObject', 's3:PutObject', 'dynamodb:PutItem']));
    expect(ingest).toContain('secretsmanager:GetSecretValue');
    expect(actionsOfRole(apiFunction)).toEqual(
      expect.arrayContaining(['s3:PutObject', 's3:GetObject', 'dynamodb:Query', 'dynamodb:DeleteItem']),
    );
    const plan = actionsOfRole(rematchPlanFunction);
    expect(plan.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
    for (const rematch of [plan, actionsOfRole(rematchBatchFunction)]) {
      expect(rematch.some((a) => a.startsWith('s3:') || a.startsWith('secretsmanager:'))).toBe(false);
    }
    for (const fn of [ingestFunction, apiFunction, rematchPlanFunction, rematchBatchFunction]) {
      expect(actionsOfRole(fn)).not.toContain('dynamodb:Scan');
    }
  });

  it('lets exactly the functions that read or write uploads and reports use the uploads key', () => {
    const { ingestFunction, apiFunction, rematchAuditFunction, rematchPlanFunction, rematchBatchFunction } =
      synth.stacks.stateless;
    const keyStatements = (fn: { role?: unknown }) =>
      policyStatementsOf(logicalIdOf(fn.role as { node: { defaultChild?: unknown } })).filter((s) =>
        actions(s).some((a) => a.startsWith('kms:')),
      );
    for (const fn of [ingestFunction, apiFunction, rematchAuditFunction]) {
      const [statement, ...rest] = keyStatements(fn);
      expect(rest).toEqual([]);
      expect(actions(statement!).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
      expect(JSON.stringify(statement!.Resource)).toMatch(/UploadsKey/);
    }
    for (const fn of [rematchPlanFunction, rematchBatchFunction]) expect(keyStatements(fn)).toEqual([]);
  });

  it('scopes object access to incoming/ and reports/ prefixes', () => {
    const { ingestFunction, apiFunction } = synth.stacks.stateless;
    const objectResources = (fn: { role?: unknown }) =>
      policyStatementsOf(logicalIdOf(fn.role as { node: { defaultChild?: unknown } }))
        .filter((s) => actions(s).some((a) => a.startsWith('s3:')))
        .map((s) => `${actions(s).join(',')} ${JSON.stringify(s.Resource).match(/"(\/[a-z]+\/\*)"/)?.[1]}`);
    expect(objectResources(ingestFunction).sort()).toEqual([
      's3:GetObject,s3:GetObjectVersion /incoming/*',
      's3:PutObject /reports/*',
    ]);
    expect(objectResources(apiFunction).sort()).toEqual([
      's3:GetObject,s3:GetObjectVersion /reports/*',
      's3:ListBucket undefined',
      's3:PutObject /incoming/*',
    ]);
    const listing = policyStatementsOf(
      logicalIdOf(apiFunction.role as unknown as { node: { defaultChild?: unknown } }),
    ).filter((s) => actions(s).includes('s3:ListBucket'));
    expect(listing.map((s) => (s as { Condition?: unknown }).Condition)).toEqual([
      { StringLike: { 's3:prefix': ['reports/audits/*'] } },
    ]);
  });

  it('allows no wildcard action on the table or the buckets in any policy of either stack', () => {
    for (const stackTemplate of [synth.stateful, synth.stateless]) {
      const policies = [
        ...Object.values(stackTemplate.findResources('AWS::IAM::Policy')),
        ...Object.values(stackTemplate.findResources('AWS::S3::BucketPolicy')),
        ...Object.values(stackTemplate.findResources('AWS::SQS::QueuePolicy')),
      ] as Resource[];
      const allowed = policies
        .flatMap((p) => (p.Properties!['PolicyDocument'] as { Statement: Statement[] }).Statement)
        .filter((s) => s.Effect === 'Allow')
        .flatMap(actions);
      expect(allowed.length).toBeGreaterThan(0);
      const wildcards = allowed.filter((a) => a === '*' || (/^(s3|dynamodb):/.test(a) && a.includes('*')));
      expect(wildcards).toEqual([]);
    }
  });
});

describe('alarms', () => {
  it('watch both dead-letter queues, every function and the state machine, and notify the topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const metrics = alarms.map((a) => a.Properties!['MetricName']);
    expect(metrics.filter((m) => m === 'ApproximateNumberOfMessagesVisible')).toHaveLength(2);
    expect(metrics.filter((m) => m === 'Errors')).toHaveLength(5);
    expect(metrics).toContain('ExecutionsFailed');
    expect(metrics).toContain('IngestRecordFailures');
    const topicId = logicalIdOf(synth.stacks.stateless.alarmTopic);
    for (const alarm of alarms) expect(alarm.Properties!['AlarmActions']).toEqual([{ Ref: topicId }]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  it('count failed records of partial batches from the ingest log, which Lambda errors never show', () => {
    const ingestLogs = logicalIdOf(synth.stacks.stateless.ingestFunction.logGroup);
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: ingestLogs },
      FilterPattern: `{ ($.message = "${RECORD_FAILURE_MESSAGES.retried}") || ($.message = "${RECORD_FAILURE_MESSAGES.unreadable}") }`,
      MetricTransformations: [
        { MetricNamespace: 'Sinergi', MetricName: 'IngestRecordFailures', MetricValue: '1' },
      ],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IngestRecordFailures',
      Namespace: 'Sinergi',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
    });
  });
});
