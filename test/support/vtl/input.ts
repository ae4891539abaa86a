import { JavaHostObject, JavaMap, JavaValue, MethodResult, NO_SUCH_METHOD } from './java-values';
import { parseJavaJson, writeJacksonJson } from './json-model';
import { selectJsonPath } from './json-path';
import { VtlRequest } from './vtl-request';

/** A body as `$input.path('$')` sees it: an empty body is an empty map, anything else must be JSON. */
export function parseBody(text: string): JavaValue {
  return text === '' ? new JavaMap() : parseJavaJson(text);
}

function stringMap(values: Record<string, string> | undefined, caseInsensitiveKeys = false): JavaMap {
  const map = new JavaMap(caseInsensitiveKeys);
  for (const [key, value] of Object.entries(values ?? {})) map.put(key, value);
  return map;
}

/**
 * `$input`: the body, JSONPath reads of it, and the request parameters. The body is parsed
 * again on every call, as API Gateway does, so a template that changes a map it got from
 * `path()` does not change what the next call sees.
 */
export class JavaInput extends JavaHostObject {
  readonly javaClassName = 'Input';
  private readonly body: string;
  private readonly path: JavaMap;
  private readonly querystring: JavaMap;
  /** Header names are found whatever their case. */
  private readonly header: JavaMap;
  private readonly params: JavaMap;

  constructor(request: VtlRequest) {
    super();
    this.body = request.body ?? '';
    this.path = stringMap(request.path);
    this.querystring = stringMap(request.querystring);
    this.header = stringMap(request.header, true);
    this.params = new JavaMap();
    this.params.put('path', this.path);
    this.params.put('querystring', this.querystring);
    this.params.put('header', this.header);
  }

  javaToString(): string {
    return 'Input';
  }

  invoke(method: string, args: readonly JavaValue[]): MethodResult {
    if (method === 'getBody' && args.length === 0) return this.body;
    if (method === 'params' && args.length === 0) return this.params;
    if (args.length !== 1 || !['path', 'json', 'params'].includes(method)) return NO_SUCH_METHOD;
    const [arg] = args;
    if (arg === null) return null;
    if (typeof arg !== 'string') return NO_SUCH_METHOD;
    if (method === 'params') return this.param(arg);
    const value = selectJsonPath(parseBody(this.body), arg);
    if (method === 'path') return value;
    return value === null ? '' : writeJacksonJson(value);
  }

  /** `params(name)`: path, then query string, then header (any case); "" when none has it. */
  private param(name: string): JavaValue {
    for (const map of [this.path, this.querystring, this.header]) {
      if (map.has(name)) return map.get(name);
    }
    return '';
  }
}
