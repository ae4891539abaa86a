import {
  Stack, aws_kinesisfirehose as firehose, aws_logs as logs, aws_s3 as s3, aws_secretsmanager as secretsmanager,
} from 'aws-cdk-lib';
import { MANAGED_WAF_OPTIONS, PRIVATE_ENDPOINT_OPTIONS, WAF_LOGGING_OPTIONS } from './options';
import { REQUEST_VALUE, WAF_MANAGED_RULE_GROUP, WAF_RULE_ACTION } from './vocabulary';
import { argumentChecker, args, list, madeBy, optional, required, simple, str } from '../../core/shape';
import { BUCKET, DELIVERY_STREAM, LOG_GROUP, SECRET } from '../../core/shapes/refs';
import type { PrivateEndpointOptions } from '../../rest/endpoint';
import type { ManagedWafOptions } from '../../rest/waf';
import type { WafLoggingOptions } from '../../rest/waf-logging';
import type { WafManagedRuleGroup, WafRuleAction } from '../../rest/waf-managed-rules';
import type { RouteManifest } from '../../review/route-manifest';
import type { RequestValue } from '../../vocabulary/request-value';

// The arguments of the small factories: RequestValue, SortKeyCondition, ApiAccess, Waf,
// WafRuleOverride, WafLogging, Endpoint, ApiKeyValue and ClientCertificate.

const STACK = simple<Stack>('a Stack', 'this', value => Stack.isStack(value));
const ROUTE_MANIFEST = madeBy<RouteManifest>('RouteManifest', 'RouteManifest.fromAssembly(\'cdk.out\')');

const name = (example: string) => args<{ name: string }>({ name: required(str(example)) });
const oneValue = args<{ attribute: string; value: RequestValue }>({
  attribute: required(str("'sk'")), value: required(REQUEST_VALUE),
});

export const VALUE_FACTORIES = {
  'RequestValue.jsonPath': args<{ path: string }>({ path: required(str("'$.customer.id'")) }),
  'RequestValue.pathParameter': name("'id'"),
  'RequestValue.queryString': name("'lang'"),
  'RequestValue.header': name("'X-Tenant'"),
  'RequestValue.context': args<{ variable: string }>({ variable: required(str("'requestId'")) }),
  'RequestValue.stageVariable': name("'backend'"),
  'RequestValue.literal': args<{ value: string }>({ value: required(str("'orders'")) }),
  'SortKeyCondition.equalTo': oneValue,
  'SortKeyCondition.lessThan': oneValue,
  'SortKeyCondition.lessThanOrEqual': oneValue,
  'SortKeyCondition.greaterThan': oneValue,
  'SortKeyCondition.greaterThanOrEqual': oneValue,
  'SortKeyCondition.between': args<{ attribute: string; low: RequestValue; high: RequestValue }>({
    attribute: required(str("'sk'")), low: required(REQUEST_VALUE), high: required(REQUEST_VALUE),
  }),
  'SortKeyCondition.beginsWith': args<{ attribute: string; prefix: RequestValue }>({
    attribute: required(str("'sk'")), prefix: required(REQUEST_VALUE),
  }),
  'ApiAccess.fromSourceIps': args<{ cidrs: string[] }>({ cidrs: required(list(str("'203.0.113.0/24'"))) }),
  'ApiAccess.fromVpcs': args<{ vpcIds: string[] }>({ vpcIds: required(list(str('vpc.vpcId'))) }),
  'ApiAccess.fromVpcEndpoints': args<{ vpcEndpointIds: string[] }>({ vpcEndpointIds: required(list(str('endpoint.vpcEndpointId'))) }),
  'ApiAccess.fromAccounts': args<{ accountIds: string[] }>({ accountIds: required(list(str("'123456789012'"))) }),
  'ApiAccess.fromOrganization': args<{ organizationId: string }>({ organizationId: required(str("'o-a1b2c3d4e5'")) }),
  'Waf.managed': args<{ options?: ManagedWafOptions }>({ options: optional(MANAGED_WAF_OPTIONS) }),
  'Waf.fromWebAclArn': args<{ webAclArn: string }>({ webAclArn: required(str('webAcl.attrArn')) }),
  'WafRuleOverride.ruleAction': args<{ group: WafManagedRuleGroup; ruleName: string; action: WafRuleAction }>({
    group: required(WAF_MANAGED_RULE_GROUP), ruleName: required(str("'SizeRestrictions_BODY'")), action: required(WAF_RULE_ACTION),
  }),
  'WafLogging.toLogGroup': args<{ logGroup: logs.ILogGroup; options?: WafLoggingOptions }>({
    logGroup: required(LOG_GROUP), options: optional(WAF_LOGGING_OPTIONS),
  }),
  'WafLogging.toBucket': args<{ bucket: s3.IBucket; options?: WafLoggingOptions }>({
    bucket: required(BUCKET), options: optional(WAF_LOGGING_OPTIONS),
  }),
  'WafLogging.toFirehose': args<{ deliveryStream: firehose.IDeliveryStream; options?: WafLoggingOptions }>({
    deliveryStream: required(DELIVERY_STREAM), options: optional(WAF_LOGGING_OPTIONS),
  }),
  'Endpoint.privateInVpc': args<{ options: PrivateEndpointOptions }>({ options: required(PRIVATE_ENDPOINT_OPTIONS) }),
  'ApiKeyValue.fromSecret': args<{ secret: secretsmanager.ISecret; jsonField?: string }>({
    secret: required(SECRET), jsonField: optional(str("'apiKey'")),
  }),
  'ClientCertificate.fromClientCertificateId': args<{ clientCertificateId: string }>({
    clientCertificateId: required(str("'z7rl9t'")),
  }),
  'RouteManifest.fromAssembly': args<{ directory: string }>({ directory: required(str("'cdk.out'")) }),
  'RouteManifest.fromStacks': args<{ stacks: Stack[] }>({ stacks: required(list(STACK)) }),
  'RouteManifest.diff': args<{ before: RouteManifest; after: RouteManifest }>({
    before: required(ROUTE_MANIFEST), after: required(ROUTE_MANIFEST),
  }),
};

export const checkValueArguments = argumentChecker(VALUE_FACTORIES);
