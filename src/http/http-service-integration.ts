import { Duration, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { HttpIntegrationBinding, HttpRouteContext } from './http-binding';
import { httpIntegrationTimeout } from './http-integration-timeout';
import { subtypeParameterMismatches } from './integration-subtypes';
import { ServiceRole } from '../shared/service-roles';

/** One AWS service action called through an HTTP API's first-class integration. */
export interface HttpServiceCall {
  /** The queue, stream, state machine or bus: what the integration is named after. */
  readonly target: IConstruct;
  readonly subtype: apigwv2.HttpIntegrationSubtype;
  readonly role: ServiceRole;
  /** Request parameters by name: mapping expressions or static values. */
  readonly parameters: Record<string, string>;
  readonly timeout?: Duration;
}

/**
 * An `AWS_PROXY` integration of a subtype (payload format 1.0, the only one subtypes
 * take) with the role API Gateway assumes. The parameter names are checked against the
 * subtype's documented parameters: a mismatch is a bug here, never the user's input.
 */
export function httpServiceIntegration(ctx: HttpRouteContext, call: HttpServiceCall): HttpIntegrationBinding {
  const names = Object.keys(call.parameters).sort();
  const mismatches = subtypeParameterMismatches(call.subtype, names);
  if (mismatches.length > 0) {
    throw new Error(`cdk-gatehouse bug: ${call.subtype} parameters ${mismatches.join(', ')}`);
  }
  const parameterMapping = new apigwv2.ParameterMapping();
  for (const name of names) parameterMapping.custom(name, call.parameters[name]);
  return {
    integration: ctx.integration(call.target, {
      integrationType: apigwv2.HttpIntegrationType.AWS_PROXY,
      integrationSubtype: call.subtype,
      credentials: apigwv2.IntegrationCredentials.fromRole(call.role.role),
      parameterMapping,
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_1_0,
      timeout: httpIntegrationTimeout(ctx, call.timeout),
    }),
  };
}
