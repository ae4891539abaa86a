import { Problem } from '../../core/errors';

/**
 * The options of one action set on another: refused rather than ignored. `actions` is the
 * action enum (its member names are what errors show, e.g. `SqsAction.RECEIVE_MESSAGE`) and
 * `optionsOf` the options each action takes.
 */
export function otherActionOptionProblems<O extends object, A extends string>(
  prop: string, options: O, action: A, enumName: string, actions: Record<string, A>, optionsOf: Record<A, readonly (keyof O)[]>,
): Problem[] {
  const name = (value: A) => Object.keys(actions).find(key => actions[key] === value) ?? value;
  const problems: Problem[] = [];
  for (const [other, names] of Object.entries(optionsOf) as [A, readonly (keyof O)[]][]) {
    if (other === action) continue;
    for (const option of names.filter(n => options[n] !== undefined)) {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${prop} ${String(option)}`,
        rule: `only applies to ${enumName}.${name(other)}, not ${name(action)}`,
        value: options[option],
        fix: `remove it, or set action: ${enumName}.${name(other)}`,
      });
    }
  }
  return problems;
}
