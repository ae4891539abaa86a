import { Duration, Token, Validations } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { acknowledgedIds, comparableId } from './acknowledgements';
import { filtersAcknowledgementsByContext } from './aws-cdk-lib-version';

/**
 * Stable codes that start every error message. Users and tests match on them, so a code
 * is never renamed once released.
 */
export type ErrorCode =
  | 'InvalidRouteKey'
  | 'DuplicateRoute'
  | 'DuplicateName'
  | 'ConflictingPathParameter'
  | 'InvalidThrottle'
  | 'InvalidTimeout'
  | 'InvalidCors'
  | 'InvalidRequestValue'
  | 'InvalidIntegration'
  | 'InvalidAuthorization'
  | 'ConflictingAuthorizer'
  | 'UnsupportedCombination'
  | 'InvalidStage'
  | 'InvalidAccessLogs'
  | 'InvalidMockResponse'
  | 'InvalidGatewayResponse'
  | 'InvalidDynamoDbKey'
  | 'InvalidCache'
  | 'InvalidUsagePlan'
  | 'InvalidApiKey'
  | 'DuplicateApiKey'
  | 'InvalidCanary'
  | 'InvalidEndpoint'
  | 'InvalidPolicy'
  | 'InvalidDomain'
  | 'InvalidWaf'
  | 'InvalidSchema'
  | 'UnknownRoute'
  | 'LimitExceeded'
  | 'InvalidRouteSelectionExpression'
  | 'InvalidClientCertificate'
  | 'InvalidType'
  | 'UnknownProp'
  | 'NoRoutes'
  | 'InvalidOutput'
  | 'UnsupportedCdkVersion'
  | 'InvalidMonitoring';

/** One problem found while validating input, rendered as `[Code] prop rule, got value; fix`. */
export interface Problem {
  readonly code: ErrorCode;
  readonly prop: string;
  readonly rule: string;
  readonly value: unknown;
  readonly fix: string;
}

export function formatProblem(p: Problem): string {
  return `[${p.code}] ${p.prop} ${p.rule}, got ${describeValue(p.value)}; ${p.fix}`;
}

/** Renders a received value so users see exactly what they passed. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  if (value instanceof Duration) return value.toHumanString();
  if (typeof value === 'function') return `a function${value.name ? ` (${value.name})` : ''}`;
  if (typeof value === 'object' && value !== null) return describeObject(value);
  return String(value);
}

/** A construct by its path, a plain object as JSON, another object by its own text or its class. */
function describeObject(value: object): string {
  if (Construct.isConstruct(value)) return value.node.path;
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      json = undefined;
    }
    if (json === undefined) return 'an object';
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  }
  // Own texts, but not the token text of resolvable objects (a PolicyDocument).
  if (typeof (value as { toString?: unknown }).toString === 'function' && value.toString !== Object.prototype.toString) {
    const text = String(value);
    if (!Token.isUnresolved(text)) return text;
  }
  const name = (proto?.constructor as { name?: string } | undefined)?.name || 'object';
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}

/**
 * Builds the error thrown for bad input: every problem at once, then where it happened.
 * A plain `Error` (not a subclass) because jsii forbids exported `Error` subclasses and the
 * message is the contract.
 */
export function inputError(scope: IConstruct, problems: Problem[]): Error {
  const lines = problems.map(formatProblem);
  return new Error(`${lines.join('\n')}\n    at construct ${scope.node.path}`);
}

export function throwIfProblems(scope: IConstruct, problems: Problem[]): void {
  if (problems.length > 0) throw inputError(scope, problems);
}

export function fail(scope: IConstruct, problem: Problem): never {
  throw inputError(scope, [problem]);
}

/**
 * Factories (`Integration.sqs(…)`) have no construct: their argument problems are thrown
 * where they are called, so the stack trace points at the call.
 */
export function throwIfArgumentProblems(problems: Problem[]): void {
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
}

/**
 * Warning IDs are stable too: users acknowledge one with
 * `Validations.of(scope).acknowledge({ id: 'cdk-gatehouse:<Id>', reason })`.
 */
export type WarningId =
  | 'ThrottleAboveAccountDefault'
  | 'TimeoutNeedsQuotaIncrease'
  | 'ApiKeyRouteWithoutUsagePlan'
  | 'UsagePlanWithoutApiKey'
  | 'PlanThrottleAboveStage'
  | 'ExecutionLogsNeedAccountRole'
  | 'WafRuleNotInGroup'
  | 'PlainHttpIntegration'
  | 'ProxyRouteCacheKeys'
  | 'StageCacheUnused'
  | 'AccessLogKeyPolicyNotUpdated'
  | 'WeakTlsPolicy'
  | 'RouteThrottleWithoutApiKey'
  | 'NoOpenApiFile'
  | 'DataTraceLogging'
  | 'StageWithoutEndpoint'
  // The route checks users turn on with GatehouseChecks.enable (one finding per route).
  | 'OpenRoute'
  | 'UnthrottledRoute'
  | 'PerCallerCachedRoute';

/**
 * `context` (plain strings) describes this occurrence, so that an acknowledgement can pick it
 * out with `where` (aws-cdk-lib 2.276 and newer; older versions ignore both).
 *
 * aws-cdk-lib older than 2.276 does not apply an acknowledgement made on the warning's own
 * construct (or the App) to a warning added after it, as the warnings added at synth are: the
 * acknowledgements recorded there are honoured here. Those versions know no `where`, so an ID
 * recorded there stands for every occurrence, as it does in aws-cdk-lib.
 */
export function warn(scope: IConstruct, id: WarningId, message: string, context?: { readonly [key: string]: string }): void {
  const ruleId = `cdk-gatehouse:${id}`;
  if (!filtersAcknowledgementsByContext() && acknowledgedIds(scope).has(comparableId(ruleId))) return;
  Validations.of(scope).addWarning(ruleId, message, context && { context });
}
