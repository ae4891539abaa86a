import { Duration, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { plainText } from './gateway-registry';
import { AuthorizationEntry, IntegrationEntry, ThrottleEntry } from './manifest-format';
import { AuthorizationKind, AuthorizationSpec } from '../vocabulary/authorization-spec';
import { IntegrationSpec } from '../vocabulary/integration-spec';
import { KinesisAction } from '../vocabulary/integrations/kinesis-action';
import { SqsAction } from '../vocabulary/integrations/sqs-action';
import { StepFunctionsAction } from '../vocabulary/integrations/step-functions-action';
import { burstLimitOf, ThrottleSettings } from '../vocabulary/throttle-settings';

const AUTHORIZATION_TYPES = {
  none: 'NONE', iam: 'IAM', cognito: 'COGNITO', lambdaToken: 'LAMBDA_TOKEN', lambdaRequest: 'LAMBDA_REQUEST', jwt: 'JWT',
} satisfies Record<AuthorizationKind, string>;

/** Who may call a route, as the manifest says it. */
export function authorizationEntry(scope: IConstruct, spec: AuthorizationSpec): AuthorizationEntry {
  const type = AUTHORIZATION_TYPES[spec.kind];
  switch (spec.kind) {
    case 'none':
    case 'iam':
      return { type };
    case 'cognito':
      return { type, authorizer: spec.userPool.node.path, scopes: scopes(spec.options.scopes) };
    case 'lambdaToken':
    case 'lambdaRequest':
      return { type, authorizer: spec.handler.node.path };
    case 'jwt':
      return { type, authorizer: plainText(scope, spec.options.issuer), scopes: scopes(spec.options.scopes) };
  }
}

function scopes(list: string[] | undefined): string[] | undefined {
  return list?.length ? [...list].sort() : undefined;
}

/** What a route calls, as the manifest says it (the timeout comes from the synthesized integration). */
export function integrationEntry(scope: IConstruct, spec: IntegrationSpec, timeout: number | undefined): IntegrationEntry {
  const base = { kind: spec.kind, timeoutMillis: timeout };
  switch (spec.kind) {
    case 'lambda': return { ...base, target: spec.handler.node.path };
    case 'http': return { ...base, target: plainText(scope, spec.url), action: spec.options.method };
    case 'mock': return { kind: spec.kind };
    case 'sqs': return { ...base, target: spec.queue.node.path, action: spec.options.action ?? SqsAction.SEND_MESSAGE };
    case 'kinesis': return { ...base, target: spec.stream.node.path, action: spec.options.action ?? KinesisAction.PUT_RECORD };
    case 'dynamoDb': return { ...base, target: spec.table.node.path, action: spec.action };
    case 'stepFunctions': return {
      ...base,
      target: spec.stateMachine.node.path,
      action: spec.options.action ?? (spec.options.sync ? StepFunctionsAction.START_SYNC_EXECUTION : StepFunctionsAction.START_EXECUTION),
    };
    case 'eventBridge': return { ...base, target: spec.bus.node.path, action: 'PutEvents' };
    case 'privateNlb': return { ...base, target: spec.loadBalancer.node.path };
    case 'privateAlb': return { ...base, target: spec.listener.node.path };
    case 'cloudMap': return { ...base, target: spec.service.node.path };
  }
}

/** A throttle with tokens shown as their template text. */
export function throttleEntry(throttle: ThrottleSettings | undefined): ThrottleEntry | undefined {
  return throttle && { rateLimit: throttle.rateLimit, burstLimit: burstLimitOf(throttle) };
}

/** Milliseconds of a timeout as the template holds it (tokens left out). */
export function timeoutMillis(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof Duration && !Token.isUnresolved(value.toMilliseconds())) return value.toMilliseconds();
  return undefined;
}
