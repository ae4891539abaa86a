import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { HttpRouteAuthorization, HttpRouteContext } from '../http/http-binding';
import { RestRouteContext } from '../rest/rest-binding';
import { WebSocketRouteAuthorization, WebSocketRouteContext } from '../websocket/websocket-binding';

/** How a route's authorization renders on a REST method. */
export interface RestMethodAuthorization {
  readonly authorizationType: apigw.AuthorizationType;
  readonly authorizer?: apigw.IAuthorizer;
  readonly authorizationScopes?: string[];
  /** Who the caller is, for the stage cache; absent when anyone may call. */
  readonly caller?: RestCallerIdentity;
}

/**
 * What tells a route's callers apart, so a cached answer is never served to another caller.
 * Not exported.
 */
export interface RestCallerIdentity {
  /** How messages name it, e.g. `Authorization.cognito`. */
  readonly by: string;
  /**
   * Method request parameters that carry the caller's identity (`method.request.header.Authorization`);
   * empty when API Gateway cannot key a cache on it (SigV4 signs every request differently).
   */
  readonly identityParameters: string[];
}

/** One kind of authorization; each gateway type calls the binder it needs. Not exported. */
export interface AuthorizationStrategy {
  /** How users wrote it, for messages: `Authorization.cognito`. */
  readonly factory: string;
  bindRest?(ctx: RestRouteContext): RestMethodAuthorization;
  bindWebSocket?(ctx: WebSocketRouteContext): WebSocketRouteAuthorization;
  bindHttp?(ctx: HttpRouteContext): HttpRouteAuthorization;
}
