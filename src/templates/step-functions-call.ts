import { composedDocument } from './composed-document';
import { RouteValues } from './route-values';
import { ServiceCall, ServiceCallSite } from './service-call';
import { ErrorStatusStyle } from './service-errors';
import { startExecutionRequest, startExecutionResponse, startSyncExecutionResponse } from './step-functions';
import { PLACES } from './template-places';
import { throwIfProblems } from '../core/errors';
import { IntegrationSpecOf } from '../vocabulary/integration-spec';
import { composedDocumentProblems } from '../vocabulary/integrations/composed-document';
import { syncProblems } from '../vocabulary/integrations/step-functions';
import { resolveStepFunctionsAction, StepFunctionsAction } from '../vocabulary/integrations/step-functions-action';
import { RequestValue } from '../vocabulary/request-value';

/** Step Functions StartExecution, or StartSyncExecution with `sync` (mapping templates cannot stop executions). */
export function stepFunctionsCall(
  site: ServiceCallSite, spec: IntegrationSpecOf<'stepFunctions'>, values: RouteValues, prop: string, style: ErrorStatusStyle,
): ServiceCall {
  const { stateMachine: machine, options } = spec;
  const sync = resolveStepFunctionsAction(site, prop, options, false) === StepFunctionsAction.START_SYNC_EXECUTION;
  const input = options.inputFields !== undefined
    ? composedDocument(values, options.inputFields, `${prop} inputFields`)
    : values.use(options.input ?? RequestValue.body(), `${prop} input`, PLACES.executionInput);
  throwIfProblems(site.scope, [
    ...syncProblems(prop, machine, sync), ...composedDocumentProblems(prop, 'input', 'inputFields', options, true), ...values.problems,
  ]);

  const action = sync ? 'StartSyncExecution' : 'StartExecution';
  const role = site.serviceRole(machine, 'Lets API Gateway start executions of this state machine');
  role.allow([`states:${action}`], machine.stateMachineArn);
  return {
    service: 'states',
    action,
    role,
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AWSStepFunctions.${action}` },
    requestTemplate: startExecutionRequest(machine.stateMachineArn, input),
    responseTemplate: sync ? startSyncExecutionResponse(style) : startExecutionResponse(),
    checkedResponse: sync ? success => startSyncExecutionResponse(style, success) : undefined,
    prop,
    response: options.response,
    errorResponses: options.errorResponses,
    contentHandling: options.contentHandling,
    requestSchema: values.requestSchema(),
    timeout: options.timeout,
  };
}
