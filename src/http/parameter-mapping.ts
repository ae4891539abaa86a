import { Token } from 'aws-cdk-lib';
import { Problem } from '../core/errors';
import { RequestValue } from '../vocabulary/request-value';
import { RequestValueSource } from '../vocabulary/request-value-source';

/**
 * HTTP API parameter mapping: the runtime expressions API Gateway evaluates for the request
 * parameters of AWS service integrations (and, for some sources, authorizer identity
 * sources). The syntax API Gateway documents:
 *
 *   $request.header.name   $request.querystring.name   $request.path.name
 *   $request.body          $request.body.a.b (a JSON path; no `..`, no filters)
 *   $context.name          $stageVariables.name        a static string
 *
 * Names are kept to characters the expressions read unambiguously, and static strings may
 * not contain `$` (API Gateway would take it for the start of an expression).
 */

/** Names a mapping expression ends with: letters, digits, `_` and `-`. */
const MAPPING_NAME = /^[A-Za-z0-9_-]+$/;
/** Context variables: API Gateway accepts only `.` and `_` besides letters and digits. */
const CONTEXT_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
/** A bracketed key that is a plain identifier, rewritable as a `.key` step. */
const IDENTIFIER_KEY = /\['([A-Za-z_][A-Za-z0-9_]*)'\]/g;

export function httpMappingValue(source: RequestValueSource, name: string): string | undefined {
  switch (source) {
    case 'body': return '$request.body';
    case 'jsonPath': return `$request.body${name.slice(1).replace(IDENTIFIER_KEY, '.$1')}`;
    case 'pathParameter': return `$request.path.${name}`;
    case 'queryString': return `$request.querystring.${name}`;
    case 'header': return `$request.header.${name}`;
    case 'context': return `$context.${name}`;
    case 'stageVariable': return `$stageVariables.${name}`;
    case 'literal': return name;
  }
}

/** The problems a value has as an HTTP mapping expression, beyond those of its name. */
export function httpMappingProblems(value: RequestValue, prop: string): Problem[] {
  const own = value._problems(prop);
  if (own.length > 0) return own;
  const name = value._name;
  if (Token.isUnresolved(name)) return [];
  const problem = (rule: string, fix: string): Problem[] => [{ code: 'InvalidRequestValue', prop, rule, value: name, fix }];
  switch (value._source) {
    case 'jsonPath': {
      const rest = name.slice(1).replace(IDENTIFIER_KEY, '');
      return rest.includes("['")
        ? problem('must use only .field and [index] steps on an HttpGateway (parameter mapping has no quoted keys)',
          "rename the field or read it as '$.field'; RestGateway reads any key")
        : [];
    }
    case 'pathParameter':
    case 'queryString':
    case 'header':
      return MAPPING_NAME.test(name)
        ? []
        : problem('must be letters, digits, _ or - on an HttpGateway (parameter mapping reads no other characters)', 'rename the parameter');
    case 'context':
      return CONTEXT_NAME.test(name)
        ? []
        : problem('must be letters, digits, _ and . steps on an HttpGateway', "use e.g. 'requestId' or 'authorizer.jwt.claims.sub'");
    case 'literal':
      if (name.length === 0) return problem('must not be empty on an HttpGateway', 'leave the option out instead');
      return name.includes('$')
        ? problem('must not contain $ on an HttpGateway (parameter mapping reads it as an expression)', 'drop the $ from the literal')
        : [];
    default:
      return [];
  }
}

/** The HTTP API authorizer identity-source expression of a value, if it can be one. */
export function httpIdentitySource(value: RequestValue): string | undefined {
  return ['header', 'queryString', 'context', 'stageVariable'].includes(value._source) ? httpMappingValue(value._source, value._name) : undefined;
}
