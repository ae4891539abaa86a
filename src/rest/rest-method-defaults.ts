import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { RestMethodAuthorization } from './rest-binding';

/**
 * The gateway's default authorization as aws-cdk-lib's `defaultMethodOptions`, so that
 * methods added to `gateway.api` directly (escape hatches) require it too. The object is
 * handed to the RestApi empty and filled by `set` once the default is bound, before any
 * resource copies it.
 */
export class RestMethodDefaults {
  public readonly options: apigw.MethodOptions = {};

  public set(api: apigw.RestApi, auth: RestMethodAuthorization): void {
    Object.assign(this.options, {
      authorizationType: auth.authorizationType,
      authorizer: auth.authorizer,
      authorizationScopes: auth.authorizationScopes,
    });
    // aws-cdk-lib fails synthesis for an authorizer no method has attached yet.
    if (auth.authorizer && apigw.Authorizer.isAuthorizer(auth.authorizer)) auth.authorizer._attachToApi(api);
  }
}

/**
 * Adds one of the gateway's own methods, which carry their whole authorization, with the
 * resource's defaults hidden meanwhile so that none leaks in: a route without scopes would
 * get the default's, a route without authorizer the default's authorizer.
 */
export function withoutMethodDefaults<T>(resource: apigw.IResource, add: () => T): T {
  // `defaultMethodOptions` is a plain field that aws-cdk-lib reads when a method is added.
  const holder = resource as unknown as { defaultMethodOptions?: apigw.MethodOptions };
  const saved = holder.defaultMethodOptions;
  holder.defaultMethodOptions = undefined;
  try {
    return add();
  } finally {
    holder.defaultMethodOptions = saved;
  }
}
