import {
  Aspects, CfnElement, CfnResource, IResolvable, IResolveContext, Stack, Token,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import {
  Json, OpenApiDocument, RenderedResource, problemOf, resolvedDocument, withoutApiGatewayExtensions, writeOpenApiFile,
} from './openapi-document';
import { Problem, fail, formatProblem, warn } from '../core/errors';
import { DefinitionStyle } from '../vocabulary/definition-style';

/** Where the document is written in the cloud assembly: `<stack>.<gateway path>.openapi.json`. */
export interface OpenApiFile {
  /** The top-level stack whose template the file sits next to. */
  readonly stack: Stack;
  /** The gateway's construct path in that stack. */
  readonly gatewayPath: string;
}

/** Resources by logical ID, as synthesized. */
export type RenderedResources = { [logicalId: string]: RenderedResource };

/**
 * The single owner of an API's definition (REST or HTTP): its routes and what they need,
 * built as aws-cdk-lib constructs (so routes, escape hatches and property overrides work the
 * same in both styles), and written either as those resources or, with
 * `DefinitionStyle.OPENAPI`, folded into one OpenAPI document, the API's `Body`, when the app
 * is synthesized. Either way the document is written into the cloud assembly.
 */
export abstract class OpenApiDefinition {
  private folded?: CfnResource[];

  constructor(
    private readonly gateway: IConstruct,
    protected readonly cfnApi: CfnResource,
    public readonly style: DefinitionStyle,
    private readonly file: OpenApiFile,
  ) {
    Aspects.of(gateway).add({ visit: node => { if (node === gateway) this.atSynth(); } });
  }

  /** The definition's resources: found in the tree, or the ones folded into the document. */
  public elements(): CfnResource[] {
    return this.folded ?? this.definitionElements();
  }

  /** The OpenAPI document, resolved: what `Body` holds (or would hold). */
  public document(apiGatewayExtensions = true): Json {
    const stack = Stack.of(this.cfnApi);
    const rendered: RenderedResources = Object.assign({}, ...this.elements()
      .map(e => (stack.resolve((e as CfnElement)._toCloudFormation()) as { Resources: object }).Resources));
    const document = this.compile(stack.resolve(this.header()) as Json, rendered);
    const resolved = resolvedDocument(this.cfnApi, document as unknown as Json);
    return apiGatewayExtensions ? resolved : withoutApiGatewayExtensions(resolved);
  }

  /** The resources that make up the definition, found in the tree. */
  protected abstract definitionElements(): CfnResource[];

  /** What the document takes from the API itself (its name, …), unresolved. */
  protected abstract header(): unknown;

  /** The document of `header` (resolved) and the definition's resources. */
  protected abstract compile(header: Json, resources: RenderedResources): OpenApiDocument;

  /** Makes `body` the API's definition, before `elements` leave the template. */
  protected abstract adopt(body: IResolvable, elements: CfnResource[]): void;

  private atSynth(): void {
    // Checked before anything leaves the template; the folded resources make the same document.
    const document = this.checkedDocument();
    if (this.style === DefinitionStyle.OPENAPI && !this.folded) this.fold();
    if (document !== undefined) writeOpenApiFile(this.file.stack, this.file.gatewayPath, document);
  }

  /**
   * Moves the definition's resources out of the template into the API's `Body`. What waited
   * for one of them (`DependsOn`) waits for the API instead, which holds them now.
   */
  private fold(): void {
    const elements = this.elements();
    this.folded = elements;
    this.adopt(new DefinitionBody(this, elements), elements);
    const removed = new Set<IConstruct>(elements);
    for (const resource of Stack.of(this.cfnApi).node.findAll()) {
      if (!(resource instanceof CfnResource) || removed.has(resource)) continue;
      const waitedFor = resource.obtainDependencies().filter((d): d is CfnResource => removed.has(d));
      for (const element of waitedFor) resource.removeResourceDependency(element);
      if (waitedFor.length > 0 && resource !== this.cfnApi) resource.addResourceDependency(this.cfnApi);
    }
    for (const element of elements) element.node.scope?.node.tryRemoveChild(element.node.id);
    this.gateway.node.addValidation({ validate: () => this.referencesToFolded(elements).map(formatProblem) });
  }

  /**
   * What in the stack still refers to a folded resource (an output of `method.methodId`, an
   * export for another stack): it would name a resource the template no longer has, which
   * CloudFormation refuses only at deploy. Checked once the app is prepared (exports exist).
   */
  private referencesToFolded(elements: CfnResource[]): Problem[] {
    const stack = Stack.of(this.cfnApi);
    const folded = new Map(elements.map(e => [stack.resolve(e.logicalId) as string, e]));
    const problems: Problem[] = [];
    for (const element of stack.node.findAll()) {
      // Elements of nested stacks have templates (and logical IDs) of their own.
      if (!(element instanceof CfnElement) || element === this.cfnApi || Stack.of(element) !== stack) continue;
      const text = JSON.stringify(stack.resolve((element as CfnElement)._toCloudFormation()));
      const named = new Set([...text.matchAll(/\{"(?:Ref|Fn::GetAtt)":\[?"([^"]+)"/g)].map(m => m[1]));
      for (const logicalId of named) {
        const resource = folded.get(logicalId);
        if (!resource) continue;
        problems.push({
          code: 'UnsupportedCombination',
          prop: 'definitionStyle',
          rule: `OPENAPI folds ${resource.node.path} (${logicalId}) into the API's Body, yet ${element.node.path} still refers to it`,
          value: DefinitionStyle.OPENAPI,
          fix: 'refer to the API or its stage instead (an imported definition\'s parts get their IDs at import), or set definitionStyle: DefinitionStyle.RESOURCES',
        });
      }
    }
    return problems;
  }

  /**
   * The document. What it cannot hold is a coded error at synth with an OpenAPI body, and a
   * repeated route in either style; with resources, which deploy whatever the document could
   * hold, only the assembly file is left out (with a warning).
   */
  private checkedDocument(): Json | undefined {
    try {
      return this.document();
    } catch (error) {
      const problem = problemOf(error);
      if (!problem) throw error;
      if (this.style === DefinitionStyle.OPENAPI || problem.code === 'DuplicateRoute') fail(this.gateway, problem);
      warn(this.gateway, 'NoOpenApiFile', `no OpenAPI file is written for this gateway: ${formatProblem(problem)}`);
      return undefined;
    }
  }

  /** @internal what the `Body` token resolves, before its post-processor compiles it */
  public _bodyInput(elements: CfnResource[]): unknown {
    return { header: this.header(), resources: elements.map(e => (e as CfnElement)._toCloudFormation()) };
  }

  /** @internal */
  public _compileBody(input: { header: Json; resources: Array<{ Resources: RenderedResources }> }): OpenApiDocument {
    return this.compile(input.header, Object.assign({}, ...input.resources.map(r => r.Resources)));
  }
}

/**
 * The `Body` token: the folded resources are rendered as part of the API's own properties, so
 * references in them (a function in another stack, an imported role) are found and exported
 * as if they were still separate resources; the document is written from the result.
 */
class DefinitionBody implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly definition: OpenApiDefinition, private readonly elements: CfnResource[]) {}

  public resolve(context: IResolveContext): unknown {
    // While CDK only collects the tokens in it (`preparing`), the body is not compiled: its strings are not final yet.
    context.registerPostProcessor({ postProcess: input => (context.preparing ? input : this.definition._compileBody(input)) });
    return this.definition._bodyInput(this.elements);
  }

  public toString(): string {
    return Token.asString(this);
  }
}
