import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { throwIfProblems } from '../../core/errors';
import { ServiceCall } from '../../templates/service-call';
import { clientErrorTemplate, RESPONSE_STATUSES, serverErrorTemplate } from '../../templates/service-errors';
import { bodyTemplate, errorClassPattern, successTemplate } from '../../templates/service-response';
import { serviceResponseProblems } from '../../vocabulary/integrations/service-response';
import { restIntegrationTimeout } from '../integration-timeout';
import { binaryBodies } from './binary-bodies';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { responseHeaderParameters, withCorsHeaders } from '../rest-cors';

/**
 * A REST method's AWS service integration: JSON requests only (other content types get 415
 * rather than reaching a template written for JSON), the service's 2XX through the route's
 * response template (or its own `response`), 4XX and 5XX through the shared error templates
 * (except the statuses its `errorResponses` answer), and CORS headers on every answer when
 * the gateway has CORS (with several origins, set by the templates).
 */
export function restServiceIntegration(
  ctx: RestRouteContext, call: ServiceCall, requestParameters?: Record<string, boolean>,
): RestIntegrationBinding {
  const binary = binaryBodies(ctx, call);
  throwIfProblems(ctx.scope, [...serviceResponseProblems(call.prop, call.response, call.errorResponses), ...binary.problems]);
  const json = (template: string) => ({ 'application/json': ctx.cors.templatePrelude + template });
  const withHeaders = (own?: Record<string, string>) => responseHeaderParameters(ctx.cors, withCorsHeaders(ctx.cors.headers, own));

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.headers)) {
    headers[`integration.request.header.${name}`] = `'${value}'`;
  }

  // API Gateway keys a method's integration responses by status: an answer whose status is
  // taken gets a free one and sets its own status from the template.
  const slots = new StatusSlots();
  const methodResponses = new Map<string, Record<string, boolean> | undefined>();
  for (const status of RESPONSE_STATUSES) methodResponses.set(status, withHeaders().declared);
  const answer = (status: number, template: string, own?: Record<string, string>, selectionPattern?: string) => {
    const slot = slots.claim(status);
    const { responseParameters, declared } = withHeaders(own);
    methodResponses.set(slot, { ...methodResponses.get(slot), ...declared });
    const override = slot === String(status) ? '' : `#set($context.responseOverride.status=${status})`;
    return { selectionPattern, statusCode: slot, responseTemplates: json(override + template), responseParameters };
  };

  const own = call.errorResponses ?? [];
  const ownStatuses = own.map(e => e.serviceStatus);
  const success = call.response;
  const integrationResponses: apigw.IntegrationResponse[] = [
    answer(success?.statusCode ?? 200, successTemplate(call), success?.headers),
    ...own.map(e => answer(e.statusCode ?? e.serviceStatus, bodyTemplate(e.body), e.headers, String(e.serviceStatus))),
    answer(400, clientErrorTemplate(call.service, 'httpStatus', call.clientNamesTarget), undefined, errorClassPattern(4, ownStatuses)),
    answer(502, serverErrorTemplate(), undefined, errorClassPattern(5, ownStatuses)),
  ];

  return {
    integration: new apigw.AwsIntegration({
      service: call.service,
      action: call.action,
      path: call.path,
      integrationHttpMethod: 'POST',
      options: {
        credentialsRole: call.role.role,
        passthroughBehavior: apigw.PassthroughBehavior.NEVER,
        requestParameters: headers,
        requestTemplates: Object.fromEntries(['application/json', ...binary.mediaTypes].map(type => [type, call.requestTemplate])),
        contentHandling: binary.contentHandling,
        timeout: restIntegrationTimeout(ctx, call.timeout),
        integrationResponses,
      },
    }),
    methodResponses: [...methodResponses].map(([statusCode, declared]) => ({
      statusCode,
      responseParameters: declared && Object.keys(declared).length > 0 ? declared : undefined,
    })),
    requestParameters,
    requestSchema: call.requestSchema,
    uncacheable: call.readOnly ? undefined : `its ${call.service} call changes state or must be fresh, and a cached answer would skip it`,
  };
}

/**
 * The statuses of a method's integration responses, each used once. A status already taken
 * is given the first free error status the library declares, then of 4XX and 5XX.
 */
class StatusSlots {
  private readonly taken = new Set<string>();

  public claim(status: number): string {
    const declaredErrors = RESPONSE_STATUSES.filter(s => !s.startsWith('2'));
    const candidates = [String(status), ...declaredErrors, ...Array.from({ length: 200 }, (_, i) => String(400 + i))];
    const slot = candidates.find(c => !this.taken.has(c))!;
    this.taken.add(slot);
    return slot;
  }
}
