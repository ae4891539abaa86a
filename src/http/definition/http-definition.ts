import { CfnResource, IResolvable, Stack, Token, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { HttpApiSettings, httpOpenApiDocument } from './http-openapi';
import { pathInStack, topLevelStack } from '../../review/gateway-registry';
import { OpenApiDefinition, RenderedResources } from '../../shared/openapi-definition';
import { Json, OpenApiDocument } from '../../shared/openapi-document';
import { DefinitionStyle } from '../../vocabulary/definition-style';

/** The CloudFormation types that make up an HTTP API's definition. */
const DEFINITION_TYPES = [apigwv2.CfnRoute, apigwv2.CfnIntegration, apigwv2.CfnAuthorizer] as const;

/**
 * An HTTP API's definition: every route, integration and authorizer of the API in its stack,
 * the gateway's and those added through escape hatches alike (API Gateway refuses an OpenAPI
 * body next to route resources). The API's name, description, CORS and endpoint setting stay
 * its properties and are also written into the document, because an import (and each
 * re-import) takes them from there.
 */
/** The Api properties an HTTP API defined by a body takes from the document instead. */
const REDUNDANT_WITH_BODY = ['Name', 'ProtocolType', 'Description', 'CorsConfiguration', 'DisableExecuteApiEndpoint'];

export class HttpDefinition extends OpenApiDefinition {
  constructor(gateway: IConstruct, api: apigwv2.HttpApi, style: DefinitionStyle) {
    super(gateway, api.node.defaultChild as apigwv2.CfnApi, style, { stack: topLevelStack(gateway), gatewayPath: pathInStack(gateway) });
  }

  protected definitionElements(): CfnResource[] {
    const stack = Stack.of(this.cfnApi);
    const apiId = JSON.stringify(stack.resolve(this.cfnApi.ref));
    return stack.node.findAll()
      .filter((c): c is apigwv2.CfnRoute | apigwv2.CfnIntegration | apigwv2.CfnAuthorizer => DEFINITION_TYPES.some(type => c instanceof type))
      .filter(c => Stack.of(c) === stack && JSON.stringify(stack.resolve(c.apiId)) === apiId);
  }

  protected header(): unknown {
    const cfnApi = this.cfnApi as apigwv2.CfnApi;
    const settings: { [key in keyof HttpApiSettings]: unknown } = {
      title: cfnApi.name,
      description: cfnApi.description,
      cors: cfnApi.corsConfiguration,
      disableExecuteApiEndpoint: cfnApi.disableExecuteApiEndpoint,
    };
    return settings;
  }

  protected compile(header: Json, resources: RenderedResources): OpenApiDocument {
    return httpOpenApiDocument(header as unknown as HttpApiSettings, resources);
  }

  protected adopt(body: IResolvable, _elements: CfnResource[]): void {
    const cfnApi = this.cfnApi as apigwv2.CfnApi;
    cfnApi.body = Token.asAny(body);
    // An import that API Gateway only partly understands fails the deploy rather than dropping parts silently.
    cfnApi.failOnWarnings = true;
    // API Gateway refuses these next to a Body ("Redundant fields … provided when either Body or
    // BodyS3Location is not empty"); the document carries them (info, x-amazon-apigateway-cors, servers).
    for (const property of REDUNDANT_WITH_BODY) cfnApi.addPropertyDeletionOverride(property);
  }
}
