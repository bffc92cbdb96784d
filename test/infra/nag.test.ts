import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdkJsonContext, type Synthesised, synthesise } from './synth.ts';

let synth: Synthesised;

beforeAll(() => {
  synth = synthesise();
});
afterAll(() => synth.cleanup());

function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          path: c.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

describe('cdk-nag AWS Solutions checks', () => {
  it('report no unacknowledged finding in either stack', () => {
    const findings = Object.values(synth.nag).flatMap((report) =>
      report.violations.map(
        (v) => `${v.severity} ${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`,
      ),
    );
    expect(findings).toEqual([]);
    expect(synth.nag.stateful.success).toBe(true);
    expect(synth.nag.stateless.success).toBe(true);
    expect(synth.nag.web.success).toBe(true);
  });

  it('report no unacknowledged finding of the Serverless pack either', () => {
    const findings = Object.values(synth.serverless).flatMap((report) =>
      report.violations.map(
        (v) => `${v.severity} ${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`,
      ),
    );
    expect(findings).toEqual([]);
    expect(synth.serverless.stateful.success).toBe(true);
    expect(synth.serverless.stateless.success).toBe(true);
  });

  it('are acknowledged one specific finding at a time, each with a reason', () => {
    const acks = [synth.stacks.stateful, synth.stacks.stateless, synth.stacks.web].flatMap(acknowledgements);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id).toMatch(/^(AwsSolutions-[A-Z]+\d+|Serverless-[A-Za-z]+)/);
      // A bare IAM4/IAM5 id would hide every wildcard on the construct, not the one reviewed.
      if (/^AwsSolutions-IAM[45]/.test(ack.id)) expect(ack.id).toMatch(/\[(Resource|Policy|Action)::.+\]$/);
      expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(40);
    }
    // Nothing is waved through for a whole stack.
    const stackPaths = new Set(
      [synth.stacks.stateful, synth.stacks.stateless, synth.stacks.web].map((s) => s.node.path),
    );
    expect(acks.filter((a) => stackPaths.has(a.path))).toEqual([]);
  });

  it('stay clean with threat protection off, acknowledging only the feature plan', () => {
    const essentials = synthesise({ cognitoThreatProtection: 'false' });
    try {
      essentials.stateful.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'ESSENTIALS' });
      expect(essentials.nag.stateful.violations).toEqual([]);
      const ids = acknowledgements(essentials.stacks.stateful).map((a) => a.id);
      expect(ids).toContain('AwsSolutions-COG8');
      expect(acknowledgements(synth.stacks.stateful).map((a) => a.id)).not.toContain('AwsSolutions-COG8');
    } finally {
      essentials.cleanup();
    }
  });

  it('do fail a stack that breaks the rules (the check is live)', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'sinergi-nag-')) });
    const stack = new Stack(app, 'Careless');
    new s3.Bucket(stack, 'Open');
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']),
    );
    rmSync(app.outdir, { recursive: true, force: true });
  });
});

describe('infra/app.ts', () => {
  it('synthesises the stacks with cdk-nag registered as a validation plugin and passes it', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'sinergi-app-'));
    try {
      const context = {
        ...cdkJsonContext(),
        'aws:cdk:bundling-stacks': [],
        stage: 'prod',
        corsOrigin: 'https://sinergi.example.id',
      };
      await promisify(execFile)('npx', ['tsx', 'infra/app.ts'], {
        cwd: join(import.meta.dirname, '..', '..'),
        env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
      });
      const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
        artifacts: Record<string, { type: string }>;
      };
      const stacks = Object.entries(manifest.artifacts).filter(
        ([, a]) => a.type === 'aws:cloudformation:stack',
      );
      expect(stacks.map(([id]) => id).sort()).toEqual([
        'Sinergi-prod-Stateful',
        'Sinergi-prod-Stateless',
        'Sinergi-prod-Web',
      ]);
      const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
        pluginReports: { pluginName: string; conclusion: string }[];
      };
      expect(report.pluginReports.filter((r) => r.conclusion !== 'success')).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);
});
