import { IConstruct } from 'constructs';
import { Problem, throwIfProblems } from '../../core/errors';
import { enumOf } from '../../core/shape';

/** What `Integration.stepFunctions` does with the state machine. */
export enum StepFunctionsAction {
  /** Start an execution and answer at once (StartExecution). */
  START_EXECUTION = 'StartExecution',
  /** Run an express execution and answer with its output (StartSyncExecution). */
  START_SYNC_EXECUTION = 'StartSyncExecution',
  /** Stop a running execution of the state machine (StopExecution; HttpGateway). */
  STOP_EXECUTION = 'StopExecution',
}

/**
 * The action `Integration.stepFunctions` options ask for: `action`, else `sync`. Contradicting
 * options, and STOP_EXECUTION where the gateway cannot stop executions, are errors.
 */
export function resolveStepFunctionsAction(
  ctx: { readonly scope: IConstruct }, prop: string,
  options: {
    readonly action?: StepFunctionsAction;
    readonly sync?: boolean;
    readonly executionArn?: unknown;
    readonly input?: unknown;
    readonly inputFields?: object;
  },
  canStop: boolean,
): StepFunctionsAction {
  const fromSync = options.sync ? StepFunctionsAction.START_SYNC_EXECUTION : StepFunctionsAction.START_EXECUTION;
  const action = options.action ?? fromSync;
  const problems: Problem[] = [];
  if (options.sync !== undefined && options.action !== undefined && options.action !== fromSync) {
    problems.push({
      code: 'InvalidIntegration',
      prop: `${prop} sync`,
      rule: `contradicts action ${options.action}`,
      value: options.sync,
      fix: 'set either action or sync',
    });
  }
  if (action === StepFunctionsAction.STOP_EXECUTION) {
    if (!canStop) {
      problems.push({
        code: 'UnsupportedCombination',
        prop: `${prop} action`,
        rule: 'STOP_EXECUTION is available on an HttpGateway only',
        value: action,
        fix: 'move the route to an HttpGateway, or start executions here',
      });
    }
    if (options.input !== undefined) {
      problems.push({ code: 'InvalidIntegration', prop: `${prop} input`, rule: 'does not apply to STOP_EXECUTION', value: options.input, fix: 'remove input' });
    }
    if (options.inputFields !== undefined) {
      problems.push({
        code: 'InvalidIntegration', prop: `${prop} inputFields`, rule: 'does not apply to STOP_EXECUTION', value: Object.keys(options.inputFields), fix: 'remove inputFields',
      });
    }
  } else if (options.executionArn !== undefined) {
    problems.push({
      code: 'InvalidIntegration',
      prop: `${prop} executionArn`,
      rule: 'only applies to STOP_EXECUTION',
      value: options.executionArn,
      fix: 'remove executionArn, or set action: StepFunctionsAction.STOP_EXECUTION',
    });
  }
  throwIfProblems(ctx.scope, problems);
  return action;
}

// The shapes untyped (JavaScript) callers are checked against.

export const STEP_FUNCTIONS_ACTION = enumOf<StepFunctionsAction>('StepFunctionsAction', () => StepFunctionsAction);
