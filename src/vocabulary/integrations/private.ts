import { Duration, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { TIMEOUT } from './service-integration-options';
import { num, optional, str, struct } from '../../core/shape';
import { SUBNET_SELECTION } from '../../core/shapes/aws';
import { NETWORK_LISTENER, VPC } from '../../core/shapes/refs';

/** Options of every private integration (`privateNlb`, `privateAlb`, `cloudMap`). */
export interface PrivateIntegrationOptions {
  /**
   * The method used to call the backend.
   * @default - the route's method (`ANY` forwards the client's method)
   */
  readonly method?: string;

  /**
   * How long API Gateway waits for the backend (50 ms to 29 s).
   * @default - API Gateway's maximum, 29 seconds
   */
  readonly timeout?: Duration;

  /**
   * The VPC the VPC link v2 goes into: needed for `privateAlb` with an imported listener,
   * `privateNlb` on an HttpGateway with an imported load balancer, and `cloudMap` (whose
   * service does not name its VPC).
   * @default - the load balancer's VPC; none for `cloudMap`
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The subnets of the VPC link v2 (`privateAlb`; `privateNlb` and `cloudMap` on an
   * HttpGateway). Routes naming the same VPC and subnets share one link.
   * @default - the VPC's private subnets, else its isolated ones
   */
  readonly subnets?: ec2.SubnetSelection;
}

/** Options for `Integration.privateNlb`. */
export interface PrivateNlbIntegrationOptions extends PrivateIntegrationOptions {
  /**
   * The port of the load balancer's listener requests go through (for a load balancer this
   * app defines, a listener on it, added with `nlb.addListener` or created for it in its
   * stack, must exist before the route).
   * @default 80
   */
  readonly port?: number;

  /**
   * On an HttpGateway: the listener requests go through (HTTP APIs send to a listener, not
   * to a DNS name and port). A RestGateway refuses it: set `port` instead.
   * @default - the load balancer's listener on `port`
   */
  readonly networkListener?: elbv2.INetworkListener;
}

/** Options for `Integration.privateAlb`. */
export interface PrivateAlbIntegrationOptions extends PrivateIntegrationOptions {
  /**
   * The backend port; on an HttpGateway it must match the listener's port when set.
   * @default - the listener's port
   */
  readonly port?: number;

  /**
   * On a RestGateway with an imported listener: the host name requests are sent with. HTTP
   * APIs send to the listener itself and do not use it.
   * @default - the load balancer's DNS name
   */
  readonly host?: string;
}

/**
 * Options of the other private integrations that a factory never uses. They are not in its
 * public type, but plain JavaScript callers may still pass them: they get the coded error
 * that says why (`is not used by Integration.cloudMap`).
 */
export interface UnusedPrivateIntegrationOptions {
  readonly port?: number;
  readonly host?: string;
  readonly networkListener?: elbv2.INetworkListener;
}

// The shapes untyped (JavaScript) callers are checked against.

const PRIVATE_FIELDS = {
  method: optional(str("'GET'")),
  timeout: TIMEOUT,
  vpc: optional(VPC),
  subnets: optional(SUBNET_SELECTION),
};
const PORT = optional(num('8080'));
const HOST = optional(str("'backend.internal'"));
const LISTENER = optional(NETWORK_LISTENER);

export const PRIVATE_NLB_INTEGRATION_OPTIONS = struct<PrivateNlbIntegrationOptions>('PrivateNlbIntegrationOptions', {
  ...PRIVATE_FIELDS, port: PORT, networkListener: LISTENER,
}, '{ port: 8080 }');

export const PRIVATE_ALB_INTEGRATION_OPTIONS = struct<PrivateAlbIntegrationOptions & Pick<UnusedPrivateIntegrationOptions, 'networkListener'>>(
  'PrivateAlbIntegrationOptions', { ...PRIVATE_FIELDS, port: PORT, host: HOST, networkListener: LISTENER }, "{ host: 'backend.internal' }");

export const PRIVATE_INTEGRATION_OPTIONS = struct<PrivateIntegrationOptions & UnusedPrivateIntegrationOptions>('PrivateIntegrationOptions', {
  ...PRIVATE_FIELDS, port: PORT, host: HOST, networkListener: LISTENER,
}, '{ vpc }');
