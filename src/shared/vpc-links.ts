import { createHash } from 'crypto';
import {
  Names, Stack, Token, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { fail } from '../core/errors';

/** One VPC link (v1) per network load balancer per stack, shared by every route and API. */
export function restVpcLink(scope: Construct, nlb: elbv2.INetworkLoadBalancer): apigw.VpcLink {
  const stack = Stack.of(scope);
  const id = `GatehouseVpcLink${Names.nodeUniqueId(nlb.node)}`;
  return (stack.node.tryFindChild(id) as apigw.VpcLink | undefined) ?? new apigw.VpcLink(stack, id, {
    targets: [nlb],
    description: `cdk-gatehouse: API Gateway to ${nlb.node.path}`,
  });
}

/**
 * One VPC link (v2) per VPC and subnet set per stack, shared by every route and API, REST
 * and HTTP alike.
 */
export function vpcLinkV2(scope: Construct, vpc: ec2.IVpc, subnets?: ec2.SubnetSelection): apigwv2.VpcLink {
  const stack = Stack.of(scope);
  // The VPC's default selection: private subnets, else isolated ones.
  const selected = vpc.selectSubnets(subnets);
  const subnetSet = selected.subnets.map(subnet => Names.nodeUniqueId(subnet.node)).sort().join(',');
  const id = `GatehouseVpcLinkV2${Names.nodeUniqueId(vpc.node)}${subnets ? hash(subnetSet) : ''}`;
  return (stack.node.tryFindChild(id) as apigwv2.VpcLink | undefined) ?? new apigwv2.VpcLink(stack, id, {
    vpc,
    subnets: { subnets: selected.subnets },
  });
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8).toUpperCase();
}

/** Refuses a backend port outside 1-65535. */
export function checkPort(ctx: { readonly scope: Construct; readonly prop: string }, factory: string, port: number | undefined): void {
  if (port !== undefined && !Token.isUnresolved(port) && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    fail(ctx.scope, {
      code: 'InvalidIntegration',
      prop: `${ctx.prop} ${factory} port`,
      rule: 'must be a whole number from 1 to 65535',
      value: port,
      fix: 'use the port the backend listens on, e.g. 8080',
    });
  }
}

const METHODS = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Refuses a backend method API Gateway does not know (REST and HTTP private integrations). */
export function checkMethod(ctx: { readonly scope: Construct; readonly prop: string }, factory: string, method: string | undefined): void {
  if (method === undefined || Token.isUnresolved(method) || METHODS.includes(method)) return;
  fail(ctx.scope, {
    code: 'InvalidIntegration',
    prop: `${ctx.prop} ${factory} method`,
    rule: `must be one of ${METHODS.join(', ')}`,
    value: method,
    fix: "use an upper-case HTTP method, e.g. 'GET', or leave it out to use the route's",
  });
}

/** Refuses an option the integration has no use for, so a value is never silently ignored. */
export function refuseOption(
  ctx: { readonly scope: Construct; readonly prop: string }, factory: string, option: string, value: unknown, why: string,
): void {
  if (value === undefined) return;
  fail(ctx.scope, {
    code: 'InvalidIntegration',
    prop: `${ctx.prop} ${factory} ${option}`,
    rule: `is not used by ${factory} (${why})`,
    value: value instanceof Construct ? value.node.path : value,
    fix: `remove ${option}`,
  });
}
