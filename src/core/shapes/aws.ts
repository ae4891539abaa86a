import { aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { Check, enumOf, plainObject, simple } from '../shape';

// The shapes untyped (JavaScript) callers are checked against.

export const METHOD_LOGGING_LEVEL = enumOf<apigw.MethodLoggingLevel>('apigw.MethodLoggingLevel', () => apigw.MethodLoggingLevel);

export const API_KEY_SOURCE = enumOf<apigw.ApiKeySourceType>('apigw.ApiKeySourceType', () => apigw.ApiKeySourceType);

export const RETENTION_DAYS = enumOf<logs.RetentionDays>('logs.RetentionDays', () => logs.RetentionDays);

export const SECURITY_POLICY = enumOf<apigw.SecurityPolicy>('apigw.SecurityPolicy', () => apigw.SecurityPolicy);

/** A class with static members and `custom(version)`: any of its objects has a `version` string. */
export const PAYLOAD_FORMAT_VERSION: Check<apigwv2.PayloadFormatVersion> = simple(
  'an apigwv2.PayloadFormatVersion', 'PayloadFormatVersion.VERSION_2_0',
  v => typeof v === 'object' && v !== null && typeof (v as { version?: unknown }).version === 'string');

export const POLICY_DOCUMENT: Check<iam.PolicyDocument> = simple('an iam.PolicyDocument',
  'new iam.PolicyDocument({ statements: [...] }) (iam.PolicyDocument.fromJson for a JSON policy)',
  v => v instanceof iam.PolicyDocument || (typeof v === 'object' && v !== null && typeof (v as { addStatements?: unknown }).addStatements === 'function'));

export const JSON_SCHEMA = plainObject<apigw.JsonSchema>('a JSON schema object', '{ type: JsonSchemaType.OBJECT, required: [\'id\'] }');

export const SUBNET_SELECTION = plainObject<ec2.SubnetSelection>('an ec2.SubnetSelection', '{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }');
