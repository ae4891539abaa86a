import { Arn, ArnFormat, Stack, aws_apigatewayv2 as apigwv2, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { throwIfProblems } from '../../core/errors';
import { acknowledgeWildcardResource } from '../../shared/nag-acknowledgements';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { composedDocumentProblems } from '../../vocabulary/integrations/composed-document';
import { syncProblems } from '../../vocabulary/integrations/step-functions';
import { resolveStepFunctionsAction, StepFunctionsAction } from '../../vocabulary/integrations/step-functions-action';
import { RequestValue } from '../../vocabulary/request-value';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { HttpRouteValues } from '../http-route-values';
import { httpServiceIntegration } from '../http-service-integration';

const SUBTYPES: Record<StepFunctionsAction, apigwv2.HttpIntegrationSubtype> = {
  [StepFunctionsAction.START_EXECUTION]: apigwv2.HttpIntegrationSubtype.STEPFUNCTIONS_START_EXECUTION,
  [StepFunctionsAction.START_SYNC_EXECUTION]: apigwv2.HttpIntegrationSubtype.STEPFUNCTIONS_START_SYNC_EXECUTION,
  [StepFunctionsAction.STOP_EXECUTION]: apigwv2.HttpIntegrationSubtype.STEPFUNCTIONS_STOP_EXECUTION,
};

/**
 * StepFunctions-StartExecution / StartSyncExecution (the body, or `input`, is the input) and
 * StopExecution (of the execution `executionArn` names, an execution of this state machine).
 * @param optionProblems what the target found wrong with its options (sync on a standard machine)
 */
export function bindStepFunctionsHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'stepFunctions'>): HttpIntegrationBinding {
  const { stateMachine: machine, options } = spec;
  const prop = `${ctx.prop} Integration.stepFunctions`;
  const action = resolveStepFunctionsAction(ctx, prop, options, true);
  const optionProblems = syncProblems(prop, machine, action === StepFunctionsAction.START_SYNC_EXECUTION);
  const values = new HttpRouteValues(ctx);
  const stop = action === StepFunctionsAction.STOP_EXECUTION;
  const parameters: Record<string, string> = stop
    ? { ExecutionArn: values.use(options.executionArn ?? RequestValue.jsonPath('$.executionArn'), `${prop} executionArn`) }
    : { StateMachineArn: machine.stateMachineArn, Input: values.use(options.input ?? RequestValue.body(), `${prop} input`) };
  throwIfProblems(ctx.scope, [...optionProblems, ...composedDocumentProblems(prop, 'input', 'inputFields', options, false), ...values.problems]);

  const role = ctx.serviceRole(machine, 'Lets API Gateway run executions of this state machine');
  const resource = stop ? executionsOf(machine) : machine.stateMachineArn;
  role.allow([`states:${action}`], resource);
  if (stop) {
    acknowledgeWildcardResource(role.role, resource,
      'StopExecution acts on executions, whose ARNs exist only at run time: the * covers the executions of this one state machine');
  }
  return httpServiceIntegration(ctx, { target: machine, subtype: SUBTYPES[action], role, parameters, timeout: options.timeout });
}

/** `arn:…:states:region:account:execution:<machine name>:*`: the executions of one state machine. */
function executionsOf(machine: sfn.IStateMachine): string {
  if (machine instanceof sfn.StateMachine) {
    return Stack.of(machine).formatArn({
      service: 'states', resource: 'execution', resourceName: `${machine.stateMachineName}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }
  const parts = Arn.split(machine.stateMachineArn, ArnFormat.COLON_RESOURCE_NAME);
  return Stack.of(machine).formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: `${parts.resourceName}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    region: parts.region,
    account: parts.account,
  });
}
