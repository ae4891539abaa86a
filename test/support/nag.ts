import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/**
 * Runs cdk-nag's AWS Solutions and Serverless packs as CDK validation plugins: any finding
 * not acknowledged (with a reason, which `acknowledge` requires) fails `app.synth()`.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}
