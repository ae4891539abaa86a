import { aws_apigateway as apigw, aws_certificatemanager as acm, aws_route53 as route53, aws_s3 as s3 } from 'aws-cdk-lib';
import { bool, optional, required, str, struct } from '../core/shape';
import { SECURITY_POLICY } from '../core/shapes/aws';
import { BUCKET, CERTIFICATE, HOSTED_ZONE } from '../core/shapes/refs';

/**
 * Mutual TLS: clients present certificates signed by a CA in the truststore. API Gateway
 * offers it on regional custom domains (not edge-optimized ones) and checks certificates on
 * the domain only, so the gateway's `execute-api` endpoint stays off.
 */
export interface MutualTlsOptions {
  /** The bucket holding the truststore (a PEM bundle of CA certificates). */
  readonly bucket: s3.IBucket;
  /** The truststore's object key, e.g. `truststore.pem` (no leading `/`). */
  readonly key: string;
  /**
   * The object version, for a versioned bucket.
   * @default - the latest version
   */
  readonly version?: string;
}

/**
 * A custom domain for a gateway. Gateways of one stack that name the same domain share it,
 * each under its own base path.
 */
export interface DomainOptions {
  /**
   * The domain, e.g. `api.example.com` or `*.example.com`: lower case (API Gateway refuses
   * upper-case names), and inside `hostedZone` when one is given.
   */
  readonly domainName: string;

  /**
   * The certificate for the domain (in us-east-1 for an edge-optimized API).
   * @default - a certificate created and validated by DNS in `hostedZone`
   */
  readonly certificate?: acm.ICertificate;

  /**
   * The hosted zone for the domain: the certificate's validation records and an alias
   * record for the domain go there.
   * @default - no DNS records (point the domain at the API yourself)
   */
  readonly hostedZone?: route53.IHostedZone;

  /**
   * The path under the domain the API is served at, e.g. `v1`: one segment of letters,
   * digits and `$ - _ . + ! * ' ( )`.
   * @default - the domain's root (then no other API can share the domain)
   */
  readonly basePath?: string;

  /**
   * Mutual TLS.
   * @default - off
   */
  readonly mutualTls?: MutualTlsOptions;

  /**
   * Keep the default `execute-api` endpoint reachable next to the custom domain. Not with
   * mutual TLS on the domain (clients would skip the certificate check there).
   * @default false
   */
  readonly keepExecuteApiEndpoint?: boolean;

  /**
   * The TLS versions and cipher suites the domain accepts. Regional REST domains also take the
   * enhanced policies `TLS13_1_3_2025_09` (TLS 1.3 only), `TLS13_1_3_FIPS_2025_09`,
   * `TLS13_1_2_PQ_2025_09` and `TLS13_1_2_PFS_PQ_2025_09`; edge-optimized REST domains
   * `TLS13_2025_EDGE`, `TLS12_PFS_2025_EDGE` and `TLS12_2018_EDGE`; HTTP API domains only
   * `TLS_1_2` (or `TLS_1_0`). An enhanced policy turns on the STRICT endpoint access mode
   * and cannot be combined with `mutualTls`. `TLS_1_0` is accepted with a warning. Gateways
   * sharing a domain share its policy.
   * @default apigw.SecurityPolicy.TLS_1_2
   */
  readonly securityPolicy?: apigw.SecurityPolicy;
}

// The shapes untyped (JavaScript) callers are checked against.

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
