import { ServiceCall } from './service-call';
import { Problem } from '../core/errors';

/** What is wrong with a service call's `contentHandling` on any gateway: a binary body has no JSON paths to read. */
export function serviceContentHandlingProblems(call: ServiceCall): Problem[] {
  if (call.contentHandling === undefined || call.requestSchema === undefined) return [];
  return [{
    code: 'InvalidIntegration',
    prop: `${call.prop} contentHandling`,
    rule: 'cannot be used on a route that reads JSON paths of the body (a binary body has none)',
    value: call.contentHandling,
    fix: 'read the whole body with RequestValue.body(), or take binary bodies on a route of their own',
  }];
}
