/**
 * The web workspace on AWS: a private bucket behind CloudFront with origin access control, HTTPS
 * only, the security headers of infra/web/policy.ts, `/v1/*` to the HTTP API on the same origin,
 * and sign-in through the Cognito Hosted UI (code + PKCE) back to the configured origin. The
 * development sign-in exists only in the local stack: no route, behaviour or config for it here.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#functions/api/routes/index';
import { deployedWebConfig } from '#infra/stacks/web-stack';
import { contentSecurityPolicy, LOCAL_TOKEN_PATH } from '#infra/web/policy';
import { type Synthesised, synthesise } from './synth.ts';

let synth: Synthesised;
let web: Template;

beforeAll(() => {
  synth = synthesise({ corsOrigin: 'https://sinergi.example.id' });
  web = synth.web;
});
afterAll(() => synth?.cleanup());

type Resource = { Properties: Record<string, unknown> };
const resources = (template: Template, type: string) =>
  Object.values(template.findResources(type)) as Resource[];

describe('site bucket and distribution', () => {
  it('keeps the bucket private and reachable only through CloudFront origin access control', () => {
    const buckets = resources(web, 'AWS::S3::Bucket');
    for (const bucket of buckets) {
      expect(bucket.Properties['PublicAccessBlockConfiguration']).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties['WebsiteConfiguration']).toBeUndefined();
    }
    web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('serves the app over HTTPS only and routes /v1/* to the HTTP API uncached', () => {
    const [distribution] = resources(web, 'AWS::CloudFront::Distribution');
    const config = distribution!.Properties['DistributionConfig'] as {
      DefaultCacheBehavior: { ViewerProtocolPolicy: string; FunctionAssociations: unknown[] };
      CacheBehaviors: {
        PathPattern: string;
        ViewerProtocolPolicy: string;
        AllowedMethods: string[];
        CachePolicyId: string;
        TargetOriginId: string;
      }[];
      Origins: {
        Id: string;
        DomainName: unknown;
        S3OriginConfig?: unknown;
        OriginAccessControlId?: unknown;
      }[];
      Logging?: unknown;
    };
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    expect(config.CacheBehaviors.map((b) => b.PathPattern)).toEqual(['/v1/*']);
    const api = config.CacheBehaviors[0]!;
    expect(api.ViewerProtocolPolicy).toBe('https-only');
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'DELETE', 'OPTIONS']));
    // The managed CachingDisabled policy.
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    const apiOrigin = config.Origins.find((o) => o.Id === api.TargetOriginId)!;
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('execute-api');
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('HttpApi');
    const siteOrigin = config.Origins.find((o) => o.Id !== api.TargetOriginId)!;
    expect(siteOrigin.OriginAccessControlId).toBeDefined();
    expect(config.Logging).toBeDefined();
  });

  it('sends the strict content security policy and the other security headers', () => {
    const [policy] = resources(web, 'AWS::CloudFront::ResponseHeadersPolicy');
    const security = (
      policy!.Properties['ResponseHeadersPolicyConfig'] as {
        SecurityHeadersConfig: Record<string, Record<string, unknown>>;
      }
    ).SecurityHeadersConfig;
    const csp = JSON.stringify(security['ContentSecurityPolicy']!['ContentSecurityPolicy']);
    for (const directive of contentSecurityPolicy()
      .split('; ')
      .filter((d) => !d.startsWith('connect-src'))) {
      expect(csp).toContain(directive);
    }
    expect(csp).toContain('amazoncognito.com');
    expect(security['StrictTransportSecurity']).toMatchObject({
      AccessControlMaxAgeSec: 31_536_000,
      Override: true,
    });
    expect(security['FrameOptions']).toMatchObject({ FrameOption: 'DENY' });
    expect(security['ContentTypeOptions']).toMatchObject({ Override: true });
  });

  it('deploys the built app with a config that signs in through Cognito', () => {
    web.resourceCountIs('Custom::CDKBucketDeployment', 1);
    expect(deployedWebConfig('prod', 'x.auth.ap-southeast-3.amazoncognito.com', 'client').auth).toEqual({
      kind: 'cognito',
      domain: 'x.auth.ap-southeast-3.amazoncognito.com',
      clientId: 'client',
      scopes: ['openid', 'email', 'profile'],
    });
  });
});

describe('sign-in', () => {
  it('uses the Hosted UI with the authorization code flow back to the configured origin', () => {
    web.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    synth.stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: ['https://sinergi.example.id/auth/callback'],
      LogoutURLs: ['https://sinergi.example.id/'],
      SupportedIdentityProviders: ['COGNITO'],
    });
  });

  it('has no development sign-in: the HTTP API routes only /v1/ and no route issues tokens', () => {
    const keys = resources(synth.stateless, 'AWS::ApiGatewayV2::Route').map((r) =>
      String(r.Properties['RouteKey']),
    );
    expect(keys.filter((k) => !/^[A-Z]+ \/v1\//.test(k))).toEqual([]);
    expect(keys.filter((k) => /local|token/i.test(k))).toEqual([]);
    expect(LOCAL_TOKEN_PATH.startsWith('/v1/')).toBe(false);
    expect(ROUTES.map((r) => r.path).filter((p) => /token|local/i.test(p))).toEqual([]);
    const behaviours = JSON.stringify(resources(web, 'AWS::CloudFront::Distribution'));
    expect(behaviours).not.toContain('/local');
  });
});
