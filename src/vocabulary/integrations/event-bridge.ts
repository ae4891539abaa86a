import { Token } from 'aws-cdk-lib';
import { SERVICE_INTEGRATION_FIELDS, ServiceIntegrationOptions } from './service-integration-options';
import { Problem } from '../../core/errors';
import { map, optional, required, str, struct } from '../../core/shape';
import { loneSurrogateProblems } from '../../core/unicode';
import { RequestValue, REQUEST_VALUE } from '../request-value';

/** Options for `Integration.eventBridge`. */
export interface EventBridgeIntegrationOptions extends ServiceIntegrationOptions {
  /** The event's source, e.g. `shop.orders` (not starting with `aws.`). */
  readonly source: string;

  /** The event's detail type, e.g. `OrderPlaced`. */
  readonly detailType: string;

  /**
   * The event's detail, a JSON object. When it is the body, the route's request validator
   * refuses bodies that are not JSON objects (400).
   * @default RequestValue.body()
   */
  readonly detail?: RequestValue;

  /**
   * The event's detail as a JSON object made of request values, instead of `detail`, e.g.
   * `{ order: RequestValue.jsonPath('$.order'), tenant: RequestValue.header('X-Tenant') }`.
   * A value read by a JSON path keeps its JSON (null when missing); the others are strings.
   * REST and WebSocket (mapping templates); an HttpGateway cannot compose one.
   * @default - the detail is `detail`
   */
  readonly detailFields?: { [field: string]: RequestValue };
}

/** What is wrong with the event's source and detail type on any gateway. */
export function eventBridgeProblems(prop: string, options: EventBridgeIntegrationOptions): Problem[] {
  const problems: Problem[] = [];
  const { source, detailType } = options;
  if (!Token.isUnresolved(source) && !/^(?!aws\.)[^\s]{1,256}$/i.test(source)) {
    problems.push({
      code: 'InvalidIntegration',
      prop: `${prop} source`,
      rule: 'must be 1-256 characters without spaces, not starting with aws. (reserved for AWS services)',
      value: source,
      fix: "use your own prefix, e.g. 'shop.orders'",
    });
  }
  if (!Token.isUnresolved(detailType) && (detailType.length < 1 || detailType.length > 128)) {
    problems.push({
      code: 'InvalidIntegration',
      prop: `${prop} detailType`,
      rule: 'must be 1-128 characters',
      value: detailType,
      fix: "use a short event name, e.g. 'OrderPlaced'",
    });
  }
  problems.push(...loneSurrogateProblems('InvalidIntegration', `${prop} source`, source));
  problems.push(...loneSurrogateProblems('InvalidIntegration', `${prop} detailType`, detailType));
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

export const EVENT_BRIDGE_INTEGRATION_OPTIONS = struct<EventBridgeIntegrationOptions>('EventBridgeIntegrationOptions', {
  ...SERVICE_INTEGRATION_FIELDS,
  source: required(str("'shop.orders'")),
  detailType: required(str("'OrderPlaced'")),
  detail: optional(REQUEST_VALUE),
  detailFields: optional(map(REQUEST_VALUE, "{ order: RequestValue.jsonPath('$.order') }")),
}, "{ source: 'shop.orders', detailType: 'OrderPlaced' }");
