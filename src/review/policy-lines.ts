import { Stack, aws_iam as iam } from 'aws-cdk-lib';

interface Statement {
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/**
 * A resource policy as one line per restriction, for review: each value a Deny statement's
 * condition requires (`aws:SourceIp 203.0.113.0/24`: requests from elsewhere are denied), and
 * each Allow statement with its principal and conditions (`allow * aws:PrincipalAccount 2222…`).
 */
export function policyLines(stack: Stack, policy: iam.PolicyDocument | undefined): string[] {
  if (!policy) return [];
  const document = stack.resolve(policy.toJSON()) as { Statement?: Statement[] } | undefined;
  const lines: string[] = [];
  for (const statement of document?.Statement ?? []) {
    // `Null` tests presence, not a value: its lines say so (`Null:aws:PrincipalAccount false`).
    const conditions = Object.entries(statement.Condition ?? {}).flatMap(([operator, byKey]) =>
      Object.entries(byKey).map(([key, values]): [string, unknown] => [operator === 'Null' ? `Null:${key}` : key, values]));
    if (statement.Effect === 'Deny') {
      for (const [key, values] of conditions) {
        for (const value of [values].flat()) lines.push(`${key} ${text(value)}`);
      }
    } else {
      const condition = conditions.map(([key, values]) => ` ${key} ${[values].flat().map(text).join(',')}`).join('');
      lines.push(`allow ${text(statement.Principal)}${condition}`);
    }
  }
  return [...new Set(lines)].sort();
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
