import {
  Stack, Token, aws_apigateway as apigw, aws_certificatemanager as acm, aws_route53 as route53,
  aws_route53_targets as targets,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DomainOptions } from '../common/domain-options';
import { fail, Problem } from '../private/errors';

const DOMAIN = /^(?=.{1,253}$)(\*\.)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const BASE_PATH = /^[A-Za-z0-9._~-]+$/;

export function domainProblems(domain: DomainOptions | undefined, endpointType: apigw.EndpointType, region: string): Problem[] {
  if (!domain) return [];
  const problems: Problem[] = [];
  if (!Token.isUnresolved(domain.domainName) && !DOMAIN.test(domain.domainName)) {
    problems.push({ code: 'InvalidDomain', prop: 'domain.domainName', rule: 'must be a DNS name', value: domain.domainName, fix: "use e.g. 'api.example.com'" });
  }
  if (domain.basePath !== undefined && !Token.isUnresolved(domain.basePath) && !BASE_PATH.test(domain.basePath)) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.basePath',
      rule: 'must be one path segment of letters, digits, . _ ~ or -',
      value: domain.basePath,
      fix: "use e.g. 'v1' (no slashes)",
    });
  }
  if (!domain.certificate && !domain.hostedZone) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain',
      rule: 'needs a certificate, or a hostedZone to create and validate one in',
      value: domain.domainName,
      fix: 'pass certificate or hostedZone',
    });
  }
  if (!domain.certificate && endpointType === apigw.EndpointType.EDGE && region !== 'us-east-1') {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.certificate',
      rule: `is required for an edge-optimized API outside us-east-1 (CloudFront only uses certificates from us-east-1; this stack is in ${Token.isUnresolved(region) ? 'an unknown region' : region})`,
      value: undefined,
      fix: 'pass a certificate made in us-east-1 (e.g. from a us-east-1 stack), or use Endpoint.regional()',
    });
  }
  if (endpointType === apigw.EndpointType.PRIVATE) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: 'domain',
      rule: 'is not supported with Endpoint.private() by this library yet',
      value: domain.domainName,
      fix: 'use a regional endpoint for the custom domain, or reach the private API through its VPC endpoint',
    });
  }
  return problems;
}

/**
 * One custom domain per stack and domain name, shared by every gateway that names it: the
 * domain (TLS 1.2), its certificate when created, its alias record, and the base paths taken.
 */
class SharedDomain extends Construct {
  public static of(scope: Construct, options: DomainOptions, endpointType: apigw.EndpointType): SharedDomain {
    const stack = Stack.of(scope);
    const id = `GatehouseDomain${sanitize(options.domainName)}`;
    const existing = stack.node.tryFindChild(id);
    if (existing instanceof SharedDomain) {
      if (existing.endpointType !== endpointType || (options.certificate && options.certificate !== existing.certificate)) {
        fail(scope, {
          code: 'InvalidDomain',
          prop: 'domain',
          rule: 'is shared with another gateway of this stack and must use the same endpoint type and certificate',
          value: options.domainName,
          fix: 'give both gateways the same endpoint and certificate (or omit the certificate on the second)',
        });
      }
      return existing;
    }
    return new SharedDomain(stack, id, options, endpointType);
  }

  public readonly domain: apigw.DomainName;
  public readonly certificate: acm.ICertificate;
  private readonly basePaths = new Map<string, string>();

  private constructor(scope: Construct, id: string, options: DomainOptions, private readonly endpointType: apigw.EndpointType) {
    super(scope, id);
    this.certificate = options.certificate ?? new acm.Certificate(this, 'Certificate', {
      domainName: options.domainName,
      validation: acm.CertificateValidation.fromDns(options.hostedZone),
    });
    this.domain = new apigw.DomainName(this, 'Domain', {
      domainName: options.domainName,
      certificate: this.certificate,
      endpointType,
      securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      mtls: options.mutualTls && { bucket: options.mutualTls.bucket, key: options.mutualTls.key, version: options.mutualTls.version },
    });
    if (options.hostedZone) {
      new route53.ARecord(this, 'Alias', {
        zone: options.hostedZone,
        recordName: options.domainName,
        target: route53.RecordTarget.fromAlias(new targets.ApiGatewayDomain(this.domain)),
      });
    }
  }

  /** Claims `basePath` for `gateway`; the root path cannot be shared with any other. */
  public claim(gateway: Construct, basePath: string): void {
    const first = [...this.basePaths.values()][0];
    const taken = this.basePaths.get(basePath) ?? this.basePaths.get('') ?? (basePath === '' ? first : undefined);
    if (taken) {
      fail(gateway, {
        code: 'InvalidDomain',
        prop: 'domain.basePath',
        rule: `is taken on ${this.domain.domainName} by ${taken} (the root path cannot be shared)`,
        value: basePath || '(root)',
        fix: 'give each gateway on a shared domain its own basePath',
      });
    }
    this.basePaths.set(basePath, gateway.node.path);
  }
}

function sanitize(domainName: string): string {
  return Token.isUnresolved(domainName) ? 'Token' : domainName.replace(/[^A-Za-z0-9]/g, '');
}

/** Maps `stage` of `api` under the custom domain; returns the API's URL there. */
export function mapRestDomain(
  gateway: Construct, api: apigw.RestApi, stage: apigw.Stage, endpointType: apigw.EndpointType, options: DomainOptions,
): { url: string; domain: apigw.DomainName } {
  const shared = SharedDomain.of(gateway, options, endpointType);
  const basePath = options.basePath ?? '';
  shared.claim(gateway, basePath);
  new apigw.BasePathMapping(gateway, 'BasePathMapping', {
    domainName: shared.domain,
    restApi: api,
    stage,
    basePath: basePath || undefined,
  });
  return { url: `https://${options.domainName}/${basePath ? `${basePath}/` : ''}`, domain: shared.domain };
}
