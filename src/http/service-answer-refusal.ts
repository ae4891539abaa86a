import { HttpIntegrationBinding, HttpRouteContext } from './http-binding';
import { throwIfProblems, Problem } from '../core/errors';
import { ServiceIntegrationOptions } from '../vocabulary/integrations/service-integration-options';

/**
 * An HTTP API's service integration answers with the service's own response: it has no
 * mapping templates to shape it, so `response` and `errorResponses` are refused rather than
 * ignored; it converts no payloads, so `contentHandling` is refused too.
 */
export function refusingOwnAnswers<S extends { readonly kind: string; readonly options: ServiceIntegrationOptions }>(
  bind: (ctx: HttpRouteContext, spec: S) => HttpIntegrationBinding,
): (ctx: HttpRouteContext, spec: S) => HttpIntegrationBinding {
  return (ctx, spec) => {
    const problems: Problem[] = [];
    for (const name of ['response', 'errorResponses'] as const) {
      if (spec.options[name] === undefined) continue;
      problems.push({
        code: 'UnsupportedCombination',
        prop: `${ctx.prop} Integration.${spec.kind} ${name}`,
        rule: "is not available on an HttpGateway (an HTTP API's service integration answers with the service's own response; it has no mapping templates)",
        value: spec.options[name],
        fix: 'remove it, or keep the route on a RestGateway, which shapes the answer',
      });
    }
    if (spec.options.contentHandling !== undefined) {
      problems.push({
        code: 'UnsupportedCombination',
        prop: `${ctx.prop} Integration.${spec.kind} contentHandling`,
        rule: "is not available on an HttpGateway (an HTTP API's service integration converts no payloads)",
        value: spec.options.contentHandling,
        fix: 'remove it, or keep the route on a RestGateway or WebSocketGateway, which pass binary bodies as base64 text',
      });
    }
    throwIfProblems(ctx.scope, problems);
    return bind(ctx, spec);
  };
}
