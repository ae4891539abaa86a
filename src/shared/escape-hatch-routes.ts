import { Stack, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { formatProblem } from '../core/errors';

/**
 * Problems with routes added to an HTTP or WebSocket API through the escape hatch
 * (`gateway.api.addRoutes`, `gateway.api.addRoute`) that repeat a route of the gateway:
 * API Gateway refuses the second route with one key at deploy time. The gateways keep their
 * own routes outside `api`, so every route under it is an escape-hatch one.
 */
export function escapeHatchDuplicates(api: IConstruct, isGatewayRoute: (routeKey: string) => boolean): string[] {
  const stack = Stack.of(api);
  return api.node.findAll()
    .filter((c): c is apigwv2.CfnRoute => c instanceof apigwv2.CfnRoute)
    .map(route => stack.resolve(route.routeKey) as unknown)
    .filter((key): key is string => typeof key === 'string' && isGatewayRoute(key))
    .map(key => formatProblem({
      code: 'DuplicateRoute',
      prop: `${key} added through gateway.api`,
      rule: 'repeats a route of the gateway',
      value: key,
      fix: 'API Gateway refuses two routes with one key: keep only one of them',
    }));
}
