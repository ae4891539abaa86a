import { Construct } from 'constructs';
import { fail } from '../core/errors';
import { enumOf } from '../core/shape';

/**
 * How a gateway writes its routes into the CloudFormation template.
 */
export enum DefinitionStyle {
  /**
   * One OpenAPI document (with API Gateway's extensions) as the API's `Body`: the number of
   * CloudFormation resources stays the same whatever the number of routes, and each deploy
   * imports the whole definition at once. What large APIs need.
   */
  OPENAPI = 'OPENAPI',

  /**
   * One CloudFormation resource per path, method, model and authorizer (REST), or per route,
   * integration and authorizer (HTTP), as aws-cdk-lib writes them: a REST API takes about 2
   * resources per route, so CloudFormation's 500 resources per stack caps it near 240 routes.
   */
  RESOURCES = 'RESOURCES',
}

/** The shape untyped (JavaScript) callers are checked against. */
export const DEFINITION_STYLE = enumOf<DefinitionStyle>('DefinitionStyle', () => DefinitionStyle);

/** The context key that sets the definition style of every gateway that does not set its own. */
export const DEFINITION_STYLE_CONTEXT = '@cdk-gatehouse:definitionStyle';

/** The style the app's context asks for (`cdk.json` or `--context`), checked like a prop. */
export function definitionStyleFromContext(scope: Construct): DefinitionStyle | undefined {
  const value: unknown = scope.node.tryGetContext(DEFINITION_STYLE_CONTEXT);
  if (value === undefined) return undefined;
  const styles = Object.values(DefinitionStyle) as string[];
  if (typeof value === 'string' && styles.includes(value)) return value as DefinitionStyle;
  return fail(scope, {
    code: 'InvalidType',
    prop: `context '${DEFINITION_STYLE_CONTEXT}'`,
    rule: `must be one of ${styles.join(', ')}`,
    value: value as string,
    fix: `set it to "${DefinitionStyle.OPENAPI}" or remove it`,
  });
}
