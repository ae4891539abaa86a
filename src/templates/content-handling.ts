import { ServiceCall } from './service-call';
import { Problem } from '../core/errors';
import { ContentHandling } from '../vocabulary/integrations/content-handling';

/**
 * What is wrong with a service call's `contentHandling` on any gateway: only CONVERT_TO_TEXT
 * applies (services answer JSON), and not to a call that reads JSON paths of the body.
 */
export function serviceContentHandlingProblems(call: ServiceCall): Problem[] {
  const handling = call.contentHandling;
  if (handling === undefined) return [];
  const problem = (rule: string, fix: string): Problem[] => [{ code: 'InvalidIntegration', prop: `${call.prop} contentHandling`, rule, value: handling, fix }];
  if (handling !== ContentHandling.CONVERT_TO_TEXT) {
    return problem('must be ContentHandling.CONVERT_TO_TEXT on a service route (services answer JSON, which no client wants as bytes)',
      'use ContentHandling.CONVERT_TO_TEXT, or leave it out');
  }
  if (call.requestSchema !== undefined) {
    return problem('cannot be used on a route that reads JSON paths of the body (a binary body has none)',
      'read the whole body with RequestValue.body(), or take binary bodies on a route of their own');
  }
  return [];
}
