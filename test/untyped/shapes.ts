import { Check } from '../../src/core/shape';
import { HTTP_GATEWAY_PROPS } from '../../src/http/http-gateway';
import { ALARM_OPTIONS } from '../../src/monitoring/alarm-options';
import { MONITORING_OPTIONS } from '../../src/monitoring/monitoring-options';
import { ROUTE_METRIC_OPTIONS } from '../../src/monitoring/route-metric-options';
import { API_ACCESS_FACTORIES } from '../../src/rest/api-access';
import { CANARY_OPTIONS } from '../../src/rest/canary-options';
import { ENDPOINT_FACTORIES, PRIVATE_ENDPOINT_OPTIONS } from '../../src/rest/endpoint';
import { REST_GATEWAY_PROPS } from '../../src/rest/rest-gateway';
import { REST_STAGE_OPTIONS } from '../../src/rest/rest-gateway-stage';
import { MANAGED_WAF_OPTIONS, WAF_FACTORIES } from '../../src/rest/waf';
import { WAF_LOGGING_FACTORIES, WAF_LOGGING_OPTIONS } from '../../src/rest/waf-logging';
import { WAF_RULE_OVERRIDE_FACTORIES } from '../../src/rest/waf-rule-override';
import { GATEHOUSE_CHECKS_FACTORIES } from '../../src/review/gatehouse-checks';
import { ROUTE_MANIFEST_FACTORIES } from '../../src/review/route-manifest';
import { GATEWAY_METHODS } from '../../src/shared/gateway-methods';
import { API_KEY_OPTIONS, USAGE_PLAN_OPTIONS } from '../../src/shared/usage-plan';
import { ACCESS_LOG_OPTIONS } from '../../src/vocabulary/access-log-options';
import { API_KEY_VALUE_FACTORIES } from '../../src/vocabulary/api-key-value';
import { API_QUOTAS } from '../../src/vocabulary/api-quotas';
import { AUTHORIZATION_FACTORIES } from '../../src/vocabulary/authorization';
import { COGNITO_AUTHORIZATION_OPTIONS } from '../../src/vocabulary/authorizations/cognito';
import { JWT_AUTHORIZATION_OPTIONS } from '../../src/vocabulary/authorizations/jwt';
import { LAMBDA_REQUEST_AUTHORIZATION_OPTIONS, LAMBDA_TOKEN_AUTHORIZATION_OPTIONS } from '../../src/vocabulary/authorizations/lambda';
import { CACHE_OPTIONS, ROUTE_CACHE_OPTIONS } from '../../src/vocabulary/cache-options';
import { CLIENT_CERTIFICATE_FACTORIES } from '../../src/vocabulary/client-certificate';
import { CORS_OPTIONS } from '../../src/vocabulary/cors-options';
import { DOMAIN_OPTIONS, MUTUAL_TLS_OPTIONS } from '../../src/vocabulary/domain-options';
import { GATEWAY_RESPONSE_OPTIONS } from '../../src/vocabulary/gateway-responses';
import { INTEGRATION_FACTORIES } from '../../src/vocabulary/integration';
import { HTTP_RESPONSE_MAPPING } from '../../src/vocabulary/integrations/backend-mapping';
import { DYNAMODB_INTEGRATION_OPTIONS } from '../../src/vocabulary/integrations/dynamodb';
import { EVENT_BRIDGE_INTEGRATION_OPTIONS } from '../../src/vocabulary/integrations/event-bridge';
import { HTTP_PROXY_INTEGRATION_OPTIONS } from '../../src/vocabulary/integrations/http-proxy';
import { KINESIS_INTEGRATION_OPTIONS } from '../../src/vocabulary/integrations/kinesis';
import { LAMBDA_INTEGRATION_OPTIONS } from '../../src/vocabulary/integrations/lambda';
import { MOCK_INTEGRATION_OPTIONS } from '../../src/vocabulary/integrations/mock';
import {
  PRIVATE_ALB_INTEGRATION_OPTIONS, PRIVATE_INTEGRATION_OPTIONS, PRIVATE_NLB_INTEGRATION_OPTIONS,
} from '../../src/vocabulary/integrations/private';
import {
  RESPONSE_BODY_FACTORIES, SERVICE_ERROR_RESPONSE, SERVICE_RESPONSE_OPTIONS,
} from '../../src/vocabulary/integrations/service-response';
import { SORT_KEY_CONDITION_FACTORIES } from '../../src/vocabulary/integrations/sort-key-condition';
import { SQS_INTEGRATION_OPTIONS } from '../../src/vocabulary/integrations/sqs';
import { STEP_FUNCTIONS_INTEGRATION_OPTIONS } from '../../src/vocabulary/integrations/step-functions';
import { WRITE_CONDITION_FACTORIES } from '../../src/vocabulary/integrations/write-condition';
import { OPEN_API_DEFINITION_OPTIONS } from '../../src/vocabulary/openapi-definition-options';
import { QUOTA_SETTINGS } from '../../src/vocabulary/quota';
import { REQUEST_VALUE_FACTORIES } from '../../src/vocabulary/request-value';
import { ROUTE_OPTIONS } from '../../src/vocabulary/route-options';
import { THROTTLE_SETTINGS } from '../../src/vocabulary/throttle-settings';
import { URL_OUTPUT_OPTIONS } from '../../src/vocabulary/url-output-options';
import { WEBSOCKET_GATEWAY_PROPS } from '../../src/websocket/websocket-gateway';
import { WEBSOCKET_ROUTE_OPTIONS } from '../../src/websocket/websocket-route-options';

