import { Names, Stack, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { digest } from './http-ids';
import { fail } from '../core/errors';

/**
 * The API's authorizers, one per kind and owner however many routes use them. Construct IDs
 * come from the owner's path (a function or user pool) or from its key (a JWT issuer and
 * audiences), so adding or removing routes never renames one.
 */
export class HttpAuthorizers extends Construct {
  private readonly byKey = new Map<string, { authorizer: apigwv2.HttpAuthorizer; settings: string; firstUse: string }>();

  public get(
    owner: IConstruct | string, kind: string, settings: object, usedBy: string,
    create: (scope: Construct, id: string) => apigwv2.HttpAuthorizer,
  ): apigwv2.HttpAuthorizer {
    const rendered = JSON.stringify(Stack.of(this).resolve(settings));
    // A JWT authorizer is identified by everything it checks; a function or pool by itself.
    const name = typeof owner === 'string' ? digest(rendered) : Names.nodeUniqueId(owner.node);
    const key = `${kind}:${typeof owner === 'string' ? rendered : owner.node.path}`;
    const existing = this.byKey.get(key);
    if (existing) {
      if (existing.settings !== rendered) {
        fail(this, {
          code: 'ConflictingAuthorizer',
          prop: `${usedBy}.authorization`,
          rule: `must use the same options as ${existing.firstUse} for the same ${kind} authorizer`,
          value: rendered,
          fix: `use ${existing.settings} everywhere, or a separate function or user pool`,
        });
      }
      return existing.authorizer;
    }
    const authorizer = create(this, `${kind}${name}`);
    this.byKey.set(key, { authorizer, settings: rendered, firstUse: usedBy });
    return authorizer;
  }
}
