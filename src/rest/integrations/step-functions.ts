import { throwIfProblems } from '../../core/errors';
import { RouteValues } from '../../templates/route-values';
import { startExecutionRequest, startExecutionResponse, startSyncExecutionResponse } from '../../templates/step-functions';
import { PLACES } from '../../templates/template-places';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { syncProblems } from '../../vocabulary/integrations/step-functions';
import { resolveStepFunctionsAction, StepFunctionsAction } from '../../vocabulary/integrations/step-functions-action';
import { RequestValue } from '../../vocabulary/request-value';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { restServiceIntegration } from './service-integration';

/** Step Functions StartExecution or StartSyncExecution. */
export function bindStepFunctionsRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'stepFunctions'>): RestIntegrationBinding {
  const { stateMachine: machine, options } = spec;
  const prop = `${ctx.prop} Integration.stepFunctions`;
  const sync = resolveStepFunctionsAction(ctx, prop, options, false) === StepFunctionsAction.START_SYNC_EXECUTION;
  const values = new RouteValues(ctx);
  const input = values.use(options.input ?? RequestValue.body(), `${prop} input`, PLACES.executionInput);
  throwIfProblems(ctx.scope, [...values.problems, ...syncProblems(prop, machine, sync)]);

  const action = sync ? 'StartSyncExecution' : 'StartExecution';
  const role = ctx.serviceRole(machine, 'Lets API Gateway start executions of this state machine');
  role.allow([`states:${action}`], machine.stateMachineArn);
  return restServiceIntegration(ctx, {
    service: 'states',
    action,
    role,
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AWSStepFunctions.${action}` },
    requestTemplate: startExecutionRequest(machine.stateMachineArn, input),
    responseTemplate: sync ? startSyncExecutionResponse() : startExecutionResponse(),
    requestParameters: values.requestParameters,
    requestSchema: values.requestSchema(),
    timeout: options.timeout,
  });
}
