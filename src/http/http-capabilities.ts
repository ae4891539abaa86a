import { bindCognitoHttp } from './authorization/cognito';
import { bindJwtHttp } from './authorization/jwt';
import { bindLambdaRequestHttp } from './authorization/lambda-request';
import { HttpIntegrationBinding, HttpRouteAuthorization, HttpRouteContext } from './http-binding';
import { bindCloudMapHttp } from './integrations/cloud-map';
import { bindEventBridgeHttp } from './integrations/event-bridge';
import { bindHttpProxyHttp } from './integrations/http-proxy';
import { bindKinesisHttp } from './integrations/kinesis';
import { bindLambdaHttp } from './integrations/lambda';
import { bindPrivateAlbHttp } from './integrations/private-alb';
import { bindPrivateNlbHttp } from './integrations/private-nlb';
import { bindSqsHttp } from './integrations/sqs';
import { bindStepFunctionsHttp } from './integrations/step-functions';
import { refusingOwnAnswers } from './service-answer-refusal';
import { BinderTable, refuse, tableBinder } from '../shared/binder-table';
import { authorizationFactory, AuthorizationSpec } from '../vocabulary/authorization-spec';
import { integrationFactory, IntegrationSpec } from '../vocabulary/integration-spec';

const NO_SUCH_INTEGRATION = refuse('move the route to a RestGateway, which supports it', 'HTTP APIs have no such integration');

/** Every integration kind on an HTTP API: its binder, or why not and what to use instead. */
export const HTTP_INTEGRATIONS = {
  lambda: bindLambdaHttp,
  http: bindHttpProxyHttp,
  mock: NO_SUCH_INTEGRATION,
  sqs: refusingOwnAnswers(bindSqsHttp),
  kinesis: refusingOwnAnswers(bindKinesisHttp),
  dynamoDb: NO_SUCH_INTEGRATION,
  stepFunctions: refusingOwnAnswers(bindStepFunctionsHttp),
  eventBridge: refusingOwnAnswers(bindEventBridgeHttp),
  privateNlb: bindPrivateNlbHttp,
  privateAlb: bindPrivateAlbHttp,
  cloudMap: bindCloudMapHttp,
} satisfies BinderTable<IntegrationSpec, HttpRouteContext, HttpIntegrationBinding>;

/** Binds a route's integration on an HTTP API. */
export const bindHttpIntegration = tableBinder<IntegrationSpec, HttpRouteContext, HttpIntegrationBinding>(
  HTTP_INTEGRATIONS, 'an HttpGateway', integrationFactory, ctx => ctx.prop,
);

/** Every authorization kind on an HTTP API: its binder, or why not and what to use instead. */
export const HTTP_AUTHORIZATIONS = {
  none: () => ({ authorizationType: 'NONE' }),
  iam: () => ({ authorizationType: 'AWS_IAM' }),
  cognito: bindCognitoHttp,
  lambdaToken: refuse("use Authorization.lambdaRequest(fn, { identitySources: [RequestValue.header('Authorization')] }) (HTTP APIs have request authorizers only), or keep the route on RestGateway"),
  lambdaRequest: bindLambdaRequestHttp,
  jwt: bindJwtHttp,
} satisfies BinderTable<AuthorizationSpec, HttpRouteContext, HttpRouteAuthorization>;

/** Binds a route's authorization on an HTTP API. */
export const bindHttpAuthorization = tableBinder<AuthorizationSpec, HttpRouteContext, HttpRouteAuthorization>(
  HTTP_AUTHORIZATIONS, 'an HttpGateway', authorizationFactory, ctx => ctx.authorizationProp,
);
