import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '#core/access/principal';
import { createTableInput } from '#functions/adapters/dynamodb/table';
import { CUSTOM_ATTRIBUTES } from '#infra/stacks/stateful-stack';
import { type Synthesised, synthesise } from './synth.ts';

type Resource = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string };

let synth: Synthesised;
let template: Template;

beforeAll(() => {
  synth = synthesise();
  template = synth.stateful;
});
afterAll(() => synth.cleanup());

function bucketWithLogging(): Record<string, unknown> {
  const buckets = Object.values(
    template.findResources('AWS::S3::Bucket', {
      Properties: { LoggingConfiguration: Match.anyValue() },
    }),
  ) as Resource[];
  expect(buckets).toHaveLength(1);
  return buckets[0]!.Properties!;
}

describe('uploads bucket', () => {
  it('is versioned, encrypted with a customer-managed KMS key, private and logs access to the log bucket', () => {
    const uploads = bucketWithLogging();
    expect(uploads['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    const keyId = synth.stacks.stateful.resolve(
      (synth.stacks.stateful.uploadsKey.node.defaultChild as unknown as { logicalId: string }).logicalId,
    ) as string;
    expect(uploads['BucketEncryption']).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] },
          },
          BucketKeyEnabled: true,
        },
      ],
    });
    const key = template.toJSON().Resources[keyId] as Resource & { UpdateReplacePolicy?: string };
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties).toMatchObject({ EnableKeyRotation: true });
    expect(key.DeletionPolicy).toBe('Retain');
    expect(uploads['PublicAccessBlockConfiguration']).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(uploads['LoggingConfiguration']).toMatchObject({ LogFilePrefix: 'uploads/' });
  });

  it('expires superseded report versions under reports/ only', () => {
    const rules = (bucketWithLogging()['LifecycleConfiguration'] as { Rules: Record<string, unknown>[] })
      .Rules;
    const reports = rules.find((r) => r['Prefix'] === 'reports/');
    expect(reports).toMatchObject({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 90 } });
    expect(
      rules.some((r) => typeof r['Prefix'] === 'string' && String(r['Prefix']).startsWith('incoming')),
    ).toBe(false);
  });

  it('allows browser uploads from the configured origin only', () => {
    expect(bucketWithLogging()['CorsConfiguration']).toEqual({
      CorsRules: [
        expect.objectContaining({ AllowedOrigins: ['https://sinergi.example.id'], AllowedMethods: ['PUT'] }),
      ],
    });
  });

  it('every bucket denies requests without TLS, blocks public access and is retained', () => {
    const buckets = template.findResources('AWS::S3::Bucket') as Record<string, Resource>;
    expect(Object.keys(buckets)).toHaveLength(2);
    for (const [logicalId, bucket] of Object.entries(buckets)) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties?.['PublicAccessBlockConfiguration']).toMatchObject({
        BlockPublicPolicy: true,
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logicalId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });
});

describe('table', () => {
  it('has exactly the key schema of functions/adapters/dynamodb/table.ts', () => {
    const expected = createTableInput('any');
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table')) as Resource[];
    const props = table!.Properties!;
    expect(props['KeySchema']).toEqual(expected.KeySchema);
    expect(props['AttributeDefinitions']).toEqual(expect.arrayContaining(expected.AttributeDefinitions!));
    expect(props['AttributeDefinitions']).toHaveLength(expected.AttributeDefinitions!.length);
    expect(props['GlobalSecondaryIndexes']).toEqual(expected.GlobalSecondaryIndexes);
    expect(props['BillingMode']).toBe(expected.BillingMode);
  });

  it('has point-in-time recovery, encryption and deletion protection, and is retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });

  it('expires items by their ttl attribute (counters of wrong invitation codes)', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    });
  });
});

describe('NIK HMAC key', () => {
  it('is generated by Secrets Manager with at least 32 characters and retained', () => {
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        GenerateSecretString: Match.objectLike({
          PasswordLength: Match.anyValue(),
          ExcludePunctuation: true,
        }),
      }),
    });
    const [secret] = Object.values(template.findResources('AWS::SecretsManager::Secret')) as Resource[];
    const generate = secret!.Properties!['GenerateSecretString'] as { PasswordLength: number };
    expect(generate.PasswordLength).toBeGreaterThanOrEqual(32);
    expect(secret!.Properties!['SecretString']).toBeUndefined();
  });
});

describe('user pool', () => {
  it('has no self sign-up, a strong password policy, optional TOTP MFA and threat protection', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('declares the districts, employer_id and provider_id custom attributes', () => {
    const [pool] = Object.values(template.findResources('AWS::Cognito::UserPool')) as Resource[];
    const names = (pool!.Properties!['Schema'] as { Name: string }[]).map((a) => a.Name);
    expect(names).toEqual(expect.arrayContaining([...CUSTOM_ATTRIBUTES]));
  });

  it('has one group per role', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')) as Resource[];
    expect(groups.map((g) => g.Properties!['GroupName']).sort()).toEqual([...ROLES].sort());
  });

  it('gives the web app a public client that cannot write its own custom attributes', () => {
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient')) as Resource[];
    const props = client!.Properties!;
    expect(props['GenerateSecret']).toBe(false);
    expect(props['ExplicitAuthFlows']).toEqual(expect.arrayContaining(['ALLOW_USER_SRP_AUTH']));
    expect(props['ExplicitAuthFlows']).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(props['ReadAttributes']).toEqual(
      expect.arrayContaining(CUSTOM_ATTRIBUTES.map((a) => `custom:${a}`)),
    );
    expect((props['WriteAttributes'] as string[]).filter((a) => a.startsWith('custom:'))).toEqual([]);
  });
});

describe('physical names', () => {
  it('are all generated by CloudFormation', () => {
    const named = ['BucketName', 'TableName', 'UserPoolName', 'Name'];
    for (const type of [
      'AWS::S3::Bucket',
      'AWS::DynamoDB::Table',
      'AWS::Cognito::UserPool',
      'AWS::SecretsManager::Secret',
    ]) {
      for (const resource of Object.values(template.findResources(type)) as Resource[]) {
        for (const key of named) expect(resource.Properties?.[key], `${type}.${key}`).toBeUndefined();
      }
    }
  });
});
