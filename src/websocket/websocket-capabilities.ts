import { webSocketRequestAuthorizer } from './authorization/lambda-request';
import { webSocketDynamoDb } from './integrations/dynamodb';
import { webSocketEventBridge } from './integrations/event-bridge';
import { webSocketHttpProxy } from './integrations/http-proxy';
import { webSocketKinesis } from './integrations/kinesis';
import { webSocketLambdaProxy } from './integrations/lambda';
import { webSocketMock } from './integrations/mock';
import { webSocketSqs } from './integrations/sqs';
import { webSocketStepFunctions } from './integrations/step-functions';
import { WebSocketIntegrationBinding, WebSocketRouteAuthorization, WebSocketRouteContext } from './websocket-binding';
import { BinderTable, refuse, tableBinder } from '../shared/binder-table';
import { authorizationFactory, AuthorizationSpec } from '../vocabulary/authorization-spec';
import { integrationFactory, IntegrationSpec } from '../vocabulary/integration-spec';

const PRIVATE_INTEGRATION = refuse(
  'use Integration.lambda, .http, .mock, .sqs, .kinesis, .dynamoDb, .stepFunctions or .eventBridge on WebSocket routes, or move the route to a RestGateway',
);

/** Every integration kind on a WebSocket API: its binder, or why not and what to use instead. */
export const WEBSOCKET_INTEGRATIONS = {
  lambda: webSocketLambdaProxy,
  http: webSocketHttpProxy,
  mock: webSocketMock,
  sqs: webSocketSqs,
  kinesis: webSocketKinesis,
  dynamoDb: webSocketDynamoDb,
  stepFunctions: webSocketStepFunctions,
  eventBridge: webSocketEventBridge,
  privateNlb: PRIVATE_INTEGRATION,
  privateAlb: PRIVATE_INTEGRATION,
  cloudMap: PRIVATE_INTEGRATION,
} satisfies BinderTable<IntegrationSpec, WebSocketRouteContext, WebSocketIntegrationBinding>;

/** Binds a route's integration on a WebSocket API. */
export const bindWebSocketIntegration = tableBinder<IntegrationSpec, WebSocketRouteContext, WebSocketIntegrationBinding>(
  WEBSOCKET_INTEGRATIONS, 'a WebSocketGateway', integrationFactory, ctx => ctx.prop,
);

const CONNECT_AUTHORIZATION = refuse(
  "use Authorization.lambdaRequest(fn, { identitySources: [RequestValue.queryString('token')] }) (browsers cannot set headers on WebSocket connections), Authorization.iam() or Authorization.none()",
  'WebSocket APIs authorize with IAM or a Lambda request authorizer',
);

/** Every authorization kind on a WebSocket API's `$connect` route: its binder, or why not and what to use instead. */
export const WEBSOCKET_AUTHORIZATIONS = {
  none: () => ({ authorizationType: 'NONE' }),
  iam: () => ({ authorizationType: 'AWS_IAM' }),
  cognito: CONNECT_AUTHORIZATION,
  lambdaToken: CONNECT_AUTHORIZATION,
  lambdaRequest: webSocketRequestAuthorizer,
  jwt: CONNECT_AUTHORIZATION,
} satisfies BinderTable<AuthorizationSpec, WebSocketRouteContext, WebSocketRouteAuthorization>;

/** Binds the authorization of a WebSocket API's `$connect` route. */
export const bindWebSocketAuthorization = tableBinder<AuthorizationSpec, WebSocketRouteContext, WebSocketRouteAuthorization>(
  WEBSOCKET_AUTHORIZATIONS, 'a WebSocketGateway', authorizationFactory, ctx => ctx.authorizationProp,
);
