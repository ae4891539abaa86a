import { aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { SERVICE_INTEGRATION_FIELDS, ServiceIntegrationOptions } from './service-integration-options';
import { StepFunctionsAction, STEP_FUNCTIONS_ACTION } from './step-functions-action';
import { Problem } from '../../core/errors';
import { bool, map, optional, struct } from '../../core/shape';
import { RequestValue, REQUEST_VALUE } from '../request-value';

/** Options for `Integration.stepFunctions`. */
export interface StepFunctionsIntegrationOptions extends ServiceIntegrationOptions {
  /**
   * Wait for the execution and answer with its output (StartSyncExecution; express state
   * machines only, up to the integration timeout). Otherwise the execution is started and
   * the client gets `{"executionArn": …, "startDate": …}`.
   * @default false
   */
  readonly sync?: boolean;

  /**
   * The execution's input (a JSON document); an empty body starts it with `{}`.
   * @default RequestValue.body()
   */
  readonly input?: RequestValue;

  /**
   * The execution's input as a JSON object made of request values, instead of `input`, e.g.
   * `{ order: RequestValue.jsonPath('$.order'), caller: RequestValue.context('identity.sourceIp') }`.
   * A value read by a JSON path keeps its JSON (null when missing); the others are strings.
   * REST and WebSocket (mapping templates); an HttpGateway cannot compose one.
   * @default - the input is `input`
   */
  readonly inputFields?: { [field: string]: RequestValue };

  /**
   * What to do: start an execution, run one synchronously (the same as `sync: true`), or
   * stop one (HttpGateway only).
   * @default - StepFunctionsAction.START_SYNC_EXECUTION with `sync`, else START_EXECUTION
   */
  readonly action?: StepFunctionsAction;

  /**
   * `STOP_EXECUTION` only: the ARN of the execution to stop (an execution of this state machine).
   * @default RequestValue.jsonPath('$.executionArn')
   */
  readonly executionArn?: RequestValue;
}

/** Why a synchronous execution cannot run on this state machine, on any gateway. */
export function syncProblems(prop: string, machine: sfn.IStateMachine, sync: boolean): Problem[] {
  const type = (machine as { stateMachineType?: sfn.StateMachineType }).stateMachineType;
  if (!sync || type === undefined || type === sfn.StateMachineType.EXPRESS) return [];
  return [{
    code: 'UnsupportedCombination',
    prop: `${prop} sync`,
    rule: 'needs an EXPRESS state machine (StartSyncExecution does not run standard workflows)',
    value: type,
    fix: 'set stateMachineType: StateMachineType.EXPRESS, or drop sync to start the execution and return at once',
  }];
}

// The shapes untyped (JavaScript) callers are checked against.

export const STEP_FUNCTIONS_INTEGRATION_OPTIONS = struct<StepFunctionsIntegrationOptions>('StepFunctionsIntegrationOptions', {
  ...SERVICE_INTEGRATION_FIELDS,
  sync: optional(bool()),
  input: optional(REQUEST_VALUE),
  inputFields: optional(map(REQUEST_VALUE, "{ order: RequestValue.jsonPath('$.order') }")),
  action: optional(STEP_FUNCTIONS_ACTION),
  executionArn: optional(REQUEST_VALUE),
}, '{ sync: true }');
