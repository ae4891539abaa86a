import { Names, Stack, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { fail } from '../core/errors';

/**
 * The API's authorizers, one per kind and target however many routes use them. Construct
 * IDs come from the target's path, so adding or removing routes never renames one.
 */
export class RestAuthorizers extends Construct {
  private readonly byKey = new Map<string, { authorizer: apigw.IAuthorizer; settings: string; firstUse: string }>();

  public get(
    target: IConstruct, kind: string, settings: object, usedBy: string,
    create: (scope: Construct, id: string) => apigw.IAuthorizer,
  ): apigw.IAuthorizer {
    const key = `${kind}:${target.node.path}`;
    const rendered = JSON.stringify(Stack.of(this).resolve(settings));
    const existing = this.byKey.get(key);
    if (existing) {
      if (existing.settings !== rendered) {
        fail(this, {
          code: 'ConflictingAuthorizer',
          prop: `${usedBy}.authorization`,
          rule: `must use the same options as ${existing.firstUse} for the same ${kind} authorizer (${target.node.id})`,
          value: rendered,
          fix: `use ${existing.settings} everywhere, or a separate function or user pool`,
        });
      }
      return existing.authorizer;
    }
    const authorizer = create(this, `${kind}${Names.nodeUniqueId(target.node)}`);
    this.byKey.set(key, { authorizer, settings: rendered, firstUse: usedBy });
    return authorizer;
  }
}
