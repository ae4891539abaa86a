import { aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { checkMethod, checkPort, refuseOption } from './vpc-links';
import { fail, throwIfProblems } from '../core/errors';
import { hostProblems } from '../vocabulary/integration-url';
import { PrivateAlbIntegrationOptions, UnusedPrivateIntegrationOptions } from '../vocabulary/integrations/private';

/** Where a gateway's route context says what is being bound. */
interface Where { readonly scope: Construct; readonly prop: string }

const FACTORY = 'Integration.privateAlb';

/** The checks of `Integration.privateAlb` both REST and HTTP APIs make. */
export function checkPrivateAlbOptions(ctx: Where, options: PrivateAlbIntegrationOptions & Pick<UnusedPrivateIntegrationOptions, 'networkListener'>): void {
  checkPort(ctx, FACTORY, options.port);
  checkMethod(ctx, FACTORY, options.method);
  if (options.host !== undefined) throwIfProblems(ctx.scope, hostProblems(`${ctx.prop} ${FACTORY} host`, options.host));
  refuseOption(ctx, FACTORY, 'networkListener', options.networkListener, 'the listener is the one passed to Integration.privateAlb');
}

/** The listener's load balancer, when the listener was made in this app. */
export function albOf(listener: elbv2.IApplicationListener): elbv2.IApplicationLoadBalancer | undefined {
  return listener instanceof elbv2.ApplicationListener ? listener.loadBalancer : undefined;
}

/** The VPC the VPC link v2 goes into: the option, else the load balancer's. */
export function albVpc(ctx: Where, listener: elbv2.IApplicationListener, options: PrivateAlbIntegrationOptions): ec2.IVpc {
  return options.vpc ?? albOf(listener)?.vpc ?? missingAlbOption(ctx, listener, 'vpc');
}

/** Fails: an imported listener does not tell its load balancer's VPC or DNS name. */
export function missingAlbOption(ctx: Where, listener: elbv2.IApplicationListener, option: 'vpc' | 'host'): never {
  return fail(ctx.scope, {
    code: 'InvalidIntegration',
    prop: `${ctx.prop} Integration.privateAlb ${option}`,
    rule: 'is required for a listener whose load balancer is not known (an imported listener)',
    value: listener.node.path,
    fix: `pass the load balancer's ${option === 'vpc' ? 'VPC' : 'DNS name'} as ${option}`,
  });
}
