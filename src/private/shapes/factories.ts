import { aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import type { RequestValue } from '../../common/request-value';
import type { PrivateEndpointOptions } from '../../rest/endpoint';
import type { ManagedWafOptions } from '../../rest/waf';
import { argumentChecker, args, list, optional, required, str } from '../shape';
import { MANAGED_WAF_OPTIONS, PRIVATE_ENDPOINT_OPTIONS } from './options';
import { SECRET } from './refs';
import { REQUEST_VALUE } from './vocabulary';

// The arguments of the small factories: RequestValue, SortKeyCondition, ApiAccess, Waf,
// Endpoint and ApiKeyValue.

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
  'ApiAccess.fromOrganization': args<{ organizationId: string }>({ organizationId: required(str("'o-a1b2c3d4e5'")) }),
  'Waf.managed': args<{ options?: ManagedWafOptions }>({ options: optional(MANAGED_WAF_OPTIONS) }),
  'Waf.fromWebAclArn': args<{ webAclArn: string }>({ webAclArn: required(str('webAcl.attrArn')) }),
  'Endpoint.private': args<{ options: PrivateEndpointOptions }>({ options: required(PRIVATE_ENDPOINT_OPTIONS) }),
  'ApiKeyValue.fromSecret': args<{ secret: secretsmanager.ISecret; jsonField?: string }>({
    secret: required(SECRET), jsonField: optional(str("'apiKey'")),
  }),
};

export const checkValueArguments = argumentChecker(VALUE_FACTORIES);
