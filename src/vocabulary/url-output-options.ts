import { bool, optional, str, struct } from '../core/shape';

/**
 * The stack output that shows a gateway's URL after `cdk deploy` (and in
 * `aws cloudformation describe-stacks`).
 */
export interface UrlOutputOptions {
  /**
   * Add the output at all.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The output's name in the stack (its logical ID): letters and digits, at most 255. Name it
   * when scripts read the output, so it survives moving the gateway in the construct tree.
   * @default - derived from the gateway's construct path, e.g. `OrdersUrl5C0A1E2B`
   */
  readonly name?: string;

  /**
   * Export the value under this name for other stacks (`Fn::ImportValue`): letters, digits,
   * `:` and `-`, at most 255, unique in the account and region.
   * @default - not exported
   */
  readonly exportName?: string;
}

// The shape untyped (JavaScript) callers are checked against.

export const URL_OUTPUT_OPTIONS = struct<UrlOutputOptions>('UrlOutputOptions', {
  enabled: optional(bool()),
  name: optional(str("'OrdersApiUrl'")),
  exportName: optional(str("'orders-prod:api-url'")),
}, "{ name: 'OrdersApiUrl' }, or { enabled: false } to leave the output out");
