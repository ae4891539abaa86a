import { Stack, Token, aws_apigateway as apigw, aws_certificatemanager as acm, aws_route53 as route53 } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { hostedZoneProblems, mutualTlsProblems } from './domain-checks';
import { fail, Problem } from '../core/errors';
import { DomainOptions } from '../vocabulary/domain-options';

/** RFC 1035 labels, lower case (API Gateway refuses upper-case names), a letter-led top label (punycode too). */
const DOMAIN = /^(?=.{1,253}$)(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** The characters API Gateway takes in a base path; one level (multi-level mappings are not supported here). */
const BASE_PATH = /^[A-Za-z0-9$_.+!*'()-]+$/;

/**
 * What every gateway checks in `domain`: a DNS name, a one-segment base path, a certificate
 * or a zone to create one in, and a given certificate in the region the domain needs.
 */
export function domainOptionProblems(domain: DomainOptions, certificateRegion: string): Problem[] {
  const problems: Problem[] = [];
  if (!Token.isUnresolved(domain.domainName) && !DOMAIN.test(domain.domainName)) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.domainName',
      rule: 'must be a lower-case DNS name (labels of letters, digits and inner hyphens, up to 63 characters each and 253 in all; a leading *. for a wildcard)',
      value: domain.domainName,
      fix: "use e.g. 'api.example.com'",
    });
  }
  if (domain.basePath !== undefined && !Token.isUnresolved(domain.basePath) && !BASE_PATH.test(domain.basePath)) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.basePath',
      rule: "must be one path segment of letters, digits and $ - _ . + ! * ' ( ) (API Gateway's characters; this library maps one level)",
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
  problems.push(...hostedZoneProblems(domain), ...mutualTlsProblems(domain));
  const arn = domain.certificate?.certificateArn;
  // arn:<partition>:acm:<region>:<account>:certificate/<id>
  const region = arn && !Token.isUnresolved(arn) ? arn.split(':')[3] : undefined;
  if (region && !Token.isUnresolved(certificateRegion) && region !== certificateRegion) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.certificate',
      rule: `must be in ${certificateRegion}, where this domain's endpoint uses it`,
      value: arn,
      fix: `use a certificate issued in ${certificateRegion}, or leave certificate out to have one created by DNS in hostedZone`,
    });
  }
  return problems;
}

/** What a gateway makes of the shared domain: the domain resource and where its alias record points. */
export interface DomainResource<D extends IConstruct> {
  readonly domain: D;
  readonly aliasTarget: route53.IAliasRecordTarget;
}

/**
 * One custom domain per stack and domain name, shared by every gateway that names it: its
 * certificate when created, the domain resource, its alias record, and the base paths taken.
 * `kind` says which gateways can share it (one resource type and endpoint type); the gateway
 * that comes first creates the resource with `create`.
 */
export class SharedDomain<D extends IConstruct> extends Construct {
  public static of<D extends IConstruct>(
    gateway: Construct, options: DomainOptions, kind: string,
    create: (scope: Construct, certificate: acm.ICertificate) => DomainResource<D>,
  ): SharedDomain<D> {
    const stack = Stack.of(gateway);
    const id = `GatehouseDomain${sanitize(options.domainName)}`;
    const existing = stack.node.tryFindChild(id);
    if (existing instanceof SharedDomain) {
      existing.checkSharable(gateway, options, kind);
      return existing as SharedDomain<D>;
    }
    return new SharedDomain(stack, id, gateway, options, kind, create);
  }

  public readonly domain: D;
  public readonly certificate: acm.ICertificate;
  private readonly basePaths = new Map<string, string>();
  /** The path of the gateway that created the domain. */
  private readonly creator: string;

