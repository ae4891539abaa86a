/**
 * The parsed template this renderer evaluates: velocityjs's syntax tree, checked and reduced
 * to what the model supports, with Velocity 1.7's whitespace rules already applied to the text.
 */
export type TemplateNode =
  | { readonly kind: 'text'; readonly text: string }
  /** `backslashes`: how many were written right before the `$` (Velocity's escaping rules use them). */
  | { readonly kind: 'reference'; readonly reference: Reference; readonly backslashes: number }
  | { readonly kind: 'set'; readonly target: Reference; readonly value: Expression }
  | { readonly kind: 'if'; readonly branches: readonly ConditionalBranch[] }
  | { readonly kind: 'foreach'; readonly variable: string; readonly iterable: Expression; readonly body: readonly TemplateNode[] }
  | { readonly kind: 'break' };

export interface ConditionalBranch {
  /** Absent for `#else`. */
  readonly condition?: Expression;
  readonly body: readonly TemplateNode[];
}

export type ReferenceStep =
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'method'; readonly name: string; readonly args: readonly Expression[] }
  | { readonly kind: 'index'; readonly index: Expression };

export interface Reference {
  readonly name: string;
  /** `$!x`: prints nothing when null. */
  readonly quiet: boolean;
  readonly steps: readonly ReferenceStep[];
  /** The reference as written in the template: what Velocity prints when its value is null. */
  readonly literal: string;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '&&' | '||' | '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Expression =
  | { readonly kind: 'reference'; readonly reference: Reference }
  | { readonly kind: 'string'; readonly value: string; readonly interpolated: boolean }
  | { readonly kind: 'integer'; readonly value: bigint }
  | { readonly kind: 'decimal'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'list'; readonly items: readonly Expression[] }
  | { readonly kind: 'range'; readonly from: Expression; readonly to: Expression }
  | { readonly kind: 'map'; readonly entries: ReadonlyArray<readonly [string, Expression]> }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'not'; readonly operand: Expression }
  | { readonly kind: 'negate'; readonly operand: Expression }
  | { readonly kind: 'group'; readonly inner: Expression };
