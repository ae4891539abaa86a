import {
  CfnElement, CfnResource, IResolvable, Stack, Token, aws_apigateway as apigw, aws_lambda as lambda,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { restOpenApiDocument } from './rest-openapi';
import { Problem } from '../../core/errors';
import { pathInStack, topLevelStack } from '../../review/gateway-registry';
import { acknowledgeDefinedRequestValidation } from '../../shared/nag-acknowledgements';
import { OpenApiDefinition, RenderedResources } from '../../shared/openapi-definition';
import { Json, OpenApiDocument } from '../../shared/openapi-document';
import { DefinitionStyle } from '../../vocabulary/definition-style';

/** CloudFormation's resources per stack, and the context key with which aws-cdk-lib's own check reads it. */
const CLOUDFORMATION_RESOURCE_LIMIT = 500;
const STACK_RESOURCE_LIMIT_CONTEXT = '@aws-cdk/core:stackResourceLimit';
/** A template's largest size, as aws-cdk-lib checks the file it writes (CloudFormation's 1 MB). */
const CLOUDFORMATION_TEMPLATE_BYTES = 1_000_000;
const SUPPRESS_TEMPLATE_INDENTATION_CONTEXT = '@aws-cdk/core:suppressTemplateIndentation';

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

  /**
   * With the resources style, a stack over CloudFormation's resource limit because of this
   * API says so at synth and names the fix (aws-cdk-lib's own check does not know it).
   */
  public problems(): Problem[] {
    const tooLarge = this.sizeProblem();
    if (tooLarge) return [tooLarge];
    if (this.style !== DefinitionStyle.RESOURCES) return [];
    const stack = Stack.of(this.api);
    const limit = Number(stack.node.tryGetContext(STACK_RESOURCE_LIMIT_CONTEXT) ?? CLOUDFORMATION_RESOURCE_LIMIT);
    if (!(limit > 0)) return [];
    const resources = stack.node.findAll().filter(c => c instanceof CfnResource && Stack.of(c) === stack).length;
    if (resources <= limit) return [];
    const own = this.elements().length;
    return [{
      code: 'LimitExceeded',
      prop: 'definitionStyle',
      rule: `would make ${resources} CloudFormation resources in stack ${stack.stackName}, ${own} of them this API's paths, methods, models and authorizers; CloudFormation allows ${limit}`,
      value: this.style,
      fix: 'set definitionStyle: DefinitionStyle.OPENAPI (the routes become one OpenAPI body, see README "Large APIs"), or move resources to another stack',
    }];
  }

  /**
   * The definition must fit the template it is written into: CloudFormation refuses a
   * template over 1 MB at deploy, so a definition alone over it fails here. It is measured as
   * the template file holds it: indented (unless the stack suppresses indentation) and at its
   * depth in the template (the body under `Resources.<api>.Properties`, resources under `Resources`).
   */
  private sizeProblem(): Problem | undefined {
    const stack = Stack.of(this.api);
    const definition = this.style === DefinitionStyle.OPENAPI
      ? { Resources: { Api: { Properties: { Body: this.document() } } } }
      : { Resources: Object.assign({}, ...this.elements().map(e => resourcesOf(stack, e))) };
    const bytes = Buffer.byteLength(JSON.stringify(definition, undefined, suppressesIndentation(stack) ? undefined : 1));
    if (bytes <= CLOUDFORMATION_TEMPLATE_BYTES) return undefined;
    return {
      code: 'LimitExceeded',
      prop: 'routes',
      rule: `would make this API's definition ${bytes} bytes; a CloudFormation template holds at most ${CLOUDFORMATION_TEMPLATE_BYTES} bytes`,
      value: `${this.api.methods.length} methods`,
      fix: 'split the routes over several gateways (e.g. one per domain, each in its own stack), or move service routes with long mapping templates to Lambda',
    };
  }

  /**
   * What the stage's deployment snapshots: the definition, and with an OpenAPI body the API's
   * own properties too (policy, binary media types), which aws-cdk-lib hashes only for a
   * deployment of the API itself.
   */
  public deployedParts(): CfnResource[] {
    const parts = this.elements();
    return this.style === DefinitionStyle.OPENAPI ? [...parts, this.api.node.defaultChild as CfnResource] : parts;
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
    // Logical IDs repeat across stacks (a dev and a prod copy): only this API's stack can name its authorizers.
    for (const permission of stack.node.findAll()) {
      if (!(permission instanceof lambda.CfnPermission) || permission.sourceArn === undefined || Stack.of(permission) !== stack) continue;
      const refs = JSON.stringify(Stack.of(permission).resolve(permission.sourceArn));
      if ([...authorizerIds].some(id => refs.includes(`{"Ref":"${id}"}`))) permission.sourceArn = anyAuthorizer;
    }
  }
}

/** Whether the stack's template file is written without indentation (aws-cdk-lib's prop, else its context key). */
function suppressesIndentation(stack: Stack): boolean {
  const own = (stack as unknown as { _suppressTemplateIndentation?: boolean })._suppressTemplateIndentation;
  return own ?? stack.node.tryGetContext(SUPPRESS_TEMPLATE_INDENTATION_CONTEXT) === true;
}

function resourcesOf(stack: Stack, element: CfnResource): object {
  return (stack.resolve((element as CfnElement)._toCloudFormation()) as { Resources: object }).Resources;
}