  private constructor(
    scope: Construct, id: string, gateway: Construct, private readonly options: DomainOptions, private readonly kind: string,
    create: (scope: Construct, certificate: acm.ICertificate) => DomainResource<D>,
  ) {
    super(scope, id);
    this.creator = gateway.node.path;
    this.certificate = options.certificate ?? new acm.Certificate(this, 'Certificate', {
      domainName: options.domainName,
      validation: acm.CertificateValidation.fromDns(options.hostedZone),
    });
    const resource = create(this, this.certificate);
    this.domain = resource.domain;
    if (options.hostedZone) {
      new route53.ARecord(this, 'Alias', {
        zone: options.hostedZone,
        recordName: options.domainName,
        target: route53.RecordTarget.fromAlias(resource.aliasTarget),
      });
    }
  }

  /**
   * Claims `basePath` for `gateway`; the root path cannot be shared with any other.
   * @returns the gateway's URL under the domain with `scheme`, ending in `/`
   */
  public claim(gateway: Construct, basePath: string, scheme: 'https' | 'wss' = 'https'): string {
    const first = [...this.basePaths.values()][0];
    const taken = this.basePaths.get(basePath) ?? this.basePaths.get('') ?? (basePath === '' ? first : undefined);
    if (taken) {
      fail(gateway, {
        code: 'InvalidDomain',
        prop: 'domain.basePath',
        rule: `is taken on ${this.options.domainName} by ${taken} (the root path cannot be shared)`,
        value: basePath || '(root)',
        fix: 'give each gateway on a shared domain its own basePath',
      });
    }
    this.basePaths.set(basePath, gateway.node.path);
    return `${scheme}://${this.options.domainName}/${basePath ? `${basePath}/` : ''}`;
  }

  private checkSharable(gateway: Construct, options: DomainOptions, kind: string): void {
    const owner = this.creator;
    if (kind !== this.kind) {
      fail(gateway, {
        code: 'InvalidDomain',
        prop: 'domain',
        rule: `is already the domain of ${owner} (${this.kind}), and gateways share a domain only when they are of one kind and endpoint type (this one is ${kind})`,
        value: options.domainName,
        fix: 'give one of the gateways another domain name (e.g. a subdomain), or the same kind of gateway and endpoint',
      });
    }
    if (options.certificate && options.certificate !== this.certificate) {
      fail(gateway, {
        code: 'InvalidDomain',
        prop: 'domain.certificate',
        rule: `must be the certificate ${owner} uses for this shared domain`,
        value: options.certificate.certificateArn,
        fix: 'pass the same certificate to both gateways, or omit it on the second',
      });
    }
    const mtls = options.mutualTls;
    const own = this.options.mutualTls;
    if (mtls && (mtls.bucket !== own?.bucket || mtls.key !== own.key || mtls.version !== own.version)) {
      fail(gateway, {
        code: 'InvalidDomain',
        prop: 'domain.mutualTls',
        rule: `must be the truststore ${owner} set for this shared domain (mutual TLS belongs to the domain, not to one gateway)`,
        value: mtls.key,
        fix: 'pass the same mutualTls to both gateways, or omit it on the second',
      });
    }
    if (own && options.keepExecuteApiEndpoint) {
      fail(gateway, {
        code: 'InvalidDomain',
        prop: 'domain.keepExecuteApiEndpoint',
        rule: `must be false on ${options.domainName}, which has mutual TLS (set by ${owner}): clients could call this gateway's execute-api endpoint without a certificate`,
        value: true,
        fix: 'remove keepExecuteApiEndpoint, or give this gateway a domain without mutual TLS',
      });
    }
    const ownPolicy = this.options.securityPolicy ?? apigw.SecurityPolicy.TLS_1_2;
    if (options.securityPolicy !== undefined && options.securityPolicy !== ownPolicy) {
      fail(gateway, {
        code: 'InvalidDomain',
        prop: 'domain.securityPolicy',
        rule: `must be the policy ${owner} set for this shared domain (${ownPolicy})`,
        value: options.securityPolicy,
        fix: 'pass the same securityPolicy to both gateways, or omit it on the second',
      });
    }
  }
}

function sanitize(domainName: string): string {
  return Token.isUnresolved(domainName) ? 'Token' : domainName.replace(/[^A-Za-z0-9]/g, '');
}
