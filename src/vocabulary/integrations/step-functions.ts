import { aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { IntegrationTarget } from '../integration-target';
import { RouteValues } from '../../templates/route-values';
import { ServiceIntegrationOptions } from './service-integration-options';
import { resolveStepFunctionsAction, StepFunctionsAction } from './step-functions-action';
import { webSocketStepFunctions } from '../../websocket/integrations/step-functions';
import { RequestValue } from '../request-value';
import { HttpIntegrationBinding, HttpRouteContext } from '../../http/http-binding';
import { bindStepFunctionsHttp } from '../../http/integrations/step-functions';
import { Problem, throwIfProblems } from '../../core/errors';
import {
  startExecutionRequest, startExecutionResponse, startSyncExecutionResponse,
} from '../../templates/step-functions';
import { PLACES } from '../../templates/template-places';
import { RestIntegrationBinding, RestRouteContext } from '../../rest/rest-binding';
import { restServiceIntegration } from '../../rest/integrations/service-integration';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../../websocket/websocket-binding';

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

/** Step Functions StartExecution or StartSyncExecution. */
export class StepFunctionsTarget implements IntegrationTarget {
  public readonly factory = 'Integration.stepFunctions';

  constructor(private readonly machine: sfn.IStateMachine, private readonly options: StepFunctionsIntegrationOptions) {}

  public bindWebSocket(ctx: WebSocketRouteContext): WebSocketIntegrationBinding {
    const prop = `${ctx.prop} Integration.stepFunctions`;
    const sync = resolveStepFunctionsAction(ctx, prop, this.options, false) === StepFunctionsAction.START_SYNC_EXECUTION;
    return webSocketStepFunctions(ctx, this.machine, this.options, sync, this.syncProblems(prop, sync));
  }

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    const prop = `${ctx.prop} Integration.stepFunctions`;
    const sync = resolveStepFunctionsAction(ctx, prop, this.options, false) === StepFunctionsAction.START_SYNC_EXECUTION;
    const values = new RouteValues(ctx);
    const input = values.use(this.options.input ?? RequestValue.body(), `${prop} input`, PLACES.executionInput);
    throwIfProblems(ctx.scope, [...values.problems, ...this.syncProblems(prop, sync)]);

    const action = sync ? 'StartSyncExecution' : 'StartExecution';
    const role = ctx.serviceRole(this.machine, 'Lets API Gateway start executions of this state machine');
    role.allow([`states:${action}`], this.machine.stateMachineArn);
    return restServiceIntegration(ctx, {
      service: 'states',
      action,
      role,
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AWSStepFunctions.${action}` },
      requestTemplate: startExecutionRequest(this.machine.stateMachineArn, input),
      responseTemplate: sync ? startSyncExecutionResponse() : startExecutionResponse(),
      requestParameters: values.requestParameters,
      requestSchema: values.requestSchema(),
      timeout: this.options.timeout,
    });
  }

  public bindHttp(ctx: HttpRouteContext): HttpIntegrationBinding {
    const prop = `${ctx.prop} Integration.stepFunctions`;
    const action = resolveStepFunctionsAction(ctx, prop, this.options, true);
    const problems = this.syncProblems(prop, action === StepFunctionsAction.START_SYNC_EXECUTION);
    return bindStepFunctionsHttp(ctx, this.machine, this.options, action, problems);
  }

  private syncProblems(prop: string, sync: boolean): Problem[] {
    const type = (this.machine as { stateMachineType?: sfn.StateMachineType }).stateMachineType;
    if (!sync || type === undefined || type === sfn.StateMachineType.EXPRESS) return [];
    return [{
      code: 'UnsupportedCombination',
      prop: `${prop} sync`,
      rule: 'needs an EXPRESS state machine (StartSyncExecution does not run standard workflows)',
      value: type,
      fix: 'set stateMachineType: StateMachineType.EXPRESS, or drop sync to start the execution and return at once',
    }];
  }
}
