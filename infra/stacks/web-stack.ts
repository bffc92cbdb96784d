/**
 * The web workspace on AWS: the built app (web/dist) in a private bucket behind CloudFront (origin
 * access control, HTTPS only, the security headers of infra/web/policy.ts), `/v1/*` routed through
 * the same distribution to the HTTP API so the app and the API share one origin, and the Cognito
 * Hosted UI domain the app signs in with (authorization code + PKCE). `/config.json` tells the app
 * to use Cognito; the local development sign-in does not exist here (no route, no config for it).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AssetHashType,
  Aws,
  CfnOutput,
  DockerImage,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import {
  contentSecurityPolicy,
  WEB_SCOPES,
  WEB_SECURITY_HEADERS,
  type WebRuntimeConfig,
} from '#infra/web/policy';
import { acknowledgeWildcardResource } from '../constructs/nag.ts';
import type { DeploymentConfig } from './config.ts';

/** Where the app's sources are; the asset is built from them with Vite at synth time. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the deployed app reads from /config.json. */
export function deployedWebConfig(stage: string, cognitoDomain: string, clientId: string): WebRuntimeConfig {
  return { stage, auth: { kind: 'cognito', domain: cognitoDomain, clientId, scopes: [...WEB_SCOPES] } };
}

/**
 * Page paths (the app's own routes) are answered with index.html; files the build writes
 * (assets/, config.json, budget.txt) and the root pass through. A viewer-request function instead of
 * error responses, which would also rewrite the API's own 403s and 404s under /v1/.
 */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri.indexOf('/assets/') === 0 || uri === '/config.json' || uri === '/index.html' || uri === '/budget.txt') {
    return request;
  }
  request.uri = '/index.html';
  return request;
}`;

export interface WebStackProps extends StackProps {
  config: DeploymentConfig;
  httpApi: apigw.IHttpApi;
  userPool: cognito.IUserPool;
  webClient: cognito.IUserPoolClient;
  /** Presigned uploads go from the browser straight to this bucket. */
  uploadsBucket: s3.IBucket;
}

export class WebStack extends Stack {
  readonly siteBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly hostedUiDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.hostedUiDomain = new cognito.UserPoolDomain(this, 'HostedUi', {
      userPool: props.userPool,
      // Unique per account and stage without a hard-coded name.
      cognitoDomain: { domainPrefix: `sinergi-${config.stage}-${Aws.ACCOUNT_ID}` },
    });
    const cognitoHost = `${this.hostedUiDomain.domainName}.auth.${Aws.REGION}.amazoncognito.com`;

    const logBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket of the site bucket and the distribution; it does not log itself.',
    });

    this.siteBucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 'site/',
      // The content is rebuilt from the repository on every deploy.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'SINERGI web workspace: strict CSP and security headers (infra/web/policy.ts)',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({
            connectOrigins: [
              `https://${cognitoHost}`,
              `https://${props.uploadsBucket.bucketRegionalDomainName}`,
            ],
          }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: WEB_SECURITY_HEADERS['permissions-policy'], override: true },
        ],
      },
    });

    const apiOrigin = new origins.HttpOrigin(
      `${props.httpApi.apiId}.execute-api.${Aws.REGION}.amazonaws.com`,
      {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      },
    );

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `SINERGI web workspace (${config.stage})`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'SpaRewrite', {
              code: cloudfront.FunctionCode.fromInline(SPA_REWRITE),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              comment: 'Page paths of the web app are served index.html',
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'The programme serves partners in Indonesia and abroad (training providers, donors); no geo restriction.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The API behind /v1/ is throttled at its stage and authenticated by Cognito; a WAF web ACL (us-east-1) can be attached per deployment.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default CloudFront certificate fixes the viewer TLS policy; with a custom domain the TLSv1.2_2021 policy applies.',
      },
    );

    new s3deploy.BucketDeployment(this, 'DeployApp', {
      destinationBucket: this.siteBucket,
      sources: [
        // Hashed by the built output: the app also compiles code from core/ and the API schemas.
        s3deploy.Source.asset(join(REPO_ROOT, 'web'), {
          assetHashType: AssetHashType.OUTPUT,
          exclude: ['dist', 'node_modules'],
          bundling: {
            image: DockerImage.fromRegistry('node:22'),
            local: {
              tryBundle(outputDir) {
                execFileSync(
                  'npx',
                  ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', outputDir, '--emptyOutDir'],
                  {
                    cwd: REPO_ROOT,
                    stdio: 'inherit',
                  },
                );
                return true;
              },
            },
          },
        }),
        s3deploy.Source.jsonData(
          'config.json',
          deployedWebConfig(config.stage, cognitoHost, props.webClient.userPoolClientId),
        ),
      ],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      prune: true,
    });
    this.acknowledgeDeploymentHandler();

    new CfnOutput(this, 'WebUrl', { value: `https://${this.distribution.distributionDomainName}` });
    new CfnOutput(this, 'HostedUiDomain', { value: cognitoHost });
  }

  /**
   * BucketDeployment runs a CDK-provided function (one per stack) that copies the built app from the
   * asset bucket into the site bucket and invalidates the distribution. Its grants are the CDK's
   * own; each finding is acknowledged by its exact id.
   */
  private acknowledgeDeploymentHandler(): void {
    const handler = this.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('BucketDeployment created no handler function');
    const copy =
      'The CDK BucketDeployment handler copies the built app from the CDK asset bucket into the site bucket';
    Validations.of(handler).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The CDK BucketDeployment handler writes its logs with the AWS managed basic execution role.',
      },
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${copy}; the CDK grants read and write on those two buckets only.`,
      })),
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        reason: `${copy}: it reads the asset the CDK uploaded to the bootstrap asset bucket.`,
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'The CDK BucketDeployment handler creates a CloudFront invalidation; the action has no resource-level scope.',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'The runtime of the CDK BucketDeployment handler is chosen by the CDK version, not by this app.',
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason:
          'The runtime of the CDK BucketDeployment handler is chosen by the CDK version, not by this app.',
      },
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'The CDK BucketDeployment handler runs synchronously inside the CloudFormation deployment, which fails and rolls back when it fails; there is no asynchronous event to dead-letter.',
      },
      {
        id: 'Serverless-LambdaTracing',
        reason:
          'The CDK BucketDeployment handler runs once per deployment and its outcome is the stack event; no trace is needed.',
      },
    );
    acknowledgeWildcardResource(
      handler,
      `${this.siteBucket.bucketArn}/*`,
      `${copy}: it replaces every object of the site bucket.`,
    );
  }
}
