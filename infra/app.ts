/**
 * CDK entry (`cdk.json` runs it with tsx). Stage and settings come from context:
 * `npx cdk deploy --all -c stage=prod -c corsOrigin=https://...`. cdk-nag's AWS Solutions checks run
 * on every synth; an unacknowledged error fails it.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { readDeploymentConfig } from './stacks/config.ts';
import { addSinergiStacks } from './stacks/sinergi-app.ts';

const app = new App();
const config = readDeploymentConfig(app.node);
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
addSinergiStacks(app, config, account && region ? { account, region } : undefined);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
app.synth();
