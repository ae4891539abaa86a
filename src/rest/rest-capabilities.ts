import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { bindCognitoRest } from './authorization/cognito';
import { bindLambdaRequestRest } from './authorization/lambda-request';
import { bindLambdaTokenRest } from './authorization/lambda-token';
import { bindDynamoDbRest } from './integrations/dynamodb';
import { bindEventBridgeRest } from './integrations/event-bridge';
import { bindHttpProxyRest } from './integrations/http-proxy';
import { bindKinesisRest } from './integrations/kinesis';
import { bindLambdaRest } from './integrations/lambda';
import { bindMockRest } from './integrations/mock';
import { bindPrivateAlbRest } from './integrations/private-alb';
import { bindPrivateNlbRest } from './integrations/private-nlb';
import { bindSqsRest } from './integrations/sqs';
import { bindStepFunctionsRest } from './integrations/step-functions';
import { RestIntegrationBinding, RestMethodAuthorization, RestRouteContext } from './rest-binding';
import { BinderTable, refuse, tableBinder } from '../shared/binder-table';
import { authorizationFactory, AuthorizationSpec } from '../vocabulary/authorization-spec';
import { integrationFactory, IntegrationSpec } from '../vocabulary/integration-spec';

/** Every integration kind on a REST API: its binder, or why not and what to use instead. */
export const REST_INTEGRATIONS = {
  lambda: bindLambdaRest,
  http: bindHttpProxyRest,
  mock: bindMockRest,
  sqs: bindSqsRest,
  kinesis: bindKinesisRest,
  dynamoDb: bindDynamoDbRest,
  stepFunctions: bindStepFunctionsRest,
  eventBridge: bindEventBridgeRest,
  privateNlb: bindPrivateNlbRest,
  privateAlb: bindPrivateAlbRest,
  cloudMap: refuse('REST APIs cannot reach Cloud Map services: use an HttpGateway, or Integration.privateNlb / .privateAlb in front of the service'),
} satisfies BinderTable<IntegrationSpec, RestRouteContext, RestIntegrationBinding>;

/** Binds a route's integration on a REST API. */
export const bindRestIntegration = tableBinder<IntegrationSpec, RestRouteContext, RestIntegrationBinding>(
  REST_INTEGRATIONS, 'a RestGateway', integrationFactory, ctx => ctx.prop,
);

/** Every authorization kind on a REST API: its binder, or why not and what to use instead. */
export const REST_AUTHORIZATIONS = {
  none: () => ({ authorizationType: apigw.AuthorizationType.NONE }),
  iam: () => ({
    authorizationType: apigw.AuthorizationType.IAM,
    caller: { by: 'Authorization.iam() (SigV4 signs every request differently)', identityParameters: [] },
  }),
  cognito: bindCognitoRest,
  lambdaToken: bindLambdaTokenRest,
  lambdaRequest: bindLambdaRequestRest,
  jwt: refuse('use Authorization.cognito or a Lambda authorizer on RestGateway, or move the route to HttpGateway, which has JWT authorizers'),
} satisfies BinderTable<AuthorizationSpec, RestRouteContext, RestMethodAuthorization>;

/** Binds a route's authorization on a REST API. */
export const bindRestAuthorization = tableBinder<AuthorizationSpec, RestRouteContext, RestMethodAuthorization>(
  REST_AUTHORIZATIONS, 'a RestGateway', authorizationFactory, ctx => ctx.authorizationProp,
);
