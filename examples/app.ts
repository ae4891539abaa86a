#!/usr/bin/env node
// Entry point for the CDK CLI (see cdk.json): `cd examples && cdk synth`.
import { App } from 'aws-cdk-lib';
import { addExampleStacks } from './stacks';

const app = new App();
addExampleStacks(app);
app.synth();
