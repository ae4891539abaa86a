import { Names, Stack, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { HttpIntegrationSettings } from './http-binding';
import { digest } from './http-ids';
import { fail } from '../core/errors';
import { fixedQuotaProblem } from '../shared/api-quota';

/** HTTP APIs allow 300 integrations, a quota AWS does not raise. */
const MAX_INTEGRATIONS = 300;

/**
 * The API's integrations: one per target and settings, shared by every route that sends to
 * the same function, URL, queue, … with the same settings (200 routes on one function: one
 * integration). IDs come from the target and the settings, never from routes or order.
 */
export class HttpIntegrations extends Construct {
  private readonly byKey = new Map<string, apigwv2.HttpIntegration>();

  constructor(scope: Construct, id: string, private readonly api: apigwv2.IHttpApi) {
    super(scope, id);
  }

  /** @param prop how errors name the route that needs the integration */
  public get(owner: IConstruct | string, settings: HttpIntegrationSettings, prop: string): apigwv2.HttpIntegration {
    const rendered = JSON.stringify(Stack.of(this).resolve({
      type: settings.integrationType,
      subtype: settings.integrationSubtype,
      uri: settings.integrationUri,
      method: settings.method,
      payloadFormatVersion: settings.payloadFormatVersion?.version,
      timeout: settings.timeout?.toMilliseconds(),
      parameters: settings.parameterMapping?.mappings,
      credentials: settings.credentials?.credentialsArn,
      connectionType: settings.connectionType,
      connectionId: settings.connectionId,
      responseParameters: settings.responseParameters,
    }));
    const name = typeof owner === 'string' ? 'Http' : Names.nodeUniqueId(owner.node);
    const id = `${name}${digest(rendered)}`;
    let integration = this.byKey.get(id);
    if (!integration) {
      if (this.byKey.size >= MAX_INTEGRATIONS) {
        fail(this, fixedQuotaProblem(prop, `integration ${this.byKey.size + 1}`, `${this.byKey.size + 1} integrations`, 'Integrations per API', MAX_INTEGRATIONS,
          'share integrations: routes to the same function, URL or queue with the same settings (timeout, payload format, parameter mapping) use one; or split the API'));
      }
      const { responseParameters, ...props } = settings;
      integration = new apigwv2.HttpIntegration(this, id, { ...props, httpApi: this.api });
      if (responseParameters) (integration.node.defaultChild as apigwv2.CfnIntegration).responseParameters = responseParameters;
      this.byKey.set(id, integration);
    }
    return integration;
  }
}
