import {
  Aspects, CfnElement, CfnResource, IResolvable, IResolveContext, Stack, Token, aws_apigateway as apigw, aws_lambda as lambda,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { RenderedResource, restOpenApiDocument } from './rest-openapi';
import { Problem } from '../../core/errors';
import { pathInStack, topLevelStack } from '../../review/gateway-registry';
import { acknowledgeDefinedRequestValidation } from '../../shared/nag-acknowledgements';
import {
  Json, OpenApiDocument, resolvedDocument, withoutApiGatewayExtensions, writeOpenApiFile,
} from '../../shared/openapi-document';
import { DefinitionStyle } from '../../vocabulary/definition-style';

/** CloudFormation's resources per stack, and the context key with which aws-cdk-lib's own check reads it. */
const CLOUDFORMATION_RESOURCE_LIMIT = 500;
const CLOUDFORMATION_TEMPLATE_BYTES = 1024 * 1024;
const STACK_RESOURCE_LIMIT_CONTEXT = '@aws-cdk/core:stackResourceLimit';

/** The CloudFormation types that make up a REST API's definition (what a deployment snapshots). */
const DEFINITION_TYPES = [
  apigw.CfnResource, apigw.CfnMethod, apigw.CfnAuthorizer, apigw.CfnModel,
  apigw.CfnRequestValidator, apigw.CfnGatewayResponse,
] as const;

/**
 * The single owner of a REST API's definition: its paths, methods, models, validators,
 * authorizers and gateway responses, built as aws-cdk-lib constructs under `roots` (so
 * routes, escape hatches and property overrides work the same in both styles), and written
 * either as those resources or, with `DefinitionStyle.OPENAPI`, folded into one OpenAPI
 * document, the API's `Body`, when the app is synthesized.
 */
export class RestDefinition {
  private folded?: CfnResource[];

  constructor(
    private readonly gateway: IConstruct,
    private readonly api: apigw.RestApi,
    private readonly roots: IConstruct[],
    public readonly style: DefinitionStyle,
  ) {
    Aspects.of(gateway).add({ visit: node => { if (node === gateway) this.atSynth(); } });
  }

  /** The definition's resources: found in the tree, or the ones folded into the document. */
  public elements(): CfnResource[] {
    return this.folded ?? this.roots
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
   * template over 1 MB at deploy, so a definition alone over it fails here.
   */
  private sizeProblem(): Problem | undefined {
    const stack = Stack.of(this.api);
    const bytes = this.style === DefinitionStyle.OPENAPI
      ? Buffer.byteLength(JSON.stringify(this.document()))
      : Buffer.byteLength(JSON.stringify(this.rendered(stack, this.elements())));
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

  /** The OpenAPI document, resolved: what `Body` holds (or would hold). */
  public document(apiGatewayExtensions = true): Json {
    const stack = Stack.of(this.api);
    const document = restOpenApiDocument(this.title(stack), this.rendered(stack, this.elements()));
    const resolved = resolvedDocument(this.api, document as unknown as Json);
    return apiGatewayExtensions ? resolved : withoutApiGatewayExtensions(resolved);
  }

  private title(stack: Stack): Json {
    return stack.resolve((this.api.node.defaultChild as apigw.CfnRestApi).name) as Json;
  }

  private rendered(stack: Stack, elements: CfnResource[]): { [logicalId: string]: RenderedResource } {
    return Object.assign({}, ...elements.map(e => (stack.resolve((e as CfnElement)._toCloudFormation()) as { Resources: object }).Resources));
  }

  private atSynth(): void {
    if (this.style === DefinitionStyle.OPENAPI && !this.folded) this.fold();
    writeOpenApiFile(topLevelStack(this.gateway), pathInStack(this.gateway), this.document());
  }

  /**
   * Moves the definition's resources out of the template into the API's `Body`. References
   * to them from outside (a Lambda authorizer's permission names its authorizer's ID, which
   * an imported API only gets at deploy) are widened to what the document can name.
   */
  private fold(): void {
    const elements = this.elements();
    this.folded = elements;
    const cfnApi = this.api.node.defaultChild as apigw.CfnRestApi;
    cfnApi.body = Token.asAny(new DefinitionBody(this.api, elements));
    // An import that API Gateway only partly understands fails the deploy rather than dropping parts silently.
    cfnApi.failOnWarnings = true;
    if (elements.some(e => e instanceof apigw.CfnRequestValidator)) acknowledgeDefinedRequestValidation(cfnApi);
    const authorizerIds = new Set(elements.filter(e => e instanceof apigw.CfnAuthorizer).map(e => Stack.of(e).resolve(e.logicalId)));
    if (authorizerIds.size > 0) this.widenAuthorizerPermissions(authorizerIds);
    for (const element of elements) element.node.scope?.node.tryRemoveChild(element.node.id);
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

/**
 * The `Body` token: the folded resources are rendered as part of the API's own properties, so
 * references in them (a function in another stack, an imported role) are found and exported
 * as if they were still separate resources; the document is written from the result.
 */
class DefinitionBody implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly api: apigw.RestApi, private readonly elements: CfnResource[]) {}

  public resolve(context: IResolveContext): unknown {
    context.registerPostProcessor({
      postProcess: (input: { title: Json; resources: Array<{ Resources: { [id: string]: RenderedResource } }> }) =>
        restOpenApiDocument(input.title, Object.assign({}, ...input.resources.map(r => r.Resources))) as unknown as OpenApiDocument,
    });
    return {
      title: (this.api.node.defaultChild as apigw.CfnRestApi).name,
      resources: this.elements.map(e => (e as CfnElement)._toCloudFormation()),
    };
  }

  public toString(): string {
    return Token.asString(this);
  }
}
