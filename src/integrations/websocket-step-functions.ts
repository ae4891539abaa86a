import { aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { StepFunctionsIntegrationOptions } from './step-functions-integration';
import { RequestValue } from '../common/request-value';
import { Problem, throwIfProblems } from '../private/errors';
import {
  startExecutionRequest, startExecutionResponse, startSyncExecutionResponse,
} from '../private/vtl/step-functions-templates';
import { PLACES } from '../private/vtl/template-places';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket/websocket-binding';
import { webSocketServiceIntegration } from '../websocket/websocket-service-integration';
import { webSocketRouteValues } from '../websocket/websocket-template-values';

/** Step Functions StartExecution / StartSyncExecution from a WebSocket route. */
export function webSocketStepFunctions(
  ctx: WebSocketRouteContext, machine: sfn.IStateMachine, o: StepFunctionsIntegrationOptions, sync: boolean,
  optionProblems: Problem[],
): WebSocketIntegrationBinding {
  const prop = `${ctx.prop} Integration.stepFunctions`;
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
