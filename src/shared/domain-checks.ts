import { Token, aws_route53 as route53, aws_s3 as s3 } from 'aws-cdk-lib';
import { Problem } from '../core/errors';
import { DomainOptions, MutualTlsOptions } from '../vocabulary/domain-options';

/** An S3 object key the truststore URI can name: no leading or trailing `/`, no control characters. */
const OBJECT_KEY = /^(?!\/)[^\u0000-\u001f\u007f]{1,1024}(?<!\/)$/;
/** S3 version IDs are opaque; API Gateway passes them on. */
const VERSION_ID = /^\S{1,1024}$/;

/**
 * Mutual TLS checks every gateway shares. API Gateway checks client certificates on the custom
 * domain only, so a reachable `execute-api` endpoint would let clients skip the check (its
 * developer guide, "mutual TLS authentication for REST APIs", says to disable the default
 * endpoint and lists a regional custom domain as a prerequisite); and the truststore must be
 * an S3 object URI.
 */
export function mutualTlsProblems(domain: DomainOptions): Problem[] {
  const mtls = domain.mutualTls;
  if (!mtls) return [];
  const problems: Problem[] = [];
  if (domain.keepExecuteApiEndpoint) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.keepExecuteApiEndpoint',
      rule: 'must be false with mutualTls: clients could call the execute-api endpoint without a certificate',
      value: true,
      fix: 'remove keepExecuteApiEndpoint (the gateway turns the endpoint off), or drop mutualTls',
    });
  }
  problems.push(...truststoreProblems(mtls));
  return problems;
}

function truststoreProblems(mtls: MutualTlsOptions): Problem[] {
  const problems: Problem[] = [];
  if (!Token.isUnresolved(mtls.key) && !OBJECT_KEY.test(mtls.key)) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.mutualTls.key',
      rule: "must be the truststore's S3 object key (1 to 1024 characters, no leading or trailing /, no control characters)",
      value: mtls.key,
      fix: "e.g. 'truststore.pem'",
    });
  }
  if (mtls.version !== undefined && !Token.isUnresolved(mtls.version) && !VERSION_ID.test(mtls.version)) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.mutualTls.version',
      rule: 'must be an S3 object version ID (1 to 1024 characters without spaces)',
      value: mtls.version,
      fix: 'leave version out for the latest, or copy the ID from the object\'s versions',
    });
  }
  const bucketName = mtls.bucket.bucketName;
  const bucketProblem = Token.isUnresolved(bucketName) ? undefined : bucketNameProblem(bucketName);
  if (bucketProblem) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.mutualTls.bucket',
      rule: `must be an S3 bucket name: ${bucketProblem}`,
      value: bucketName,
      fix: "pass the truststore's bucket, e.g. Bucket.fromBucketName(this, 'Truststore', 'my-truststore')",
    });
  }
  return problems;
}

/** What aws-cdk-lib's S3 naming check says is wrong with `name`, if anything. */
function bucketNameProblem(name: string): string | undefined {
  try {
    s3.Bucket.validateBucketName(name);
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n').slice(1).join('; ').replace(/ \(offset: \d+\)/g, '');
  }
}

/**
 * The domain must lie in `hostedZone`, where its alias record and the certificate's
 * validation records go, and the zone must know its name (the record needs it).
 */
export function hostedZoneProblems(domain: DomainOptions): Problem[] {
  const zone = domain.hostedZone;
  if (!zone) return [];
  const zoneName = knownZoneName(zone);
  if (zoneName === null) {
    return [{
      code: 'InvalidDomain',
      prop: 'domain.hostedZone',
      rule: 'must know its zone name, which the alias record needs (HostedZone.fromHostedZoneId does not)',
      value: zone.hostedZoneId,
      fix: 'import it with HostedZone.fromHostedZoneAttributes({ hostedZoneId, zoneName }) or HostedZone.fromLookup',
    }];
  }
  const name = domain.domainName;
  if (zoneName === undefined || Token.isUnresolved(name)) return [];
  const apex = zoneName.toLowerCase().replace(/\.$/, '');
  const bare = name.replace(/^\*\./, '').toLowerCase();
  if (bare === apex || bare.endsWith(`.${apex}`)) return [];
  return [{
    code: 'InvalidDomain',
    prop: 'domain.domainName',
    rule: `must be in the hostedZone's domain ${apex} (the alias record and the certificate's validation records go there)`,
    value: name,
    fix: `use a name under ${apex}, or pass the hosted zone of ${name}`,
  }];
}

/** The zone's name; undefined when it is a token, null when the import does not know it. */
function knownZoneName(zone: route53.IHostedZone): string | undefined | null {
  let zoneName: string;
  try {
    zoneName = zone.zoneName;
  } catch {
    return null;
  }
  return Token.isUnresolved(zoneName) ? undefined : zoneName;
}
