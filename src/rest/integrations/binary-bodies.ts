import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { Problem } from '../../core/errors';
import { serviceContentHandlingProblems } from '../../templates/content-handling';
import { ServiceCall } from '../../templates/service-call';
import { RestRouteContext } from '../rest-binding';

/** How a REST service route takes binary bodies: the content types its template also serves, and the conversion. */
export interface BinaryBodies {
  readonly problems: Problem[];
  readonly mediaTypes: string[];
  readonly contentHandling?: apigw.ContentHandling;
}

/**
 * With `contentHandling: CONVERT_TO_TEXT`, the route's request template also serves each of
 * the API's binary media types (a template is chosen by exact content type, so wildcards
 * cannot have one), and API Gateway hands it the body's base64 text.
 */
export function binaryBodies(ctx: RestRouteContext, call: ServiceCall): BinaryBodies {
  if (call.contentHandling === undefined) return { problems: [], mediaTypes: [] };
  const problems = serviceContentHandlingProblems(call);
  if (problems.length > 0) return { problems, mediaTypes: [] };
  const mediaTypes = ctx.binaryMediaTypes.filter(type => !type.includes('*'));
  if (mediaTypes.length === 0) {
    return {
      problems: [{
        code: 'InvalidIntegration',
        prop: `${call.prop} contentHandling`,
        rule: 'has no effect: the gateway has no binaryMediaTypes without a wildcard, so no body is binary',
        value: call.contentHandling,
        fix: "set the gateway's binaryMediaTypes, e.g. ['application/octet-stream']",
      }],
      mediaTypes: [],
    };
  }
  return { problems: [], mediaTypes, contentHandling: apigw.ContentHandling.CONVERT_TO_TEXT };
}
