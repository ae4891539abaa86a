import { Duration, aws_apigatewayv2 as apigwv2, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { HttpRouteKey } from '../core/route-key';
import { ServiceRole } from '../shared/service-roles';

/**
 * An integration's settings on an HTTP API, without the API (the gateway adds it), and its
 * response parameters in CloudFormation's shape (aws-cdk-lib's integration has no such prop).
 */
export type HttpIntegrationSettings = Omit<apigwv2.HttpIntegrationProps, 'httpApi'> & { readonly responseParameters?: object };

/**
 * What an HTTP gateway hands an integration or authorization when a route binds it. Not
 * exported from the package: integrations and authorizations are only ever bound by the
 * gateways of this library.
 */
export interface HttpRouteContext {
  /** The gateway: the scope for anything the binding creates once per API. */
  readonly scope: Construct;
  readonly api: apigwv2.HttpApi;
  /** The route; `$default` has method ANY and no path segments. */
  readonly route: HttpRouteKey;
  /** How errors name the route, e.g. `routes['GET /orders/{id}']`. */
  readonly prop: string;
  /** How errors name the route's authorization, e.g. `routes['GET /a'].authorization` or `defaultAuthorization`. */
  readonly authorizationProp: string;
  /** The route's own `timeout`, which wins over the integration's. */
  readonly routeTimeout?: Duration;
  /** Lets API Gateway invoke a function from this API: one permission per function per API. */
  grantInvoke(fn: lambda.IFunction): void;
  /** The role API Gateway assumes to call `target` for this API: one per target. */
  serviceRole(target: IConstruct, description: string): ServiceRole;
  /**
   * The API's integration for `owner` (a function, queue, … or a URL) with these settings,
   * created on first use: routes with the same target and settings share one integration.
   */
  integration(owner: IConstruct | string, settings: HttpIntegrationSettings): apigwv2.HttpIntegration;
  /**
   * The API's authorizer of `kind` for `owner` (a function, user pool, or a string key such
   * as a JWT issuer), created on first use. A second use with different `settings` is an
   * error: one authorizer per owner.
   */
  sharedAuthorizer(
    owner: IConstruct | string, kind: string, settings: object,
    create: (scope: Construct, id: string) => apigwv2.HttpAuthorizer,
  ): apigwv2.HttpAuthorizer;
}

/** How an integration renders on an HTTP API route. */
export interface HttpIntegrationBinding {
  readonly integration: apigwv2.HttpIntegration;
}

/** `AWS::ApiGatewayV2::Route` authorization types. */
export type HttpAuthorizationType = 'NONE' | 'AWS_IAM' | 'JWT' | 'CUSTOM';

/** How a route's authorization renders on an HTTP API route. */
export interface HttpRouteAuthorization {
  readonly authorizationType: HttpAuthorizationType;
  readonly authorizer?: apigwv2.HttpAuthorizer;
  readonly authorizationScopes?: string[];
}
