import { RouteValues } from '../../templates/route-values';
import { stepFunctionsCall } from '../../templates/step-functions-call';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { restServiceIntegration } from './service-integration';

/** Step Functions StartExecution or StartSyncExecution. */
export function bindStepFunctionsRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'stepFunctions'>): RestIntegrationBinding {
  const values = new RouteValues(ctx);
  const call = stepFunctionsCall(ctx, spec, values, `${ctx.prop} Integration.stepFunctions`, 'httpStatus');
  return restServiceIntegration(ctx, call, values.requestParameters);
}
