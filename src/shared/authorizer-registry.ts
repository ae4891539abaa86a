import { Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { quotaProblem } from './api-quota';
import { fail } from '../core/errors';
import { DEFAULT_QUOTAS } from '../vocabulary/api-quotas';

/**
 * The API's authorizers, one per kind and owner however many routes use them. Construct IDs
 * come from the owner (a function or user pool, by its path) or from the settings (an owner
 * given as a string: a JWT issuer), so adding or removing routes never renames one. Each
 * gateway names its authorizers and says how a conflict names the owner.
 */
export abstract class AuthorizerRegistry<A> extends Construct {
  private readonly byKey = new Map<string, { authorizer: A; settings: string; firstUse: string }>();
  /** API Gateway's "Authorizers per API" quota for this API (the gateway's `quotas`). */
  public limit = DEFAULT_QUOTAS.authorizersPerApi;

  public get(
    owner: IConstruct | string, kind: string, settings: object, usedBy: string,
    create: (scope: Construct, id: string) => A,
  ): A {
    const rendered = JSON.stringify(Stack.of(this).resolve(settings));
    const key = `${kind}:${typeof owner === 'string' ? rendered : owner.node.path}`;
    const existing = this.byKey.get(key);
    if (existing) {
      if (existing.settings !== rendered) {
        fail(this, {
          code: 'ConflictingAuthorizer',
          prop: `${usedBy}.authorization`,
          rule: `must use the same options as ${existing.firstUse} for the same ${kind} authorizer${this.ownerNote(owner)}`,
          value: rendered,
          fix: `use ${existing.settings} everywhere, or a separate function or user pool`,
        });
      }
      return existing.authorizer;
    }
    if (this.byKey.size >= this.limit) {
      fail(this, quotaProblem(`${usedBy}.authorization`, kind, `authorizer ${this.byKey.size + 1} of this API`, 'Authorizers per API', this.limit,
        'quotas.authorizersPerApi', 'reuse authorizers across routes (the same function or user pool with the same options)'));
    }
    const authorizer = create(this, `${kind}${this.nameOf(owner, rendered)}`);
    this.byKey.set(key, { authorizer, settings: rendered, firstUse: usedBy });
    return authorizer;
  }

  /** The end of an authorizer's construct ID, stable for its owner. */
  protected abstract nameOf(owner: IConstruct | string, rendered: string): string;

  /** How a conflict's message names the owner, after the kind (may be empty). */
  protected abstract ownerNote(owner: IConstruct | string): string;
}
