import { Token } from 'aws-cdk-lib';
import { Problem } from './errors';
import { patternProblem } from './validation';

/** API Gateway's rules for stages, the same for REST, HTTP and WebSocket APIs. */
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const VARIABLE_NAME = /^[A-Za-z0-9_]{1,64}$/;
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]{1,512}$/;
const MAX_VARIABLES = 100;

/** Problems with a stage name; `$default` (served at the URL's root) exists on HTTP APIs only. */
export function stageNameProblems(stageName: string | undefined, allowDefault: boolean): Problem[] {
  if (stageName === undefined || (allowDefault && stageName === '$default')) return [];
  const p = patternProblem('stageName', stageName, STAGE_NAME,
    `must be ${allowDefault ? '$default or ' : ''}1-128 letters, digits, - or _`, "use e.g. 'prod' or 'v1'", 'InvalidStage');
  return p ? [p] : [];
}

/** Problems with stage variables (or a canary's overrides of them): names, values and count. */
export function stageVariableProblems(prop: string, variables: { [name: string]: string } | undefined): Problem[] {
  const entries = Object.entries(variables ?? {});
  const problems: Problem[] = [];
  if (entries.length > MAX_VARIABLES) {
    problems.push({
      code: 'InvalidStage',
      prop,
      rule: `must hold at most ${MAX_VARIABLES} variables`,
      value: entries.length,
      fix: 'keep configuration that large elsewhere (e.g. SSM parameters) and pass its name',
    });
  }
  for (const [name, value] of entries) {
    const p = patternProblem(prop, name, VARIABLE_NAME, 'names must be 1-64 letters, digits or _', 'rename the stage variable', 'InvalidStage');
    if (p) problems.push(p);
    if (Token.isUnresolved(value) || (typeof value === 'string' && VARIABLE_VALUE.test(value))) continue;
    problems.push({
      code: 'InvalidStage',
      prop: `${prop}['${name}']`,
      rule: 'must be 1-512 letters, digits or - . _ ~ : / ? # & = ,',
      value,
      fix: 'replace other characters (API Gateway refuses spaces, quotes, % and non-ASCII), e.g. a space by -',
    });
  }
  return problems;
}
