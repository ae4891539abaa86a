import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { HttpRouteAuthorization } from './http-binding';

/**
 * The gateway's default authorization as the HTTP API's `defaultAuthorizer`, so that routes
 * added to `gateway.api` directly (escape hatches) require it too. Bound when such a route
 * asks for it; the authorizer is the one the gateway's routes share.
 */
export class HttpDefaultAuthorizer implements apigwv2.IHttpRouteAuthorizer {
  constructor(private readonly bindDefault: () => HttpRouteAuthorization) {}

  public bind(_options: apigwv2.HttpRouteAuthorizerBindOptions): apigwv2.HttpRouteAuthorizerConfig {
    const auth = this.bindDefault();
    return {
      authorizationType: auth.authorizationType,
      authorizerId: auth.authorizer?.authorizerId,
      authorizationScopes: auth.authorizationScopes,
    };
  }
}