/**
 * Every props struct's shape, by the struct's name: what the bad-input tests compare their
 * rows with, so a prop added without a row fails them. Each shape lives beside its struct
 * in src/; this only gathers them.
 */
export const STRUCTS: Record<string, Check<any>> = Object.fromEntries([
  REST_GATEWAY_PROPS, HTTP_GATEWAY_PROPS, WEBSOCKET_GATEWAY_PROPS, ROUTE_OPTIONS, WEBSOCKET_ROUTE_OPTIONS,
  THROTTLE_SETTINGS, CORS_OPTIONS, ACCESS_LOG_OPTIONS, DOMAIN_OPTIONS, MUTUAL_TLS_OPTIONS, CACHE_OPTIONS, ROUTE_CACHE_OPTIONS,
  CANARY_OPTIONS, QUOTA_SETTINGS, USAGE_PLAN_OPTIONS, API_KEY_OPTIONS, PRIVATE_ENDPOINT_OPTIONS, MANAGED_WAF_OPTIONS,
  WAF_LOGGING_OPTIONS, URL_OUTPUT_OPTIONS, API_QUOTAS,
  LAMBDA_INTEGRATION_OPTIONS, HTTP_PROXY_INTEGRATION_OPTIONS, MOCK_INTEGRATION_OPTIONS, SQS_INTEGRATION_OPTIONS,
  KINESIS_INTEGRATION_OPTIONS, DYNAMODB_INTEGRATION_OPTIONS, STEP_FUNCTIONS_INTEGRATION_OPTIONS,
  EVENT_BRIDGE_INTEGRATION_OPTIONS, PRIVATE_NLB_INTEGRATION_OPTIONS, PRIVATE_ALB_INTEGRATION_OPTIONS,
  PRIVATE_INTEGRATION_OPTIONS, COGNITO_AUTHORIZATION_OPTIONS, OPEN_API_DEFINITION_OPTIONS,
  LAMBDA_TOKEN_AUTHORIZATION_OPTIONS, LAMBDA_REQUEST_AUTHORIZATION_OPTIONS, JWT_AUTHORIZATION_OPTIONS,
  SERVICE_RESPONSE_OPTIONS, SERVICE_ERROR_RESPONSE, GATEWAY_RESPONSE_OPTIONS,
  REST_STAGE_OPTIONS, HTTP_RESPONSE_MAPPING,
  MONITORING_OPTIONS, ALARM_OPTIONS, ROUTE_METRIC_OPTIONS,
].map(check => [check.structName!, check as Check<any>]));

/** The arguments of every factory and gateway method, by `Class.method` (methods by name). */
export const ARGUMENTS: Record<string, object> = {
  ...INTEGRATION_FACTORIES,
  ...AUTHORIZATION_FACTORIES,
  ...REQUEST_VALUE_FACTORIES,
  ...SORT_KEY_CONDITION_FACTORIES,
  ...WRITE_CONDITION_FACTORIES,
  ...RESPONSE_BODY_FACTORIES,
  ...API_ACCESS_FACTORIES,
  ...WAF_FACTORIES,
  ...WAF_RULE_OVERRIDE_FACTORIES,
  ...WAF_LOGGING_FACTORIES,
  ...ENDPOINT_FACTORIES,
  ...API_KEY_VALUE_FACTORIES,
  ...CLIENT_CERTIFICATE_FACTORIES,
  ...ROUTE_MANIFEST_FACTORIES,
  ...GATEHOUSE_CHECKS_FACTORIES,
  ...GATEWAY_METHODS,
};
