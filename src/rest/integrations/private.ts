import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { HttpRouteKey } from '../../core/route-key';
import { PrivateIntegrationOptions } from '../../vocabulary/integrations/private';
import { restIntegrationTimeout } from '../integration-timeout';
import { RestRouteContext } from '../rest-binding';

/**
 * The backend path for a route: the route's own path, its parameters forwarded
 * (`/inventory/{proxy+}` → `/inventory/{proxy}` with `proxy` mapped from the request).
 */
export function forwardedPath(route: HttpRouteKey): { path: string; requestParameters: Record<string, string> } {
  const requestParameters: Record<string, string> = {};
  const path = route.segments.map(segment => {
    if (segment.kind === 'literal') return segment.text;
    requestParameters[`integration.request.path.${segment.name}`] = `method.request.path.${segment.name}`;
    return `{${segment.name}}`;
  }).join('/');
  return { path: `/${path}`, requestParameters };
}

/** An HTTP proxy integration over a VPC link, the route's path forwarded. */
export function privateHttpIntegration(
  ctx: RestRouteContext, uri: string, vpcLink: apigw.IVpcLink | undefined, options: PrivateIntegrationOptions,
): apigw.Integration {
  const { requestParameters } = forwardedPath(ctx.route);
  return new apigw.Integration({
    type: apigw.IntegrationType.HTTP_PROXY,
    integrationHttpMethod: options.method ?? ctx.route.method,
    uri,
    options: {
      // Without a v1 link (the ALB's v2 link is set on the method's L1) the L2 must not check it.
      connectionType: vpcLink ? apigw.ConnectionType.VPC_LINK : undefined,
      vpcLink,
      timeout: restIntegrationTimeout(ctx, options.timeout),
      requestParameters: Object.keys(requestParameters).length > 0 ? requestParameters : undefined,
    },
  });
}
