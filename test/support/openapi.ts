import SwaggerParser from '@apidevtools/swagger-parser';
import { corsExtension, httpOpenApiDocument } from '../../src/http/definition/http-openapi';
import { restOpenApiDocument } from '../../src/rest/definition/rest-openapi';

/** The resource types of a REST API's definition, which an OpenAPI body replaces. */
export const DEFINITION_TYPES = [
  'AWS::ApiGateway::Resource', 'AWS::ApiGateway::Method', 'AWS::ApiGateway::Model',
  'AWS::ApiGateway::RequestValidator', 'AWS::ApiGateway::Authorizer', 'AWS::ApiGateway::GatewayResponse',
];

interface Template { readonly Resources: Record<string, { Type: string; Properties?: any; DependsOn?: string | string[] }> }

/**
 * The OpenAPI document a REST API's definition resources amount to, read from a template
 * synthesized with `DefinitionStyle.RESOURCES`: what its `Body` must be in the other style.
 */
export function documentOfResources(template: Template, restApiId: string): unknown {
  const ofApi = Object.fromEntries(Object.entries(template.Resources)
    .filter(([, r]) => DEFINITION_TYPES.includes(r.Type) && JSON.stringify(r.Properties?.RestApiId) === JSON.stringify({ Ref: restApiId })));
  return restOpenApiDocument(template.Resources[restApiId].Properties.Name, ofApi);
}

/** The resource types of an HTTP API's definition, which an OpenAPI body replaces. */
export const HTTP_DEFINITION_TYPES = ['AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::Authorizer'];

/**
 * The OpenAPI document an HTTP API's routes, integrations and authorizers amount to, read from
 * a template synthesized with `DefinitionStyle.RESOURCES`: what its `Body` must be in the other style.
 */
export function documentOfHttpResources(template: Template, apiId: string): unknown {
  const ofApi = Object.fromEntries(Object.entries(template.Resources)
    .filter(([, r]) => HTTP_DEFINITION_TYPES.includes(r.Type) && JSON.stringify(r.Properties?.ApiId) === JSON.stringify({ Ref: apiId })));
  const api = template.Resources[apiId].Properties;
  return httpOpenApiDocument({
    title: api.Name,
    description: api.Description,
    cors: corsExtension(api.CorsConfiguration),
    disableExecuteApiEndpoint: api.DisableExecuteApiEndpoint,
  }, ofApi);
}

/** `Ref`, `Fn::GetAtt` and `DependsOn` targets that are not resources, parameters or pseudo parameters of the template. */
export function danglingReferences(template: Template & { Parameters?: object }): string[] {
  const known = new Set([...Object.keys(template.Resources), ...Object.keys(template.Parameters ?? {})]);
  const dangling: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      if (key === 'Ref' && typeof item === 'string' && !item.startsWith('AWS::') && !known.has(item)) dangling.push(item);
      if (key === 'Fn::GetAtt' && Array.isArray(item) && !known.has(item[0])) dangling.push(item[0]);
      visit(item);
    }
  };
  for (const [id, resource] of Object.entries(template.Resources)) {
    visit(resource.Properties);
    for (const target of [resource.DependsOn ?? []].flat()) if (!known.has(target)) dangling.push(`${id} DependsOn ${target}`);
  }
  return dangling;
}

/** Validates an OpenAPI 3 document with a real validator (on a copy: it dereferences in place). */
export async function validateOpenApi(document: unknown): Promise<void> {
  await SwaggerParser.validate(JSON.parse(JSON.stringify(document)));
}
