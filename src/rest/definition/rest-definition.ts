import {
  CfnResource, IResolvable, Stack, Token, aws_apigateway as apigw, aws_lambda as lambda,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { restOpenApiDocument } from './rest-openapi';
import { pathInStack, topLevelStack } from '../../review/gateway-registry';
import { acknowledgeDefinedRequestValidation } from '../../shared/nag-acknowledgements';
import { OpenApiDefinition, RenderedResources } from '../../shared/openapi-definition';
import { Json, OpenApiDocument } from '../../shared/openapi-document';
import { DefinitionStyle } from '../../vocabulary/definition-style';

/** The CloudFormation types that make up a REST API's definition (what a deployment snapshots). */
const DEFINITION_TYPES = [
  apigw.CfnResource, apigw.CfnMethod, apigw.CfnAuthorizer, apigw.CfnModel,
  apigw.CfnRequestValidator, apigw.CfnGatewayResponse,
] as const;

/**
 * A REST API's definition: its paths, methods, models, validators, authorizers and gateway
 * responses, found under `roots`.
 */
export class RestDefinition extends OpenApiDefinition {
  constructor(gateway: IConstruct, private readonly api: apigw.RestApi, private readonly roots: IConstruct[], style: DefinitionStyle) {
    super(gateway, api.node.defaultChild as apigw.CfnRestApi, style, { stack: topLevelStack(gateway), gatewayPath: pathInStack(gateway) });
  }

  protected definitionElements(): CfnResource[] {
    return this.roots
      .flatMap(root => root.node.findAll())
      .filter((c): c is CfnResource => DEFINITION_TYPES.some(type => c instanceof type));
  }

  protected header(): unknown {
    return (this.cfnApi as apigw.CfnRestApi).name;
  }

  protected compile(title: Json, resources: RenderedResources): OpenApiDocument {
    return restOpenApiDocument(title, resources);
  }

  /**
   * References to the folded resources from outside (a Lambda authorizer's permission names
   * its authorizer's ID, which an imported API only gets at deploy) are widened to what the
   * document can name.
   */
  protected adopt(body: IResolvable, elements: CfnResource[]): void {
    const cfnApi = this.cfnApi as apigw.CfnRestApi;
    cfnApi.body = Token.asAny(body);
    // An import that API Gateway only partly understands fails the deploy rather than dropping parts silently.
    cfnApi.failOnWarnings = true;
    if (elements.some(e => e instanceof apigw.CfnRequestValidator)) acknowledgeDefinedRequestValidation(cfnApi);
    const authorizerIds = new Set(elements.filter(e => e instanceof apigw.CfnAuthorizer).map(e => Stack.of(e).resolve(e.logicalId)));
    if (authorizerIds.size > 0) this.widenAuthorizerPermissions(authorizerIds);
  }

  private widenAuthorizerPermissions(authorizerIds: Set<string>): void {
    const stack = Stack.of(this.api);
    const anyAuthorizer = stack.formatArn({ service: 'execute-api', resource: this.api.restApiId, resourceName: 'authorizers/*' });
    for (const permission of this.api.node.root.node.findAll()) {
      if (!(permission instanceof lambda.CfnPermission) || permission.sourceArn === undefined) continue;
      const refs = JSON.stringify(Stack.of(permission).resolve(permission.sourceArn));
      if ([...authorizerIds].some(id => refs.includes(`{"Ref":"${id}"}`))) permission.sourceArn = anyAuthorizer;
    }
  }
}
