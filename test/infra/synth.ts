/**
 * Synthesises the deployment once per test file into a temporary cloud assembly, with bundling
 * skipped (templates only), and runs cdk-nag over it as data.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { readDeploymentConfig } from '#infra/stacks/config';
import { addSinergiStacks, type SinergiStacks } from '#infra/stacks/sinergi-app';

/** The context `cdk synth` gets from cdk.json (feature flags included), so tests see the same app. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface Synthesised {
  stacks: SinergiStacks;
  stateful: Template;
  stateless: Template;
  web: Template;
  /** AwsSolutions findings per stack. */
  nag: {
    stateful: PolicyValidationPluginReport;
    stateless: PolicyValidationPluginReport;
    web: PolicyValidationPluginReport;
  };
  /** Serverless pack findings per stack. */
  serverless: { stateful: PolicyValidationPluginReport; stateless: PolicyValidationPluginReport };
  cleanup(): void;
}

export function synthesise(context: Record<string, string> = {}): Synthesised {
  const outdir = mkdtempSync(join(tmpdir(), 'sinergi-cdk-'));
  const app = new App({
    outdir,
    context: {
      ...cdkJsonContext(),
      'aws:cdk:bundling-stacks': [],
      corsOrigin: 'https://sinergi.example.id',
      ...context,
    },
  });
  const stacks = addSinergiStacks(app, readDeploymentConfig(app.node));
  const stateful = Template.fromStack(stacks.stateful);
  const stateless = Template.fromStack(stacks.stateless);
  const web = Template.fromStack(stacks.web);
  const nag = {
    stateful: new AwsSolutionsChecks(app).validateScope(stacks.stateful),
    stateless: new AwsSolutionsChecks(app).validateScope(stacks.stateless),
    web: new AwsSolutionsChecks(app).validateScope(stacks.web),
  };
  const serverless = {
    stateful: new ServerlessChecks(app).validateScope(stacks.stateful),
    stateless: new ServerlessChecks(app).validateScope(stacks.stateless),
  };
  return {
    stacks,
    stateful,
    stateless,
    web,
    nag,
    serverless,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}
