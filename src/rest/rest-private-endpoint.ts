import { Validations, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Endpoint, PrivateEndpointOptions } from './endpoint';
import { Problem } from '../core/errors';
import { acknowledgeEndpointSecurityGroup } from '../shared/nag-acknowledgements';

export function privateEndpointProblems(endpoint: Endpoint): Problem[] {
  const options = endpoint._private;
  if (!options || options.vpc || (options.vpcEndpoints ?? []).length > 0) return [];
  return [{
    code: 'InvalidEndpoint',
    prop: 'endpoint',
    rule: 'Endpoint.privateInVpc needs a vpc to create an execute-api endpoint in, or vpcEndpoints to allow',
    value: 'Endpoint.privateInVpc({})',
    fix: 'pass { vpc } or { vpcEndpoints: [endpoint] }',
  }];
}

/**
 * The VPC endpoints of a private API: the one the gateway creates in `vpc` (private DNS on,
 * HTTPS allowed from the VPC's CIDR only) and the ones given.
 */
export function privateVpcEndpoints(scope: Construct, options: PrivateEndpointOptions): {
  created?: ec2.InterfaceVpcEndpoint; endpoints: ec2.IVpcEndpoint[]; ids: string[];
} {
  let created: ec2.InterfaceVpcEndpoint | undefined;
  if (options.vpc) {
    const securityGroup = new ec2.SecurityGroup(scope, 'ExecuteApiEndpointSecurityGroup', {
      vpc: options.vpc,
      description: 'HTTPS from the VPC to the execute-api endpoint',
      allowAllOutbound: false,
    });
    securityGroup.addIngressRule(ec2.Peer.ipv4(options.vpc.vpcCidrBlock), ec2.Port.tcp(443), 'HTTPS from the VPC');
    // cdk-nag cannot read a CIDR that is a reference; this one is the VPC's own, never 0.0.0.0/0.
    Validations.of(securityGroup).acknowledge({
      id: 'AwsSolutions-EC23',
      reason: 'ingress is HTTPS from the VPC\'s own CIDR block (a reference cdk-nag cannot resolve), never 0.0.0.0/0',
    });
    acknowledgeEndpointSecurityGroup(securityGroup);
    created = new ec2.InterfaceVpcEndpoint(scope, 'ExecuteApiEndpoint', {
      vpc: options.vpc,
      service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY,
      privateDnsEnabled: true,
      subnets: options.subnets,
      securityGroups: [securityGroup],
      open: false,
    });
  }
  const endpoints: ec2.IVpcEndpoint[] = [...(created ? [created] : []), ...(options.vpcEndpoints ?? [])];
  return { created, endpoints, ids: endpoints.map(e => e.vpcEndpointId) };
}
