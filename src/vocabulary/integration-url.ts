import { isIP } from 'net';
import { Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Problem, warn } from '../core/errors';

/** `{name}` or `{name+}`: a path parameter the URL receives (not `${stageVariables.name}`). */
export const URL_PLACEHOLDER = /(?<!\$)\{([A-Za-z0-9_.-]+)\+?\}/g;
/** `${stageVariables.name}`: API Gateway substitutes the stage variable. */
const STAGE_VARIABLE = /\$\{stageVariables\.[A-Za-z0-9_]+\}/g;
/** How aws-cdk-lib writes a token inside a string. */
const TOKEN = /\$\{Token\[[^\]]*\]\}/g;
const HOST_LABEL = /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

/** The URL with placeholders, stage variables and tokens replaced by a plain word, for parsing. */
function literalShape(url: string): string {
  return url.replace(TOKEN, 'token').replace(STAGE_VARIABLE, 'stagevariable').replace(URL_PLACEHOLDER, 'parameter');
}

/**
 * Problems with the URL of an `Integration.http` route (every gateway): an absolute http(s)
 * URL that API Gateway can call, and no credentials (the URL is stored in the template and
 * shown by API Gateway to anyone who can read the API). Tokens are read as plain words, so
 * the literal parts around them are still checked.
 */
export function integrationUrlProblems(prop: string, url: string): Problem[] {
  const shape = literalShape(url);
  let parsed: URL | undefined;
  try {
    parsed = new URL(shape);
  } catch {
    parsed = undefined;
  }
  const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(shape)?.[1] ?? '';
  if (authority.includes('@')) {
    return [{
      code: 'InvalidIntegration',
      prop,
      rule: 'must not carry credentials (user:password@ would be stored in the template and shown by API Gateway)',
      value: url.replace(/^([a-z]+:\/\/[^/?#:@]*):[^/?#@]*@/i, '$1:****@'),
      fix: 'remove them: have the backend check a header set from a stage variable or a secret, or a client certificate',
    }];
  }
  const wellFormed = parsed !== undefined
    && (parsed.protocol === 'https:' || parsed.protocol === 'http:')
    && /^https?:\/\//i.test(shape)
    && !/[\s{}#]/.test(shape)
    && parsed.port !== '0'
    && validHost(parsed.hostname);
  if (wellFormed) return [];
  return [{
    code: 'InvalidIntegration',
    prop,
    rule: 'must be an absolute http:// or https:// URL (a host, an optional port 1-65535, no fragment; {name} for a path parameter, ${stageVariables.name} for a stage variable)',
    value: url,
    fix: "pass e.g. 'https://backend.example.com/orders/{id}'",
  }];
}

function validHost(hostname: string): boolean {
  if (hostname.startsWith('[')) return true;
  return hostname.split('.').every(label => HOST_LABEL.test(label));
}

/** Problems with a host name a private integration sends requests to (tokens skipped). */
export function hostProblems(prop: string, host: string): Problem[] {
  if (Token.isUnresolved(host) || isIP(host) !== 0 || validHost(host)) return [];
  return [{
    code: 'InvalidIntegration',
    prop,
    rule: 'must be a host name (DNS labels of letters, digits, _ and inner hyphens) or an IP address',
    value: host,
    fix: "pass the load balancer's DNS name, e.g. 'internal-alb-123.eu-west-1.elb.amazonaws.com'",
  }];
}

/** Warns when the backend is called over plain http. */
export function warnOnPlainHttp(scope: Construct, prop: string, url: string): void {
  if (!/^http:\/\//i.test(url)) return;
  warn(scope, 'PlainHttpIntegration',
    `${prop} Integration.http url ${url} is plain http: requests and responses cross the network unencrypted; use https://, or acknowledge this warning for a backend that cannot serve TLS`);
}
