import { webSocketServiceIntegration } from './service-integration';
import { throwIfProblems } from '../../core/errors';
import {
  startExecutionRequest, startExecutionResponse, startSyncExecutionResponse,
} from '../../templates/step-functions';
import { PLACES } from '../../templates/template-places';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { syncProblems } from '../../vocabulary/integrations/step-functions';
import { resolveStepFunctionsAction, StepFunctionsAction } from '../../vocabulary/integrations/step-functions-action';
import { RequestValue } from '../../vocabulary/request-value';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';
import { webSocketRouteValues } from '../websocket-template-values';

/** Step Functions StartExecution / StartSyncExecution from a WebSocket route. */
export function webSocketStepFunctions(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'stepFunctions'>): WebSocketIntegrationBinding {
  const { stateMachine: machine, options: o } = spec;
  const prop = `${ctx.prop} Integration.stepFunctions`;
  const sync = resolveStepFunctionsAction(ctx, prop, o, false) === StepFunctionsAction.START_SYNC_EXECUTION;
  const optionProblems = syncProblems(prop, machine, sync);
  const values = webSocketRouteValues(ctx.route);
  const input = values.use(o.input ?? RequestValue.body(), `${prop} input`, PLACES.executionInput);
  throwIfProblems(ctx.scope, [...optionProblems, ...values.problems]);

  const action = sync ? 'StartSyncExecution' : 'StartExecution';
  const role = ctx.serviceRole(machine, 'Lets API Gateway start executions of this state machine');
  role.allow([`states:${action}`], machine.stateMachineArn);
  return webSocketServiceIntegration(ctx, {
    service: 'states',
    action,
    role,
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AWSStepFunctions.${action}` },
    requestTemplate: startExecutionRequest(machine.stateMachineArn, input),
    responseTemplate: sync ? startSyncExecutionResponse('inBody') : startExecutionResponse(),
    requestSchema: values.requestSchema(),
    timeout: o.timeout,
  });
}
