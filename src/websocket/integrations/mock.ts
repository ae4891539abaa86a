import { Problem, throwIfProblems } from '../../core/errors';
import { verbatimTemplate } from '../../templates/verbatim-template';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { mockProblems } from '../../vocabulary/integrations/mock';
import {
  DEFAULT_TEMPLATE_KEY, DEFAULT_TEMPLATE_SELECTION, WebSocketIntegrationBinding, WebSocketRouteContext,
} from '../websocket-binding';

/**
 * A mock on a WebSocket route: API Gateway answers itself. The status code decides whether a
 * `$connect` is accepted (2XX) or refused; on a two-way route the body is sent back.
 */
export function webSocketMock(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'mock'>): WebSocketIntegrationBinding {
  const { options } = spec;
  const problems: Problem[] = mockProblems(ctx.prop, options);
  const prop = `${ctx.prop} Integration.mock`;
  if (options.headers && Object.keys(options.headers).length > 0) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: `${prop} headers`,
      rule: 'cannot be set on a WebSocket route (WebSocket messages have no headers)',
      value: Object.keys(options.headers),
      fix: 'remove headers',
    });
  }
  if (options.body !== undefined && !ctx.returnResponse) {
    problems.push({
      code: 'InvalidMockResponse',
      prop: `${prop} body`,
      rule: 'is only sent on a two-way route',
      value: options.body,
      fix: 'add the route with { returnResponse: true }, or remove body',
    });
  }
  throwIfProblems(ctx.scope, problems);
  return {
    integration: {
      integrationType: 'MOCK',
      passthroughBehavior: 'NEVER',
      templateSelectionExpression: DEFAULT_TEMPLATE_SELECTION,
      requestTemplates: { [DEFAULT_TEMPLATE_KEY]: `{"statusCode": ${options.statusCode ?? 200}}` },
    },
    responses: [{ id: 'IntegrationResponse', key: '$default', template: options.body === undefined ? undefined : verbatimTemplate(options.body) }],
  };
}
