import * as fs from 'fs';
import * as path from 'path';
import { Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Problem, formatProblem } from '../core/errors';

/** A JSON value of an OpenAPI document (CloudFormation intrinsics stay objects). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A CloudFormation resource as synthesized: its type and resolved properties. */
export interface RenderedResource {
  readonly Type: string;
  readonly Properties?: { [name: string]: Json };
}

/** An OpenAPI 3 document as the library writes it. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: Json; readonly version: string };
  readonly paths: { [path: string]: { [operation: string]: Json } };
  readonly components?: { [section: string]: { [name: string]: Json } };
  readonly [extension: string]: Json | undefined;
}

/** The prefix of API Gateway's OpenAPI extensions. */
const EXTENSION_PREFIX = 'x-amazon-apigateway-';

/**
 * The document without API Gateway's extensions, for API docs and client SDK generators:
 * no integrations, authorizers' settings or policies, only what clients see.
 */
export function withoutApiGatewayExtensions(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutApiGatewayExtensions);
  if (value === null || typeof value !== 'object') return value;
  const kept: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) {
    if (!key.startsWith(EXTENSION_PREFIX)) kept[key] = withoutApiGatewayExtensions(item);
  }
  return kept;
}

/** Copies `value` with object keys sorted, so the document's text never depends on the order routes were added. */
export function sortedKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortedKeys(value[key]);
  return sorted;
}

/**
 * The name of a gateway's OpenAPI file in the cloud assembly, stable for a stack and a
 * gateway path: `<stack artifact>.<gateway path>.openapi.json`.
 */
export function openApiFileName(artifactId: string, gatewayPath: string): string {
  return `${artifactId}.${gatewayPath.replace(/[^A-Za-z0-9_-]+/g, '-')}.openapi.json`;
}

/**
 * Writes the document next to the stack's template when the app is synthesized (nothing
 * outside an app's synthesis, e.g. `Template.fromStack` in a test without an output directory).
 */
export function writeOpenApiFile(stack: Stack, gatewayPath: string, document: Json): void {
  const outdir = Stage.of(stack)?.outdir;
  if (!outdir || !fs.existsSync(outdir)) return;
  fs.writeFileSync(path.join(outdir, openApiFileName(stack.artifactId, gatewayPath)), `${JSON.stringify(document, undefined, 2)}\n`);
}

/** Resolves tokens of the document (references become CloudFormation intrinsics). */
export function resolvedDocument(scope: IConstruct, document: unknown): Json {
  return Stack.of(scope).resolve(document) as Json;
}

/** The logical ID a `{ Ref }` names, or undefined for anything else. */
export function refId(value: Json | undefined): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.Ref === 'string') return value.Ref;
  return undefined;
}

/** The object without its undefined values. */
export function defined(object: { [key: string]: Json | undefined }): { [key: string]: Json } {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as { [key: string]: Json };
}

/**
 * Throws what a definition cannot be written as a document for: a plain error carrying the
 * problem, which the gateway reports as its coded synth-time error (see `problemOf`).
 */
export function definitionProblem(problem: Problem): never {
  throw Object.assign(new Error(formatProblem(problem)), { definitionProblem: problem });
}

/**
 * Fails when two of a definition's resources would have one name in the document (authorizers,
 * models, validators are keyed by name there): one would silently take the other's place.
 * `reserved` are names the document already uses for something else.
 */
export function assertUniqueNames(what: string, names: ReadonlyMap<string, string>, reserved: readonly string[] = []): void {
  const owners = new Map<string, string>(reserved.map(name => [name, `the document's own ${name}`]));
  for (const [logicalId, name] of [...names].sort(([a], [b]) => a.localeCompare(b))) {
    const owner = owners.get(name);
    if (owner !== undefined) {
      definitionProblem({
        code: 'DuplicateName',
        prop: 'definitionStyle',
        rule: `OPENAPI names each ${what} by its name in the document, and ${owner} and ${logicalId} would both be "${name}"`,
        value: name,
        fix: `give each ${what} of the API a distinct name (letters, digits, '.', '_' and '-' are kept; other characters become '-'), or set definitionStyle: DefinitionStyle.RESOURCES`,
      });
    }
    owners.set(name, logicalId);
  }
}

/** The problem `definitionProblem` threw, if `error` is one. */
export function problemOf(error: unknown): Problem | undefined {
  return (error as { definitionProblem?: Problem } | undefined)?.definitionProblem;
}
