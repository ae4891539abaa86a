import { createHash } from 'crypto';
import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The shortest limit among API types: HTTP and WebSocket API names hold 128 characters. */
const MAX_LENGTH = 128;

/**
 * The default name of a gateway's API: the name of the (top-level) stack and the gateway's
 * construct path in it, e.g. `orders-prod/Sales/Api`. Unique per stack, and so per account
 * and region; stable across synths. Longer names keep their start and end around a digest
 * of the whole.
 */
export function defaultApiName(gateway: IConstruct): string {
  let stack = Stack.of(gateway);
  while (stack.nestedStackParent) stack = stack.nestedStackParent;
  const scopes = gateway.node.scopes;
  const below = scopes.slice(scopes.indexOf(stack) + 1).map(c => c.node.id);
  const name = [Token.isUnresolved(stack.stackName) ? stack.node.path : stack.stackName, ...below].join('/');
  if (name.length <= MAX_LENGTH) return name;
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const tail = 64;
  return `${name.slice(0, MAX_LENGTH - tail - digest.length - 2)}-${digest}-${name.slice(-tail)}`;
}
