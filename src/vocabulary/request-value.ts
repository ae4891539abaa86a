import { Token } from 'aws-cdk-lib';
import { RequestValueSource } from './request-value-source';
import { Problem } from '../core/errors';
import { HEADER_NAME } from '../core/http-names';
import { brand, argumentChecker, args, madeBy, required, str } from '../core/shape';


const SIMPLE_NAME = /^[A-Za-z0-9_.-]+$/;
const CONTEXT_VARIABLE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_-]*)*$/;
/** Bracket keys exclude quotes, backslashes, `$` and `#` so templates can quote the path as written. */
const JSON_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\]|\['[^'"\\$#]+'\])*$/;

/**
 * A value taken from the request: the body or a part of it, a path, query-string or header
 * parameter, a context or stage variable, or a literal. One vocabulary for every gateway:
 * each renders it with the mechanism its API type has (mapping templates, parameter
 * mapping, identity sources).
 *
 * @example
 * import { Integration, RequestValue, RestGateway } from 'cdk-gatehouse';
 *
 * const events = new RestGateway(this, 'Events');
 * events.addRoute('POST /tenants/{tenant}/orders', Integration.sqs(fifoQueue, {
 *   messageGroupId: RequestValue.pathParameter('tenant'),
 *   messageAttributes: { customer: RequestValue.jsonPath('$.customerId') },
 * }));
 * events.addRoute('POST /clicks', Integration.kinesis(stream, { partitionKey: RequestValue.header('X-User') }));
 */
export class RequestValue {
  /** The whole request body. */
  public static body(): RequestValue {
    return new RequestValue('body', '');
  }

  /** A part of a JSON body, e.g. `$.customer.id`. */
  public static jsonPath(path: string): RequestValue {
    checkValueArguments('RequestValue.jsonPath', { path });
    return new RequestValue('jsonPath', path);
  }

  /** A path parameter the route declares, e.g. `id` for `/orders/{id}`. */
  public static pathParameter(name: string): RequestValue {
    checkValueArguments('RequestValue.pathParameter', { name });
    return new RequestValue('pathParameter', name);
  }

  /** A query-string parameter. */
  public static queryString(name: string): RequestValue {
    checkValueArguments('RequestValue.queryString', { name });
    return new RequestValue('queryString', name);
  }

  /** A request header (names are case-insensitive to clients; API Gateway matches as written). */
  public static header(name: string): RequestValue {
    checkValueArguments('RequestValue.header', { name });
    return new RequestValue('header', name);
  }

  /** A context variable without `$context.`, e.g. `requestId`, `identity.sourceIp`. */
  public static context(variable: string): RequestValue {
    checkValueArguments('RequestValue.context', { variable });
    return new RequestValue('context', variable);
  }

  /** A stage variable. */
  public static stageVariable(name: string): RequestValue {
    checkValueArguments('RequestValue.stageVariable', { name });
    return new RequestValue('stageVariable', name);
  }

  /** A fixed string. */
  public static literal(value: string): RequestValue {
    checkValueArguments('RequestValue.literal', { value });
    return new RequestValue('literal', value);
  }

  /** @internal */
  public readonly _source: RequestValueSource;
  /** @internal */
  public readonly _name: string;

  private constructor(source: RequestValueSource, name: string) {
    brand(this, 'RequestValue');
    this._source = source;
    this._name = name;
  }

  /** Reads like the factory call that made it, for messages: `header("X-Tenant")`. */
  public toString(): string {
    return this._source === 'body' ? 'body()' : `${this._source}(${JSON.stringify(this._name)})`;
  }

  /** @internal Problems with the name this value was made with. */
  public _problems(prop: string): Problem[] {
    const name = this._name;
    if (Token.isUnresolved(name)) return [];
    const rule = RULES[this._source];
    if (!rule || rule.pattern.test(name)) return [];
    return [{ code: 'InvalidRequestValue', prop, rule: rule.rule, value: name, fix: rule.fix }];
  }

  /**
   * @internal The REST method request parameter this value needs declared, e.g.
   * `method.request.header.X-Tenant`; undefined for values that are not parameters.
   */
  public _restRequestParameter(): string | undefined {
    switch (this._source) {
      case 'pathParameter': return `method.request.path.${this._name}`;
      case 'queryString': return `method.request.querystring.${this._name}`;
      case 'header': return `method.request.header.${this._name}`;
      default: return undefined;
    }
  }

  /** @internal The REST authorizer identity-source expression, if this value can be one. */
  public _restIdentitySource(): string | undefined {
    switch (this._source) {
      case 'queryString':
      case 'header': return this._restRequestParameter();
      case 'stageVariable': return `stageVariables.${this._name}`;
      case 'context': return `context.${this._name}`;
      default: return undefined;
    }
  }
}

const RULES: Partial<Record<RequestValueSource, { pattern: RegExp; rule: string; fix: string }>> = {
  jsonPath: {
    pattern: JSON_PATH,
    rule: 'must be a JSON path of $, .field, [index] or [\'key\'] steps (keys without quotes, \\, $ or #)',
    fix: "write e.g. '$.customer.id' or '$.items[0]'",
  },
  pathParameter: { pattern: SIMPLE_NAME, rule: 'must be letters, digits, _ . or -', fix: "pass the name inside the braces, e.g. 'id' for {id}" },
  queryString: { pattern: SIMPLE_NAME, rule: 'must be letters, digits, _ . or -', fix: "pass the parameter name, e.g. 'lang'" },
  header: { pattern: HEADER_NAME, rule: 'must be a valid HTTP header name', fix: "pass the header name, e.g. 'X-Tenant'" },
  context: {
    pattern: CONTEXT_VARIABLE,
    rule: 'must be a context variable path without $context.',
    fix: "write e.g. 'requestId' or 'identity.sourceIp'",
  },
  stageVariable: { pattern: /^[A-Za-z0-9_]+$/, rule: 'must be letters, digits or _', fix: "pass the stage variable's name" },
};

// The shapes untyped (JavaScript) callers are checked against.

export const REQUEST_VALUE = madeBy<RequestValue>('RequestValue', "RequestValue.header('X-Tenant')");

const name = (example: string) => args<{ name: string }>({ name: required(str(example)) });

/** The arguments of each `RequestValue.*` factory that takes any. */
export const REQUEST_VALUE_FACTORIES = {
  'RequestValue.jsonPath': args<{ path: string }>({ path: required(str("'$.customer.id'")) }),
  'RequestValue.pathParameter': name("'id'"),
  'RequestValue.queryString': name("'lang'"),
  'RequestValue.header': name("'X-Tenant'"),
  'RequestValue.context': args<{ variable: string }>({ variable: required(str("'requestId'")) }),
  'RequestValue.stageVariable': name("'backend'"),
  'RequestValue.literal': args<{ value: string }>({ value: required(str("'orders'")) }),
};

const checkValueArguments = argumentChecker(REQUEST_VALUE_FACTORIES);
