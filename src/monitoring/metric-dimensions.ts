import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { MetricDimensions, searchValue } from './gateway-metric';
import { fail } from '../core/errors';

/** A route's method and path (`GET`, `/orders/{id}`), looked up by key. */
type MethodOf = (prop: string, routeKey: string) => { readonly method: string; readonly path: string };

/**
 * A REST stage's dimensions: `ApiName` and `Stage`; a route's `ApiName`, `Method`,
 * `Resource` (its resource path) and `Stage`.
 */
export function restMetricDimensions(scope: IConstruct, apiName: string, stageName: string, methodOf: MethodOf): MetricDimensions {
  return {
    scope,
    stage: { ApiName: apiName, Stage: stageName },
    route: (prop, routeKey) => {
      const { method, path } = methodOf(prop, routeKey);
      return { ApiName: apiName, Method: method, Resource: path, Stage: stageName };
    },
    routeSchema: '{AWS/ApiGateway,ApiName,Method,Resource,Stage}',
    stageFilter: `ApiName="${filterValue(apiName)}" Stage="${filterValue(stageName)}"`,
  };
}

/**
 * An HTTP stage's dimensions: `ApiId` and `Stage`; a route's `ApiId`, `Method`, `Resource`
 * and `Stage`, as the HTTP API metric documentation lists them. It documents none for
 * `$default`, so its metrics are the stage's.
 */
export function httpMetricDimensions(scope: IConstruct, apiId: string, stageName: string, methodOf: MethodOf): MetricDimensions {
  return {
    scope,
    stage: { ApiId: apiId, Stage: stageName },
    route: (prop, routeKey) => {
      const { method, path } = methodOf(prop, routeKey);
      if (routeKey === '$default') {
        fail(scope, {
          code: 'InvalidMonitoring',
          prop,
          rule: 'has no per-route metrics: API Gateway documents none for the $default route',
          value: routeKey,
          fix: 'leave routeKey out for the stage\'s metric',
        });
      }
      return { ApiId: apiId, Method: method, Resource: path, Stage: stageName };
    },
    routeSchema: '{AWS/ApiGateway,ApiId,Method,Resource,Stage}',
    stageFilter: `ApiId="${filterValue(apiId)}" Stage="${filterValue(stageName)}"`,
  };
}

/** A WebSocket stage's dimensions: `ApiId` and `Stage`; a route's `ApiId`, `Route` and `Stage`. */
export function webSocketMetricDimensions(
  scope: IConstruct, apiId: string, stageName: string, requireRoute: (prop: string, routeKey: string) => unknown,
): MetricDimensions {
  return {
    scope,
    stage: { ApiId: apiId, Stage: stageName },
    route: (prop, routeKey) => {
      requireRoute(prop, routeKey);
      return { ApiId: apiId, Route: routeKey, Stage: stageName };
    },
    routeSchema: '{AWS/ApiGateway,ApiId,Route,Stage}',
    stageFilter: `ApiId="${filterValue(apiId)}" Stage="${filterValue(stageName)}"`,
  };
}

function filterValue(value: string): string {
  return Token.isUnresolved(value) ? value : searchValue(value);
}
