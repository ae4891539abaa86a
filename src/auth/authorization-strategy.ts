import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { HttpRouteAuthorization, HttpRouteContext } from '../http/http-binding';
import { RestRouteContext } from '../rest/rest-binding';
import { WebSocketRouteAuthorization, WebSocketRouteContext } from '../websocket/websocket-binding';

/** How a route's authorization renders on a REST method. */
export interface RestMethodAuthorization {
  readonly authorizationType: apigw.AuthorizationType;
  readonly authorizer?: apigw.IAuthorizer;
  readonly authorizationScopes?: string[];
}

/** One kind of authorization; each gateway type calls the binder it needs. Not exported. */
export interface AuthorizationStrategy {
  /** How users wrote it, for messages: `Authorization.cognito`. */
  readonly factory: string;
  bindRest?(ctx: RestRouteContext): RestMethodAuthorization;
  bindWebSocket?(ctx: WebSocketRouteContext): WebSocketRouteAuthorization;
  bindHttp?(ctx: HttpRouteContext): HttpRouteAuthorization;
}
