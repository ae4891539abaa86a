import {
  aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2, aws_iam as iam, aws_logs as logs,
} from 'aws-cdk-lib';
import type { Authorization } from '../../vocabulary/authorization';
import type { ClientCertificate } from '../../vocabulary/client-certificate';
import type { RequestValue } from '../../vocabulary/request-value';
import { DynamoDbAction } from '../../vocabulary/integrations/dynamodb-action';
import type { Integration } from '../../vocabulary/integration';
import type { SortKeyCondition } from '../../vocabulary/integrations/sort-key-condition';
import { StepFunctionsAction } from '../../vocabulary/integrations/step-functions-action';
import type { ApiAccess } from '../../rest/api-access';
import type { ApiKeyValue } from '../../rest/api-key-value';
import { CacheSize, UnauthorizedInvalidation } from '../../vocabulary/cache-options';
import type { Endpoint } from '../../rest/endpoint';
import { QuotaPeriod } from '../../rest/quota';
import type { Waf } from '../../rest/waf';
import type { WafLogging } from '../../rest/waf-logging';
import { WafManagedRuleGroup, WafRuleAction } from '../../rest/waf-managed-rules';
import type { WafRuleOverride } from '../../rest/waf-rule-override';
import { Check, enumOf, madeBy, plainObject, simple } from '../../core/shape';

// The library's own words: objects its factories make (recognized by the brand their
// constructors set), and its enums.
export const INTEGRATION = madeBy<Integration>('Integration', 'Integration.lambda(fn)');
export const AUTHORIZATION = madeBy<Authorization>('Authorization', 'Authorization.iam()');
export const REQUEST_VALUE = madeBy<RequestValue>('RequestValue', "RequestValue.header('X-Tenant')");
export const SORT_KEY_CONDITION = madeBy<SortKeyCondition>('SortKeyCondition', "SortKeyCondition.beginsWith('sk', RequestValue.queryString('prefix'))");
export const ENDPOINT = madeBy<Endpoint>('Endpoint', 'Endpoint.regional()');
export const API_ACCESS = madeBy<ApiAccess>('ApiAccess', "ApiAccess.fromSourceIps(['203.0.113.0/24'])");
export const WAF = madeBy<Waf>('Waf', 'Waf.managed()');
export const WAF_RULE_OVERRIDE = madeBy<WafRuleOverride>('WafRuleOverride', 'WafRuleOverride.allowLargeBodies()');
export const WAF_LOGGING = madeBy<WafLogging>('WafLogging', 'WafLogging.toLogGroup(logGroup)');
export const CLIENT_CERTIFICATE = madeBy<ClientCertificate>('ClientCertificate', 'ClientCertificate.generate()');
export const API_KEY_VALUE = madeBy<ApiKeyValue>('ApiKeyValue', 'ApiKeyValue.generate()');

export const CACHE_SIZE = enumOf<CacheSize>('CacheSize', () => CacheSize);
export const QUOTA_PERIOD = enumOf<QuotaPeriod>('QuotaPeriod', () => QuotaPeriod);
export const DYNAMODB_ACTION = enumOf<DynamoDbAction>('DynamoDbAction', () => DynamoDbAction);
export const STEP_FUNCTIONS_ACTION = enumOf<StepFunctionsAction>('StepFunctionsAction', () => StepFunctionsAction);
export const WAF_MANAGED_RULE_GROUP = enumOf<WafManagedRuleGroup>('WafManagedRuleGroup', () => WafManagedRuleGroup);
export const WAF_RULE_ACTION = enumOf<WafRuleAction>('WafRuleAction', () => WafRuleAction);
export const UNAUTHORIZED_INVALIDATION = enumOf<UnauthorizedInvalidation>('UnauthorizedInvalidation', () => UnauthorizedInvalidation);

// aws-cdk-lib's enums and value classes that props take.
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
