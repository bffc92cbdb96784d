/**
 * Compute and wiring, safe to destroy and redeploy: the ingest pipeline (S3 notifications -> SQS ->
 * Lambda), the nightly rematch (Scheduler -> Step Functions -> Lambda), the HTTP API behind the
 * Cognito JWT authorizer, and the alarms. Stateful resources arrive as props.
 */
import { CfnOutput, Duration, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { RECORD_KINDS } from '#core/domain/records';
import { AUDITS_PREFIX, INCOMING_PREFIX, incomingPrefix, REPORTS_PREFIX } from '#core/domain/uploads';
import { INVITATION_CODE_HEADER } from '#functions/api/route';
import { RECORD_FAILURE_MESSAGES } from '#functions/ingest/record-failures';
import {
  grantKeyUse,
  grantObjectAccess,
  grantPrefixListing,
  grantTableAccess,
  objectPrefixArn,
} from '../constructs/grants.ts';
import { acknowledgeWildcardResource } from '../constructs/nag.ts';
import { SinergiFunction } from '../constructs/sinergi-function.ts';
import { ASSESSMENT_APP_PATH, type DeploymentConfig } from './config.ts';

/** Lambda entry files (each exports `handler`), relative to the repository root. */
export const ENTRIES = {
  ingest: 'functions/ingest/handler.ts',
  rematchPlan: 'functions/rematch/plan.ts',
  rematchBatch: 'functions/rematch/batch.ts',
  rematchAudit: 'functions/rematch/audit.ts',
  api: 'functions/api/handler.ts',
} as const;

/** Tunables in one place; each is a capacity decision, not a secret. */
export const LIMITS = {
  ingestTimeout: Duration.minutes(5),
  /** AWS guidance: queue visibility at least six times the consumer's timeout. */
  ingestVisibilityFactor: 6,
  ingestBatchSize: 4,
  ingestMaxConcurrency: 4,
  ingestMaxReceiveCount: 5,
  rematchBatchTimeout: Duration.minutes(10),
  rematchMapConcurrency: 4,
  apiTimeout: Duration.seconds(15),
  apiRateLimit: 50,
  apiBurstLimit: 100,
  /** 01:00 WIB, after the day's uploads and before counsellors start work. */
  nightlyCron: { minute: '0', hour: '1' },
} as const;

/** Errors of the Lambda service itself (not of our code) that a retry usually fixes. */
export const LAMBDA_SERVICE_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

export interface StatelessStackProps extends StackProps {
  config: DeploymentConfig;
  uploadsBucket: s3.IBucket;
  uploadsKey: kms.IKey;
  table: dynamodb.ITable;
  nikKeySecret: secretsmanager.ISecret;
  userPool: cognito.IUserPool;
  counsellorWebClient: cognito.IUserPoolClient;
}

export class StatelessStack extends Stack {
  readonly ingestQueue: sqs.Queue;
  readonly ingestDeadLetterQueue: sqs.Queue;
  readonly ingestFunction: SinergiFunction;
  readonly rematchPlanFunction: SinergiFunction;
  readonly rematchBatchFunction: SinergiFunction;
  readonly rematchAuditFunction: SinergiFunction;
  readonly rematchStateMachine: sfn.StateMachine;
  readonly rematchSchedule: scheduler.Schedule;
  readonly scheduleDeadLetterQueue: sqs.Queue;
  readonly apiFunction: SinergiFunction;
  readonly httpApi: apigw.HttpApi;
  readonly alarmTopic: sns.Topic;
  /** An explicit import of the uploads bucket ARN, so prefix grants have a stable, known name. */
  private readonly uploadsBucketArn: string;
  private readonly uploadsKeyArn: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: StatelessStackProps,
  ) {
    super(scope, id, props);
    const { config } = props;
    this.uploadsBucketArn = Stack.of(props.uploadsBucket).exportValue(props.uploadsBucket.bucketArn);
    this.uploadsKeyArn = Stack.of(props.uploadsKey).exportValue(props.uploadsKey.keyArn);
    const sharedEnvironment = {
      TABLE_NAME: props.table.tableName,
      UPLOADS_BUCKET: props.uploadsBucket.bucketName,
    };

    this.ingestDeadLetterQueue = secureQueue(this, 'IngestDeadLetters', {
      retentionPeriod: Duration.days(14),
    });
    this.ingestQueue = secureQueue(this, 'IngestQueue', {
      visibilityTimeout: Duration.seconds(LIMITS.ingestTimeout.toSeconds() * LIMITS.ingestVisibilityFactor),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.ingestDeadLetterQueue, maxReceiveCount: LIMITS.ingestMaxReceiveCount },
    });
    this.ingestFunction = new SinergiFunction(this, 'Ingest', {
      entry: ENTRIES.ingest,
      description: 'Validates, scores and matches uploaded files; writes a report per upload',
      serviceName: 'sinergi-ingest',
      stage: config.stage,
      logLevel: config.logLevel,
      timeout: LIMITS.ingestTimeout,
      // Large XLSX files are parsed in memory; 1769 MB is one full vCPU.
      memorySize: 1769,
      environment: { ...sharedEnvironment, NIK_KEY_SECRET_ARN: props.nikKeySecret.secretArn },
    });
    this.wireIngest();

    this.rematchPlanFunction = new SinergiFunction(this, 'RematchPlan', {
      entry: ENTRIES.rematchPlan,
      description: 'Plans the nightly rematch as batches per district',
      serviceName: 'sinergi-rematch',
      stage: config.stage,
      logLevel: config.logLevel,
      timeout: Duration.minutes(1),
      memorySize: 512,
      environment: sharedEnvironment,
    });
    this.rematchBatchFunction = new SinergiFunction(this, 'RematchBatch', {
      entry: ENTRIES.rematchBatch,
      description: 'Rematches one batch of youth against open vacancies and training offers',
      serviceName: 'sinergi-rematch',
      stage: config.stage,
      logLevel: config.logLevel,
      timeout: LIMITS.rematchBatchTimeout,
      memorySize: 1769,
      environment: sharedEnvironment,
    });
    this.rematchAuditFunction = new SinergiFunction(this, 'RematchAudit', {
      entry: ENTRIES.rematchAudit,
      description: "Combines the night's batch tallies into the fairness audit report",
      serviceName: 'sinergi-rematch',
      stage: config.stage,
      logLevel: config.logLevel,
      timeout: Duration.minutes(1),
      memorySize: 512,
      environment: sharedEnvironment,
    });
    grantTableAccess(this.rematchPlanFunction, props.table, 'read');
    grantTableAccess(this.rematchBatchFunction, props.table, 'readWrite');
    grantTableAccess(this.rematchAuditFunction, props.table, 'read');
    grantObjectAccess(this.rematchAuditFunction, this.uploadsBucketArn, REPORTS_PREFIX, 'write');
    grantKeyUse(this.rematchAuditFunction, this.uploadsKeyArn, 'write');
    this.rematchStateMachine = this.createRematchStateMachine();
    this.scheduleDeadLetterQueue = secureQueue(this, 'ScheduleDeadLetters', {
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.scheduleDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the nightly rematch schedule target.',
    });
    this.rematchSchedule = this.createRematchSchedule();

    this.apiFunction = new SinergiFunction(this, 'Api', {
      entry: ENTRIES.api,
      description:
        'HTTP API for counsellors, employers, training providers, programme managers and the assessment app',
      serviceName: 'sinergi-api',
      stage: config.stage,
      logLevel: config.logLevel,
      timeout: LIMITS.apiTimeout,
      environment: {
        ...sharedEnvironment,
        NIK_KEY_SECRET_ARN: props.nikKeySecret.secretArn,
        ASSESSMENT_APP_URL: `${config.corsOrigin}${ASSESSMENT_APP_PATH}`,
      },
    });
    grantTableAccess(this.apiFunction, props.table, 'readWrite');
    // Presigned uploads are signed with the function's credentials, so it needs PutObject itself;
    // the assessment app's submissions are put under incoming/assessments/ by the function directly.
    grantObjectAccess(this.apiFunction, this.uploadsBucketArn, INCOMING_PREFIX, 'write');
    grantObjectAccess(this.apiFunction, this.uploadsBucketArn, REPORTS_PREFIX, 'read');
    grantKeyUse(this.apiFunction, this.uploadsKeyArn, 'write');
    // The latest fairness audit is the greatest key under reports/audits/.
    grantPrefixListing(this.apiFunction, this.uploadsBucketArn, AUDITS_PREFIX);
    props.nikKeySecret.grantRead(this.apiFunction);
    this.httpApi = this.createHttpApi();

    this.alarmTopic = this.createAlarms();
    this.acknowledgeInherentFindings();

    new CfnOutput(this, 'ApiEndpoint', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'IngestQueueUrl', { value: this.ingestQueue.queueUrl });
    new CfnOutput(this, 'RematchStateMachineArn', { value: this.rematchStateMachine.stateMachineArn });
  }

  private wireIngest(): void {
    const { uploadsBucket, table, nikKeySecret } = this.props;
    this.ingestFunction.addEventSource(
      new SqsEventSource(this.ingestQueue, {
        batchSize: LIMITS.ingestBatchSize,
        reportBatchItemFailures: true,
        maxConcurrency: LIMITS.ingestMaxConcurrency,
      }),
    );
    grantObjectAccess(this.ingestFunction, this.uploadsBucketArn, INCOMING_PREFIX, 'read');
    grantObjectAccess(this.ingestFunction, this.uploadsBucketArn, REPORTS_PREFIX, 'write');
    grantKeyUse(this.ingestFunction, this.uploadsKeyArn, 'write');
    grantTableAccess(this.ingestFunction, table, 'readWrite');
    nikKeySecret.grantRead(this.ingestFunction);

    // The notification configuration lives here, on a reference to the bucket, so the stateful
    // stack never depends on this one (a queue ARN in the bucket's stack would make a cycle).
    const bucket = s3.Bucket.fromBucketAttributes(this, 'UploadsBucketRef', {
      bucketArn: this.uploadsBucketArn,
      bucketName: uploadsBucket.bucketName,
    });
    const destination = new SqsDestination(this.ingestQueue);
    for (const kind of RECORD_KINDS) {
      bucket.addEventNotification(s3.EventType.OBJECT_CREATED, destination, { prefix: incomingPrefix(kind) });
    }
  }

  /**
   * plan -> Map over district batches -> batch -> audit. The input is `{ asOf }` (the scheduled
   * time). Batch results are small tallies (counts per group, no youth ids), so they fit the state.
   */
  private createRematchStateMachine(): sfn.StateMachine {
    const retryServiceErrors = (task: LambdaInvoke) =>
      task.addRetry({
        errors: LAMBDA_SERVICE_ERRORS,
        interval: Duration.seconds(2),
        maxAttempts: 6,
        backoffRate: 2,
        jitterStrategy: sfn.JitterType.FULL,
      });
    const plan = retryServiceErrors(
      new LambdaInvoke(this, 'PlanRematch', {
        lambdaFunction: this.rematchPlanFunction,
        payload: sfn.TaskInput.fromObject({ 'asOf.$': '$.asOf' }),
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
        resultPath: '$.plan',
      }),
    );
    const batch = retryServiceErrors(
      new LambdaInvoke(this, 'RematchOneBatch', {
        lambdaFunction: this.rematchBatchFunction,
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
      }),
    );
    const batches = new sfn.Map(this, 'EachBatch', {
      itemsPath: '$.plan.batches',
      itemSelector: { 'asOf.$': '$.asOf', 'batch.$': '$$.Map.Item.Value' },
      maxConcurrency: LIMITS.rematchMapConcurrency,
      resultPath: '$.results',
    }).itemProcessor(batch);
    const audit = retryServiceErrors(
      new LambdaInvoke(this, 'AuditRematch', {
        lambdaFunction: this.rematchAuditFunction,
        payload: sfn.TaskInput.fromObject({ 'asOf.$': '$.asOf', 'results.$': '$.results' }),
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
        resultPath: '$.audit',
      }),
    );
    const logGroup = new logs.LogGroup(this, 'RematchStateMachineLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
    });
    return new sfn.StateMachine(this, 'RematchStateMachine', {
      definitionBody: sfn.DefinitionBody.fromChainable(
        plan.next(batches).next(audit).next(new sfn.Succeed(this, 'RematchDone')),
      ),
      timeout: Duration.hours(2),
      tracingEnabled: true,
      // Execution data holds youth ids and recommendation counts: log events, not payloads.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
  }

  private createRematchSchedule(): scheduler.Schedule {
    return new scheduler.Schedule(this, 'NightlyRematch', {
      description: 'Nightly rematch of every youth against open opportunities (01:00 Asia/Jakarta)',
      schedule: scheduler.ScheduleExpression.cron({ ...LIMITS.nightlyCron, timeZone: TimeZone.ASIA_JAKARTA }),
      timeWindow: scheduler.TimeWindow.off(),
      target: new StepFunctionsStartExecution(this.rematchStateMachine, {
        input: scheduler.ScheduleTargetInput.fromObject({ asOf: scheduler.ContextAttribute.scheduledTime }),
        deadLetterQueue: this.scheduleDeadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });
  }

  private createHttpApi(): apigw.HttpApi {
    const { config, userPool, counsellorWebClient } = this.props;
    const authorizer = new HttpUserPoolAuthorizer('CognitoJwt', userPool, {
      userPoolClients: [counsellorWebClient],
      identitySource: ['$request.header.Authorization'],
    });
    const api = new apigw.HttpApi(this, 'HttpApi', {
      description: `SINERGI match API (${config.stage})`,
      createDefaultStage: false,
      // Every route is authenticated unless it opts out explicitly (only the health check does).
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: [config.corsOrigin],
        allowMethods: [
          apigw.CorsHttpMethod.GET,
          apigw.CorsHttpMethod.POST,
          apigw.CorsHttpMethod.PUT,
          apigw.CorsHttpMethod.DELETE,
          apigw.CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['authorization', 'content-type', INVITATION_CODE_HEADER],
        maxAge: Duration.hours(1),
      },
    });
    const integration = new HttpLambdaIntegration('ApiIntegration', this.apiFunction, {
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
    });
    api.addRoutes({ path: '/v1/{proxy+}', methods: [apigw.HttpMethod.ANY], integration, authorizer });
    const [health] = api.addRoutes({
      path: '/v1/health',
      methods: [apigw.HttpMethod.GET],
      integration,
      authorizer: new apigw.HttpNoneAuthorizer(),
    });
    Validations.of(health!).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'GET /v1/health is the unauthenticated liveness probe; it returns a status and no data.',
    });
    // The assessment app has no accounts: the function authorises each request by its invitation
    // code, counts wrong codes per source and refuses a source past the limit (429).
    const assessmentRoutes = api.addRoutes({
      path: '/v1/assessment/{proxy+}',
      methods: [apigw.HttpMethod.GET, apigw.HttpMethod.POST],
      integration,
      authorizer: new apigw.HttpNoneAuthorizer(),
    });
    for (const route of assessmentRoutes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'The youth assessment app is authorised by invitation codes in the function (keyed hashes, single use, expiring, wrong codes throttled per source); its content route is public instrument text.',
      });
    }
    const accessLogs = new logs.LogGroup(this, 'HttpApiAccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
    });
    new apigw.HttpStage(this, 'HttpApiDefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: LIMITS.apiRateLimit, burstLimit: LIMITS.apiBurstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // Who called which route and how it went; never a body or a query string (they carry ids).
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            caller: '$context.authorizer.claims.sub',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });
    return api;
  }

  private createAlarms(): sns.Topic {
    // CloudWatch can only publish to an encrypted topic through a customer managed key it may use.
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts SINERGI alarm notifications',
      enableKeyRotation: true,
    });
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const topic = new sns.Topic(this, 'AlarmTopic', { masterKey: key, enforceSSL: true });
    if (this.props.config.alarmEmail) {
      topic.addSubscription(new subscriptions.EmailSubscription(this.props.config.alarmEmail));
    }
    const action = new SnsAction(topic);
    const fiveMinutes = Duration.minutes(5);
    const alarm = (id: string, metric: cloudwatch.IMetric, description: string) =>
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(action);

    alarm(
      'IngestDeadLettersAlarm',
      this.ingestDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: fiveMinutes,
        statistic: 'Maximum',
      }),
      'Upload notifications failed five times and wait in the ingest dead-letter queue',
    );
    // Failed records of a batch are retried, not Lambda errors: count them from the handler's logs.
    const recordFailures = new logs.MetricFilter(this, 'IngestRecordFailures', {
      logGroup: this.ingestFunction.logGroup,
      metricNamespace: 'Sinergi',
      metricName: 'IngestRecordFailures',
      filterPattern: logs.FilterPattern.any(
        ...Object.values(RECORD_FAILURE_MESSAGES).map((message) =>
          logs.FilterPattern.stringValue('$.message', '=', message),
        ),
      ),
      metricValue: '1',
    });
    alarm(
      'IngestRecordFailuresAlarm',
      recordFailures.metric({ period: fiveMinutes, statistic: 'Sum' }),
      'Upload messages failed in a batch and go back to the queue (partial batch failure); they reach the dead-letter queue only after five receives',
    );
    alarm(
      'ScheduleDeadLettersAlarm',
      this.scheduleDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: fiveMinutes,
        statistic: 'Maximum',
      }),
      'The nightly rematch could not be started',
    );
    alarm(
      'RematchFailedAlarm',
      this.rematchStateMachine.metricFailed({ period: fiveMinutes, statistic: 'Sum' }),
      'A nightly rematch execution failed',
    );
    const functions: [string, SinergiFunction][] = [
      ['Ingest', this.ingestFunction],
      ['RematchPlan', this.rematchPlanFunction],
      ['RematchBatch', this.rematchBatchFunction],
      ['RematchAudit', this.rematchAuditFunction],
      ['Api', this.apiFunction],
    ];
    for (const [name, fn] of functions) {
      alarm(
        `${name}ErrorsAlarm`,
        fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
        `${name} function invocations failed`,
      );
    }
    return topic;
  }

  /**
   * cdk-nag findings whose wildcards are inherent to the service, each named exactly with its
   * reason. Everything else is fixed at the source instead of acknowledged.
   */
  private acknowledgeInherentFindings(): void {
    const functions = [
      this.ingestFunction,
      this.rematchPlanFunction,
      this.rematchBatchFunction,
      this.rematchAuditFunction,
      this.apiFunction,
    ];
    Validations.of(this.ingestDeadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is the dead-letter queue of the ingest queue: the end of the redrive chain, where a person looks (IngestDeadLettersAlarm).',
    });
    Validations.of(this.scheduleDeadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is the dead-letter queue of the nightly rematch schedule: the end of the chain (ScheduleDeadLettersAlarm).',
    });
    const ingestMapping = this.ingestFunction.node
      .findAll()
      .find((c) => c instanceof lambda.EventSourceMapping);
    Validations.of(ingestMapping!).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        'On-failure destinations exist for stream and Kafka sources only; an SQS source fails over through the queue redrive policy to IngestDeadLetters.',
    });
    const invokedBy = new Map<SinergiFunction, string>([
      [
        this.ingestFunction,
        'the SQS event source mapping (failed records return to the queue and its dead-letter queue)',
      ],
      [this.rematchPlanFunction, 'Step Functions tasks (retried by the state machine, failures alarmed)'],
      [this.rematchBatchFunction, 'Step Functions tasks (retried by the state machine, failures alarmed)'],
      [this.rematchAuditFunction, 'Step Functions tasks (retried by the state machine, failures alarmed)'],
      [this.apiFunction, 'API Gateway (the error goes back to the caller)'],
    ]);
    for (const [fn, invoker] of invokedBy) {
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: `Invoked synchronously by ${invoker}; a function dead-letter queue only catches asynchronous invocations.`,
      });
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaLatestVersion',
        reason:
          'Pinned to Node.js 22, the runtime the bundle targets (esbuild target node22) and the project is ' +
          'tested against; a newer runtime is a deliberate upgrade of both together.',
      });
    }
    for (const fn of functions) {
      Validations.of(fn.role!).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.',
      });
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'Pinned to Node.js 22, the runtime the bundle targets (esbuild target node22) and the project is ' +
          'tested against; a newer runtime is a deliberate upgrade of both together.',
      });
    }
    const prefixReason = (prefix: string) =>
      `Objects under ${prefix} only: upload keys are generated per file, so a prefix is the narrowest scope.`;
    for (const [fn, prefixes] of [
      [this.ingestFunction, [INCOMING_PREFIX, REPORTS_PREFIX]],
      [this.apiFunction, [INCOMING_PREFIX, REPORTS_PREFIX]],
      [this.rematchAuditFunction, [REPORTS_PREFIX]],
    ] as const) {
      for (const prefix of prefixes) {
        acknowledgeWildcardResource(
          fn.role!,
          objectPrefixArn(this.uploadsBucketArn, prefix),
          prefixReason(prefix),
        );
      }
    }
    const machineRole = this.rematchStateMachine.role;
    for (const fn of [this.rematchPlanFunction, this.rematchBatchFunction, this.rematchAuditFunction]) {
      acknowledgeWildcardResource(
        machineRole,
        `${fn.functionArn}:*`,
        'Invocation of this one function, any version or alias qualifier (granted by the Step Functions task).',
      );
    }
    Validations.of(machineRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing and CloudWatch Logs delivery (logs:CreateLogDelivery and friends) accept no ' +
        'resource-level permissions.',
    });
    const notificationsHandler = this.node.children.find((c) =>
      c.node.id.startsWith('BucketNotificationsHandler'),
    );
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's deploy-time handler that writes the uploads bucket's notification configuration; the " +
          'managed policy only lets it write its own logs.',
      });
    }
  }
}

function secureQueue(scope: Construct, id: string, props: sqs.QueueProps): sqs.Queue {
  return new sqs.Queue(scope, id, {
    ...props,
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
}
