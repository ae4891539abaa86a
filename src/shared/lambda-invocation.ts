import { Names, Stack, aws_iam as iam, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { fail } from '../core/errors';
import { LambdaIntegrationOptions } from '../vocabulary/integrations/lambda';

/**
 * The single owner of `lambda:InvokeFunction` grants for one API: one permission per
 * function, whatever the number of routes, scoped to that API's ARN. (Per-method grants
 * overflow the 20 KB function policy at a few dozen routes.)
 */
export class LambdaInvokePermissions extends Construct {
  private readonly granted = new Set<string>();

  /** @param sourceArn the API's execute-api ARN pattern, e.g. `arn:…:execute-api:r:a:id/*` */
  constructor(scope: Construct, id: string, private readonly sourceArn: string) {
    super(scope, id);
  }

  public grant(handler: lambda.IFunction): void {
    const key = handler.node.path;
    if (this.granted.has(key)) return;
    this.granted.add(key);
    // The ID comes from the function's own path: stable, and unaffected by route order.
    handler.addPermission(Names.nodeUniqueId(handler.node), {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: this.sourceArn,
      scope: this,
    });
  }
}

/**
 * The URI API Gateway invokes a function through (Lambda integrations and Lambda authorizers of
 * every gateway), in the stack's partition and region: literal where the stack's region is
 * known, as aws-cdk-lib's `AwsIntegration` writes it on REST.
 */
export function lambdaInvocationUri(scope: Construct, handler: lambda.IFunction): string {
  const stack = Stack.of(scope);
  return `arn:${stack.partition}:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${handler.functionArn}/invocations`;
}

/** REST and WebSocket APIs send one event format: `payloadFormatVersion` is for HTTP APIs only. */
export function refuseHttpOnlyOptions(ctx: { readonly scope: Construct; readonly prop: string }, options: LambdaIntegrationOptions): void {
  if (options.payloadFormatVersion === undefined) return;
  fail(ctx.scope, {
    code: 'UnsupportedCombination',
    prop: `${ctx.prop} Integration.lambda payloadFormatVersion`,
    rule: 'only applies on an HttpGateway (REST and WebSocket APIs send one event format)',
    value: options.payloadFormatVersion.version,
    fix: 'remove it, or move the route to an HttpGateway',
  });
}
