import { Token, aws_apigateway as apigw, aws_events as events } from 'aws-cdk-lib';
import { IntegrationTarget } from '../integration-target';
import { RouteValues } from '../../templates/route-values';
import { ServiceIntegrationOptions } from './service-integration-options';
import { webSocketEventBridge } from '../../websocket/integrations/event-bridge';
import { RequestValue } from '../request-value';
import { HttpIntegrationBinding, HttpRouteContext } from '../../http/http-binding';
import { bindEventBridgeHttp } from '../../http/integrations/event-bridge';
import { Problem, throwIfProblems } from '../../core/errors';
import { putEventsRequest, putEventsResponse } from '../../templates/event-bridge';
import { PLACES } from '../../templates/template-places';
import { loneSurrogateProblems } from '../../core/unicode';
import { RestIntegrationBinding, RestRouteContext } from '../../rest/rest-binding';
import { restServiceIntegration } from '../../rest/integrations/service-integration';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../../websocket/websocket-binding';

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
}

/** EventBridge PutEvents with one event: the client gets `{"eventId": …}`. */
export class EventBridgeTarget implements IntegrationTarget {
  public readonly factory = 'Integration.eventBridge';

  constructor(private readonly bus: events.IEventBus, private readonly options: EventBridgeIntegrationOptions) {}

  public bindWebSocket(ctx: WebSocketRouteContext): WebSocketIntegrationBinding {
    return webSocketEventBridge(ctx, this.bus, this.options, this.problems(`${ctx.prop} Integration.eventBridge`));
  }

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    const prop = `${ctx.prop} Integration.eventBridge`;
    const values = new RouteValues(ctx);
    const detailValue = this.options.detail ?? RequestValue.body();
    const detail = values.use(detailValue, `${prop} detail`, PLACES.eventDetail);
    throwIfProblems(ctx.scope, [...values.problems, ...this.problems(prop)]);

    const role = ctx.serviceRole(this.bus, 'Lets API Gateway put events on this bus');
    role.allow(['events:PutEvents'], this.bus.eventBusArn);
    return restServiceIntegration(ctx, {
      service: 'events',
      action: 'PutEvents',
      role,
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSEvents.PutEvents' },
      requestTemplate: putEventsRequest({
        eventBusArn: this.bus.eventBusArn, source: this.options.source, detailType: this.options.detailType, detail,
      }),
      responseTemplate: putEventsResponse(),
      requestParameters: values.requestParameters,
      // EventBridge refuses a detail that is not a JSON object: the validator says so first.
      requestSchema: detailValue._source === 'body' ? { type: apigw.JsonSchemaType.OBJECT } : values.requestSchema(),
      timeout: this.options.timeout,
    });
  }

  public bindHttp(ctx: HttpRouteContext): HttpIntegrationBinding {
    return bindEventBridgeHttp(ctx, this.bus, this.options, this.problems(`${ctx.prop} Integration.eventBridge`));
  }

  private problems(prop: string): Problem[] {
    const problems: Problem[] = [];
    const { source, detailType } = this.options;
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
}
