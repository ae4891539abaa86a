import {
  API_KEY_VALUE, CACHE_SIZE, QUOTA_PERIOD, REQUEST_VALUE, RETENTION_DAYS, SECURITY_POLICY, SUBNET_SELECTION, UNAUTHORIZED_INVALIDATION,
  WAF_LOGGING, WAF_RULE_OVERRIDE,
} from './vocabulary';
import { bool, duration, list, map, num, optional, required, str, struct } from '../../core/shape';
import { BUCKET, CERTIFICATE, HOSTED_ZONE, INTERFACE_VPC_ENDPOINT, KMS_KEY, LOG_GROUP, VPC } from '../../core/shapes/refs';
import type { CanaryOptions } from '../../rest/canary-options';
import type { PrivateEndpointOptions } from '../../rest/endpoint';
import type { QuotaSettings } from '../../rest/quota';
import type { ApiKeyOptions, UsagePlanOptions } from '../../rest/usage-plan';
import type { ManagedWafOptions } from '../../rest/waf';
import type { WafLoggingOptions } from '../../rest/waf-logging';
import type { AccessLogOptions } from '../../vocabulary/access-log-options';
import type { CacheOptions, RouteCacheOptions } from '../../vocabulary/cache-options';
import type { CorsOptions } from '../../vocabulary/cors-options';
import type { DomainOptions, MutualTlsOptions } from '../../vocabulary/domain-options';
import type { ThrottleSettings } from '../../vocabulary/throttle-settings';
import type { UrlOutputOptions } from '../../vocabulary/url-output-options';

// The option structs gateways and their methods share.

export const THROTTLE_SETTINGS = struct<ThrottleSettings>('ThrottleSettings', {
  rateLimit: required(num('100')),
  burstLimit: required(num('200')),
}, '{ rateLimit: 100, burstLimit: 200 }');

export const CORS_OPTIONS = struct<CorsOptions>('CorsOptions', {
  allowOrigins: required(list(str("'https://app.example.com'"))),
  allowMethods: optional(list(str("'GET'"))),
  allowHeaders: optional(list(str("'Content-Type'"))),
  exposeHeaders: optional(list(str("'X-Request-Id'"))),
  allowCredentials: optional(bool()),
  maxAge: optional(duration('Duration.minutes(10)')),
}, "{ allowOrigins: ['https://app.example.com'] }");

export const ACCESS_LOG_OPTIONS = struct<AccessLogOptions>('AccessLogOptions', {
  enabled: optional(bool()),
  logGroup: optional(LOG_GROUP),
  retention: optional(RETENTION_DAYS),
  encryptionKey: optional(KMS_KEY),
}, '{ enabled: false } to turn access logs off');

export const MUTUAL_TLS_OPTIONS = struct<MutualTlsOptions>('MutualTlsOptions', {
  bucket: required(BUCKET),
  key: required(str("'truststore.pem'")),
  version: optional(str()),
}, "{ bucket, key: 'truststore.pem' }");

export const DOMAIN_OPTIONS = struct<DomainOptions>('DomainOptions', {
  domainName: required(str("'api.example.com'")),
  certificate: optional(CERTIFICATE),
  hostedZone: optional(HOSTED_ZONE),
  basePath: optional(str("'v1'")),
  mutualTls: optional(MUTUAL_TLS_OPTIONS),
  keepExecuteApiEndpoint: optional(bool()),
  securityPolicy: optional(SECURITY_POLICY),
}, "{ domainName: 'api.example.com', hostedZone }");

export const CACHE_OPTIONS = struct<CacheOptions>('CacheOptions', {
  size: optional(CACHE_SIZE),
  ttl: optional(duration('Duration.minutes(5)')),
  encrypted: optional(bool()),
  unauthorizedInvalidation: optional(UNAUTHORIZED_INVALIDATION),
}, '{ size: CacheSize.GB_0_5 }');

export const ROUTE_CACHE_OPTIONS = struct<RouteCacheOptions>('RouteCacheOptions', {
  enabled: optional(bool()),
  ttl: optional(duration('Duration.minutes(1)')),
  keyParameters: optional(list(REQUEST_VALUE)),
  sharedAcrossCallers: optional(bool()),
}, "{ keyParameters: [RequestValue.queryString('lang')] }");

export const CANARY_OPTIONS = struct<CanaryOptions>('CanaryOptions', {
  stableVersion: required(str('the DeploymentVersion output of the deploy the stage serves now')),
  trafficPercent: required(num('10')),
  stageVariableOverrides: optional(map(str(), "{ backend: 'v2' }")),
  useStageCache: optional(bool()),
}, '{ stableVersion, trafficPercent: 10 }');

export const QUOTA_SETTINGS = struct<QuotaSettings>('QuotaSettings', {
  limit: required(num('100000')),
  period: required(QUOTA_PERIOD),
  offset: optional(num('0')),
}, '{ limit: 100000, period: QuotaPeriod.MONTH }');

export const USAGE_PLAN_OPTIONS = struct<UsagePlanOptions>('UsagePlanOptions', {
  throttle: optional(THROTTLE_SETTINGS),
  quota: optional(QUOTA_SETTINGS),
  routeThrottles: optional(map(THROTTLE_SETTINGS, "{ 'GET /reports/{id}': { rateLimit: 5, burstLimit: 10 } }")),
  name: optional(str("'Gold'")),
  description: optional(str()),
}, '{ throttle: { rateLimit: 100, burstLimit: 200 } }');

export const API_KEY_OPTIONS = struct<ApiKeyOptions>('ApiKeyOptions', {
  value: optional(API_KEY_VALUE),
  description: optional(str()),
  outputKeyId: optional(bool()),
}, '{ outputKeyId: true }');

export const PRIVATE_ENDPOINT_OPTIONS = struct<PrivateEndpointOptions>('PrivateEndpointOptions', {
  vpc: optional(VPC),
  subnets: optional(SUBNET_SELECTION),
  vpcEndpoints: optional(list(INTERFACE_VPC_ENDPOINT)),
}, '{ vpc }');

export const WAF_LOGGING_OPTIONS = struct<WafLoggingOptions>('WafLoggingOptions', {
  redactedHeaders: optional(list(str("'authorization'"))),
}, "{ redactedHeaders: ['authorization'] }");

export const MANAGED_WAF_OPTIONS = struct<ManagedWafOptions>('ManagedWafOptions', {
  rateLimitPerFiveMinutes: optional(num('2000')),
  ruleOverrides: optional(list(WAF_RULE_OVERRIDE)),
  logging: optional(WAF_LOGGING),
}, '{ rateLimitPerFiveMinutes: 2000 }');

export const URL_OUTPUT_OPTIONS = struct<UrlOutputOptions>('UrlOutputOptions', {
  enabled: optional(bool()),
  name: optional(str("'OrdersApiUrl'")),
  exportName: optional(str("'orders-prod:api-url'")),
}, "{ name: 'OrdersApiUrl' }, or { enabled: false } to leave the output out");
