import { aws_apigateway as apigw } from 'aws-cdk-lib';

/** Keywords `apigw.JsonSchema` spells without their `$`. */
const PREFIXED: Record<string, string> = { schema: '$schema', ref: '$ref' };
/** Keywords whose value maps names (not keywords) to schemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);

/**
 * A route's request schema as the JSON document an `AWS::ApiGatewayV2::Model` holds: JSON
 * Schema draft 4, with `$schema` and `$ref` spelled as JSON Schema spells them.
 */
export function modelSchema(schema: apigw.JsonSchema): Record<string, unknown> {
  return { $schema: 'http://json-schema.org/draft-04/schema#', ...(convert(schema, false) as Record<string, unknown>) };
}

function convert(value: unknown, names: boolean): unknown {
  if (Array.isArray(value)) return value.map(v => convert(v, false));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, v]) => [
    names ? key : PREFIXED[key] ?? key,
    convert(v, !names && NAME_MAPS.has(key)),
  ]));
}
