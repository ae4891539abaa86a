import { HttpIntegrationBinding, HttpRouteContext } from './http-binding';
import { bindCloudMapHttp } from './integrations/cloud-map';
import { bindEventBridgeHttp } from './integrations/event-bridge';
import { bindHttpProxyHttp } from './integrations/http-proxy';
import { bindKinesisHttp } from './integrations/kinesis';
import { bindLambdaHttp } from './integrations/lambda';
import { bindPrivateAlbHttp } from './integrations/private-alb';
import { bindPrivateNlbHttp } from './integrations/private-nlb';
import { bindSqsHttp } from './integrations/sqs';
import { bindStepFunctionsHttp } from './integrations/step-functions';
import { BinderTable, bindWithTable, refuse } from '../shared/binder-table';
import { integrationFactory, IntegrationSpec } from '../vocabulary/integration-spec';

const NO_SUCH_INTEGRATION = refuse('move the route to a RestGateway, which supports it', 'HTTP APIs have no such integration');

/** Every integration kind on an HTTP API: its binder, or why not and what to use instead. */
export const HTTP_INTEGRATIONS = {
  lambda: bindLambdaHttp,
  http: bindHttpProxyHttp,
  mock: NO_SUCH_INTEGRATION,
  sqs: bindSqsHttp,
  kinesis: bindKinesisHttp,
  dynamoDb: NO_SUCH_INTEGRATION,
  stepFunctions: bindStepFunctionsHttp,
  eventBridge: bindEventBridgeHttp,
  privateNlb: bindPrivateNlbHttp,
  privateAlb: bindPrivateAlbHttp,
  cloudMap: bindCloudMapHttp,
} satisfies BinderTable<IntegrationSpec, HttpRouteContext, HttpIntegrationBinding>;

/** Binds a route's integration on an HTTP API. */
export function bindHttpIntegration(spec: IntegrationSpec, ctx: HttpRouteContext): HttpIntegrationBinding {
  return bindWithTable<IntegrationSpec, HttpRouteContext, HttpIntegrationBinding>(HTTP_INTEGRATIONS, spec, ctx, {
    scope: ctx.scope, prop: ctx.prop, routeKey: ctx.route.key, gateway: 'an HttpGateway', factory: integrationFactory(spec.kind),
  });
}
