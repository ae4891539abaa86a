import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The rule IDs acknowledged on a construct and every scope above it (the App included), read
 * from what `Validations.of(scope).acknowledge` records on each (ID and reason; not `where`),
 * each as `comparableId` writes it.
 */
export function acknowledgedIds(construct: IConstruct): Set<string> {
  const ids = construct.node.scopes.flatMap(scope => scope.node.metadata
    .filter(entry => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap(entry => Object.keys(entry.data as Record<string, string>)));
  return new Set(ids.map(comparableId));
}

/**
 * A rule ID as CDK records it, without its namespace (`Annotation::`) and with spaces as `-`
 * (aws-cdk-lib 2.276 replaces them, 2.269 keeps them).
 */
export function comparableId(id: string): string {
  return id.replace(/^[^[]*?::/, '').replace(/ /g, '-');
}
