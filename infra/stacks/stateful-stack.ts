/**
 * Everything that holds data and must outlive a redeploy: the uploads bucket (and its access-log
 * bucket), the single table, the NIK pseudonymisation key and the user directory. All of it is
 * retained when the stack is deleted; the stateless stack receives it as props.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ROLES } from '#core/access/principal';
import { REPORTS_PREFIX } from '#core/domain/uploads';
import { GSI1, GSI2, KEY } from '#functions/adapters/dynamodb/table';
import { WEB_SCOPES, webAuthUrls } from '#infra/web/policy';
import type { DeploymentConfig } from './config.ts';

/**
 * Custom attributes (claims `custom:<name>`): `districts` is a comma list of BPS codes a counsellor
 * may see; `employer_id`/`provider_id` scope uploads and candidate lists.
 */
export const CUSTOM_ATTRIBUTES = ['districts', 'employer_id', 'provider_id'] as const;

/** How long superseded processing reports are kept before S3 expires them. */
const REPORT_NONCURRENT_DAYS = 90;
/** Access logs are an audit trail of who read youth data files; kept for a year. */
const ACCESS_LOG_RETENTION_DAYS = 365;
/** HMAC-SHA256 key: 64 alphanumerics is ~380 bits, well above the 32-byte minimum. */
const NIK_KEY_LENGTH = 64;

export interface StatefulStackProps extends StackProps {
  config: DeploymentConfig;
}

export class StatefulStack extends Stack {
  readonly uploadsBucket: s3.Bucket;
  /** Encrypts the uploads (youth data files) and their reports; only granted functions may use it. */
  readonly uploadsKey: kms.Key;
  readonly accessLogsBucket: s3.Bucket;
  readonly table: dynamodb.Table;
  readonly nikKeySecret: secretsmanager.Secret;
  readonly userPool: cognito.UserPool;
  readonly counsellorWebClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    this.accessLogsBucket = this.createAccessLogsBucket();
    this.uploadsKey = new kms.Key(this, 'UploadsKey', {
      description: 'Encrypts SINERGI uploads (NIK, birth dates, disability data) and their reports',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.uploadsBucket = this.createUploadsBucket(props.config.corsOrigin);
    this.table = this.createTable();
    this.nikKeySecret = this.createNikKeySecret();
    this.userPool = this.createUserPool(props.config);
    this.counsellorWebClient = this.createCounsellorWebClient(props.config.corsOrigin);

    // What operators and the counsellor web app need after a deploy (docs/deploy.md).
    new CfnOutput(this, 'UploadsBucketName', { value: this.uploadsBucket.bucketName });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'CounsellorWebClientId', { value: this.counsellorWebClient.userPoolClientId });
  }

  private createAccessLogsBucket(): s3.Bucket {
    const bucket = new s3.Bucket(this, 'AccessLogs', {
      // Server access log delivery supports SSE-S3 only.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration: Duration.days(ACCESS_LOG_RETENTION_DAYS),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the server access log target of the uploads bucket; logging it to itself would loop.',
    });
    return bucket;
  }

  private createUploadsBucket(corsOrigin: string): s3.Bucket {
    return new s3.Bucket(this, 'Uploads', {
      // SSE-KMS with a key of our own: reading an upload needs the key grant as well as the bucket's,
      // and CloudTrail records every use. The bucket key keeps KMS calls (and cost) per object low.
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.uploadsKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      // Object versions are the identity of an upload for exactly-once processing, and keep every
      // original file even when a partner re-uploads the same key.
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'uploads/',
      cors: [
        {
          // Browsers upload straight to S3 with the presigned URL from POST /v1/uploads.
          allowedOrigins: [corsOrigin],
          allowedMethods: [s3.HttpMethods.PUT],
          allowedHeaders: ['content-type', 'content-length', 'x-amz-*'],
          exposedHeaders: ['etag', 'x-amz-version-id'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          id: 'expire-superseded-reports',
          prefix: REPORTS_PREFIX,
          noncurrentVersionExpiration: Duration.days(REPORT_NONCURRENT_DAYS),
        },
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** Key schema from the same constants as the local stack and the adapters, so they cannot drift. */
  private createTable(): dynamodb.Table {
    const string = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: string(KEY.pk),
      sortKey: string(KEY.sk),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Items that expire by themselves carry `ttl` (epoch seconds): counters of wrong invitation codes
      // (functions/adapters/dynamodb/attempts.ts) and Idempotency-Key answers of outcome POSTs.
      timeToLiveAttribute: 'ttl',
    });
    for (const gsi of [GSI1, GSI2]) {
      table.addGlobalSecondaryIndex({
        indexName: gsi.name,
        partitionKey: string(gsi.pk),
        sortKey: string(gsi.sk),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }

  private createNikKeySecret(): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, 'NikHmacKey', {
      description: 'HMAC-SHA256 key that pseudonymises NIK (national ID numbers); never leaves the functions',
      generateSecretString: { passwordLength: NIK_KEY_LENGTH, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the NIK HMAC key changes every stored pseudonym and breaks duplicate detection across ' +
        'registrations; it is a planned re-keying procedure (docs/deploy.md), not an automatic rotation.',
    });
    return secret;
  }

  private createUserPool(config: DeploymentConfig): cognito.UserPool {
    const pool = new cognito.UserPool(this, 'Users', {
      // Accounts are created by programme administrators for named staff and partners only.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        districts: new cognito.StringAttribute({ minLen: 0, maxLen: 256, mutable: true }),
        employer_id: new cognito.StringAttribute({ minLen: 0, maxLen: 64, mutable: true }),
        provider_id: new cognito.StringAttribute({ minLen: 0, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      ...(config.cognitoThreatProtection
        ? {
            featurePlan: cognito.FeaturePlan.PLUS,
            standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
          }
        : { featurePlan: cognito.FeaturePlan.ESSENTIALS }),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of ROLES) {
      pool.addGroup(`Group-${group}`, { groupName: group, description: `SINERGI ${group}s` });
    }
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'TOTP MFA is offered to every user; required MFA would lock out district counsellors without a ' +
        'smartphone. Threat protection (adaptive authentication) demands MFA on risky sign-ins.',
    });
    if (!config.cognitoThreatProtection) {
      Validations.of(pool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Threat protection switched off by context "cognitoThreatProtection=false" for a region without the Plus plan.',
      });
    }
    return pool;
  }

  /**
   * A public client (the web workspace): no secret, the Hosted UI's authorization code flow with
   * PKCE back to the app's origin (infra/stacks/web-stack.ts), short-lived tokens.
   */
  private createCounsellorWebClient(webOrigin: string): cognito.UserPoolClient {
    return this.userPool.addClient('CounsellorWebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: WEB_SCOPES.map((scope) => cognito.OAuthScope.custom(scope)),
        ...webAuthUrls(webOrigin),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTES),
      // Users must never widen their own districts or switch employer: only administrators
      // (AdminUpdateUserAttributes, which ignores client permissions) may write custom attributes.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
  }
}
