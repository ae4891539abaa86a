#!/usr/bin/env node
// Entry point for the CDK CLI (see cdk.json): `cd examples && npx cdk synth`. cdk.json gives the
// availability zones of the examples' account and region, so no lookup needs AWS credentials.
import { App } from 'aws-cdk-lib';
import { addExampleStacks } from './stacks';

// No creation stack traces in the assembly's metadata: they hold this machine's paths.
const app = new App({ context: { 'aws:cdk:disable-creation-stack-traces': true } });
addExampleStacks(app);
app.synth();
