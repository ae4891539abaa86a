import { IConstruct } from 'constructs';
import { throwIfProblems, warn } from '../core/errors';

/**
 * Whether a REST or WebSocket stage logs full requests and responses (data trace). It writes
 * into the execution logs, so it needs them on; it logs headers and bodies, so it is never on
 * without a warning.
 */
export function dataTraceOf(gateway: IConstruct, gatewayKind: string, dataTrace: boolean | undefined, executionLogLevel: string): boolean {
  if (dataTrace !== true) return false;
  if (executionLogLevel === 'OFF') {
    throwIfProblems(gateway, [{
      code: 'UnsupportedCombination',
      prop: 'dataTrace',
      rule: `writes into the execution logs, which executionLogLevel OFF turns off on ${gatewayKind}`,
      value: true,
      fix: 'set executionLogLevel to ERROR or INFO, or remove dataTrace',
    }]);
  }
  warn(gateway, 'DataTraceLogging',
    'dataTrace logs full requests and responses, headers and bodies included (credentials, personal data), to CloudWatch Logs: turn it off once done debugging');
  return true;
}
