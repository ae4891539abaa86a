import { aws_apigateway as apigw, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { brand, argumentChecker, args, list, madeBy, optional, required, struct } from '../core/shape';
import { SUBNET_SELECTION } from '../core/shapes/aws';
import { INTERFACE_VPC_ENDPOINT, VPC } from '../core/shapes/refs';

/** Options of `Endpoint.privateInVpc`: the VPC endpoints clients reach the API through. */
export interface PrivateEndpointOptions {
  /**
   * Create an `execute-api` interface endpoint in this VPC (private DNS on, a security group
   * allowing HTTPS from the VPC's CIDR) and allow it.
   * @default - no endpoint is created
   */
  readonly vpc?: ec2.IVpc;

  /**
   * Subnets of the endpoint the gateway creates.
   * @default - the VPC's private subnets
   */
  readonly subnets?: ec2.SubnetSelection;

  /**
   * Existing `execute-api` interface endpoints to allow.
   * @default - none
   */
  readonly vpcEndpoints?: ec2.IInterfaceVpcEndpoint[];
}

/**
 * How clients reach a REST API.
 *
 * @example
 * import { Endpoint, Integration, RestGateway } from 'cdk-gatehouse';
 *
 * const inside = new RestGateway(this, 'Inside', { endpoint: Endpoint.privateInVpc({ vpc }) });
 * inside.addRoute('GET /stock', Integration.lambda(fn));
 */
export class Endpoint {
  /** Served from the API's region; put CloudFront or a custom domain in front as you like. */
  public static regional(): Endpoint {
    return new Endpoint(apigw.EndpointType.REGIONAL);
  }

  /** Served through API Gateway's own CloudFront distribution (custom domains need a us-east-1 certificate). */
  public static edge(): Endpoint {
    return new Endpoint(apigw.EndpointType.EDGE);
  }

  /**
   * API Gateway's `PRIVATE` endpoint type (named so it reads the same in every jsii language).
   * Reachable only from inside VPCs, through `execute-api` interface endpoints: the API's
   * resource policy denies every request that does not come through them, and signed
   * requests of other accounts than the API's unless `allowOnly` names them.
   */
  public static privateInVpc(options: PrivateEndpointOptions): Endpoint {
    checkValueArguments('Endpoint.privateInVpc', { options });
    return new Endpoint(apigw.EndpointType.PRIVATE, options);
  }

  /** @internal */
  public readonly _type: apigw.EndpointType;
  /** @internal */
  public readonly _private?: PrivateEndpointOptions;

  private constructor(type: apigw.EndpointType, privateOptions?: PrivateEndpointOptions) {
    brand(this, 'Endpoint');
    this._type = type;
    this._private = privateOptions;
  }
}

// The shapes untyped (JavaScript) callers are checked against.

export const ENDPOINT = madeBy<Endpoint>('Endpoint', 'Endpoint.regional()');

export const PRIVATE_ENDPOINT_OPTIONS = struct<PrivateEndpointOptions>('PrivateEndpointOptions', {
  vpc: optional(VPC),
  subnets: optional(SUBNET_SELECTION),
  vpcEndpoints: optional(list(INTERFACE_VPC_ENDPOINT)),
}, '{ vpc }');

/** The arguments of each `Endpoint.*` factory that takes any. */
export const ENDPOINT_FACTORIES = {
  'Endpoint.privateInVpc': args<{ options: PrivateEndpointOptions }>({ options: required(PRIVATE_ENDPOINT_OPTIONS) }),
};

const checkValueArguments = argumentChecker(ENDPOINT_FACTORIES);
