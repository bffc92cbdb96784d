import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SinergiFunction, type SinergiFunctionProps } from '#infra/constructs/sinergi-function';

const props: Omit<SinergiFunctionProps, 'entry'> = {
  description: 'test',
  serviceName: 'sinergi-test',
  stage: 'test',
  logLevel: 'WARN',
  timeout: Duration.seconds(10),
};
const MISSING_ENTRY = 'functions/__absent__/handler.ts';

// Inside the repository so the bundle's external `@aws-sdk/*` imports resolve from node_modules.
const outRoot = join(PROJECT_ROOT, 'cdk.out', `test-infra-${process.pid}`);
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

function app(name: string, context: Record<string, unknown> = {}): App {
  const outdir = join(outRoot, name);
  mkdirSync(outdir, { recursive: true });
  return new App({ outdir, context });
}

describe('SinergiFunction with bundling', () => {
  let bundleDir: string;
  let template: Template;

  beforeAll(() => {
    const bundling = app('bundled');
    const stack = new Stack(bundling, 'Bundled');
    new SinergiFunction(stack, 'Fn', { ...props, entry: 'test/infra/fixtures/bundled-handler.ts' });
    template = Template.fromStack(stack);
    const assets = readdirSync(bundling.outdir).filter((d) => d.startsWith('asset.'));
    expect(assets).toHaveLength(1);
    bundleDir = join(bundling.outdir, assets[0]!);
  }, 60_000);

  it('emits one ESM file with the createRequire banner and the AWS SDK left external', () => {
    expect(readdirSync(bundleDir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire as sinergiCreateRequire } from 'node:module';")).toBe(
      true,
    );
    expect(code).toMatch(/from\s*"@aws-sdk\/client-dynamodb"/);
    expect(code).not.toContain('DynamoDBClientConfig');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Environment: { Variables: Match.objectLike({ POWERTOOLS_LOG_LEVEL: 'WARN', STAGE: 'test' }) },
    });
  });

  it('runs: aliases resolved, CommonJS dependencies can require Node builtins', async () => {
    const bundle = (await import(pathToFileURL(join(bundleDir, 'index.mjs')).href)) as {
      handler: () => Promise<Record<string, string>>;
    };
    await expect(bundle.handler()).resolves.toEqual({ index: 'gsi1pk', sdk: 'function', cjs: 'function' });
  });

  it('writes logs only to its own log group', () => {
    const [policy] = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: string[]; Resource: unknown }[] } };
    }[];
    const logs = policy!.Properties.PolicyDocument.Statement.find((s) =>
      s.Action.includes('logs:PutLogEvents'),
    );
    expect(logs?.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^FnLogs/), 'Arn'] });
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });
});

describe('SinergiFunction without its entry file', () => {
  it('synthesises with a loud placeholder and a warning when bundling is skipped', () => {
    const skipping = app('skipped', { 'aws:cdk:bundling-stacks': [] });
    const stack = new Stack(skipping, 'Skipped');
    new SinergiFunction(stack, 'Fn', { ...props, entry: MISSING_ENTRY });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Code: { ZipFile: Match.stringLikeRegexp('throw new Error') },
      Handler: 'index.handler',
    });
    Annotations.fromStack(stack).hasWarning(
      '*',
      Match.stringLikeRegexp(`${MISSING_ENTRY} does not exist yet`),
    );
  });

  it('refuses to synthesise when the stack must be bundled', () => {
    expect(existsSync(join(PROJECT_ROOT, MISSING_ENTRY))).toBe(false);
    const stack = new Stack(app('required'), 'Required');
    expect(() => new SinergiFunction(stack, 'Fn', { ...props, entry: MISSING_ENTRY })).toThrow(
      /functions\/__absent__\/handler\.ts does not exist/,
    );
  });
});
