/**
 * The whole deployment: one stateful and one stateless stack per stage. Shared by `infra/app.ts`
 * and the infrastructure tests, so what is tested is what is deployed.
 */
import { type App, type Environment, Tags } from 'aws-cdk-lib';
import type { DeploymentConfig } from './config.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';
import { WebStack } from './web-stack.ts';

export interface SinergiStacks {
  stateful: StatefulStack;
  stateless: StatelessStack;
  web: WebStack;
}

/** Stack ids carry the stage so several stages can live in one account; physical names stay generated. */
export function stackIds(stage: string): { stateful: string; stateless: string; web: string } {
  return {
    stateful: `Sinergi-${stage}-Stateful`,
    stateless: `Sinergi-${stage}-Stateless`,
    web: `Sinergi-${stage}-Web`,
  };
}

export function addSinergiStacks(app: App, config: DeploymentConfig, env?: Environment): SinergiStacks {
  const ids = stackIds(config.stage);
  const envProps = env ? { env } : {};
  const stateful = new StatefulStack(app, ids.stateful, {
    ...envProps,
    config,
    description: `SINERGI match (${config.stage}): uploads bucket, table, NIK key, user pool`,
    terminationProtection: config.stage !== 'dev',
  });
  const stateless = new StatelessStack(app, ids.stateless, {
    ...envProps,
    config,
    description: `SINERGI match (${config.stage}): ingest pipeline, nightly rematch, HTTP API, alarms`,
    uploadsBucket: stateful.uploadsBucket,
    uploadsKey: stateful.uploadsKey,
    table: stateful.table,
    nikKeySecret: stateful.nikKeySecret,
    userPool: stateful.userPool,
    counsellorWebClient: stateful.counsellorWebClient,
  });
  const web = new WebStack(app, ids.web, {
    ...envProps,
    config,
    description: `SINERGI match (${config.stage}): web workspace on CloudFront, Cognito Hosted UI domain`,
    httpApi: stateless.httpApi,
    userPool: stateful.userPool,
    webClient: stateful.counsellorWebClient,
    uploadsBucket: stateful.uploadsBucket,
  });
  for (const stack of [stateful, stateless, web]) {
    Tags.of(stack).add('project', 'sinergi-match');
    Tags.of(stack).add('stage', config.stage);
  }
  return { stateful, stateless, web };
}
