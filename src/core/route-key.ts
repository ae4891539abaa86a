import { Problem } from './errors';

/** HTTP methods a REST or HTTP API route can use; ANY matches every method. */
export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const;
export type RouteMethod = typeof ROUTE_METHODS[number];

export type PathSegment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'parameter'; readonly name: string; readonly greedy: boolean };

/** A validated `METHOD /path` route key. */
export interface HttpRouteKey {
  readonly key: string;
  readonly method: RouteMethod;
  /** The path as written, e.g. `/orders/{id}`. */
  readonly path: string;
  readonly segments: readonly PathSegment[];
}

/** What a literal path segment may hold: the rule of the API type the route is for. */
export interface PathRules {
  readonly literal: RegExp;
  /** The characters, as error messages list them. */
  readonly characters: string;
}

/** API Gateway's rule for a REST resource path part (aws-cdk-lib's `Resource` checks the same). */
export const REST_PATH_RULES: PathRules = { literal: /^[A-Za-z0-9._:$-]+$/, characters: 'letters, digits, . _ - : $' };

/** HTTP API paths: URI unreserved characters and ':'. */
export const HTTP_PATH_RULES: PathRules = { literal: /^[A-Za-z0-9._:~-]+$/, characters: 'letters, digits, . _ - : ~' };

/**
 * The route errors name when the gateway's default authorization is bound for no route in
 * particular (for methods and routes added through the escape hatch).
 */
export const DEFAULT_AUTHORIZATION_ROUTE: HttpRouteKey = {
  key: '(every route without its own authorization)', method: 'ANY', path: '/', segments: [],
};

const PARAMETER = /^\{([A-Za-z0-9_.-]+)(\+?)\}$/;

const FORMAT_FIX = "write '<METHOD> /<path>', e.g. 'GET /orders/{id}' or 'ANY /{proxy+}'";

/** Parses `GET /orders/{id}` under an API type's path rules; returns the route or the problems with it. */
export function parseHttpRouteKey(prop: string, key: string, rules: PathRules): HttpRouteKey | Problem[] {
  const match = /^(\S+) (\S+)$/.exec(key);
  if (!match) {
    return [{ code: 'InvalidRouteKey', prop, rule: 'must be a method, one space and a path', value: key, fix: FORMAT_FIX }];
  }
  const [, method, path] = match;
  const problems: Problem[] = [];
  if (!(ROUTE_METHODS as readonly string[]).includes(method)) {
    problems.push({
      code: 'InvalidRouteKey',
      prop,
      rule: `must start with one of ${ROUTE_METHODS.join(', ')} (upper case)`,
      value: key,
      fix: FORMAT_FIX,
    });
  }
  if (!path.startsWith('/')) {
    problems.push({ code: 'InvalidRouteKey', prop, rule: 'path must start with /', value: key, fix: FORMAT_FIX });
    return problems;
  }
  if (path !== '/' && path.endsWith('/')) {
    problems.push({
      code: 'InvalidRouteKey',
      prop,
      rule: 'path must not end with /',
      value: key,
      fix: `drop the trailing slash: '${method} ${path.replace(/\/+$/, '')}'`,
    });
  }
  const parts = path === '/' ? [] : path.slice(1).replace(/\/$/, '').split('/');
  const segments: PathSegment[] = [];
  parts.forEach((part, index) => {
    const parameter = PARAMETER.exec(part);
    if (parameter) {
      const greedy = parameter[2] === '+';
      if (greedy && index !== parts.length - 1) {
        problems.push({
          code: 'InvalidRouteKey',
          prop,
          rule: `greedy parameter {${parameter[1]}+} may only be the last segment`,
          value: key,
          fix: "move it to the end, e.g. 'ANY /files/{proxy+}'",
        });
      }
      segments.push({ kind: 'parameter', name: parameter[1], greedy });
    } else if (rules.literal.test(part)) {
      segments.push({ kind: 'literal', text: part });
    } else {
      problems.push({
        code: 'InvalidRouteKey',
        prop,
        rule: `segment '${part}' must be ${rules.characters} or a whole-segment {param} / {param+}`,
        value: key,
        fix: FORMAT_FIX,
      });
    }
  });
  const names = segments.flatMap(s => (s.kind === 'parameter' ? [s.name] : []));
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) {
    problems.push({
      code: 'InvalidRouteKey',
      prop,
      rule: `path parameter {${repeated}} must appear once`,
      value: key,
      fix: 'give each path parameter its own name',
    });
  }
  if (problems.length > 0) return problems;
  return { key, method: method as RouteMethod, path, segments };
}

/**
 * The path with parameter names erased (`/orders/{}`): two routes whose shapes are equal
 * and whose methods are equal are the same route to API Gateway.
 */
export function pathShape(route: HttpRouteKey): string {
  return '/' + route.segments.map(s => (s.kind === 'literal' ? s.text : s.greedy ? '{+}' : '{}')).join('/');
}

/**
 * Finds the first problem a new route has with the routes already on an API: the same
 * method and path shape (a duplicate), or a parameter beside a differently named sibling
 * parameter (API Gateway allows one variable child per resource).
 */
export function conflictWith(prop: string, route: HttpRouteKey, existing: Iterable<HttpRouteKey>): Problem | undefined {
  for (const other of existing) {
    if (other.method === route.method && pathShape(other) === pathShape(route)) {
      return {
        code: 'DuplicateRoute',
        prop,
        rule: `must be unique, but '${other.key}' already matches the same requests`,
        value: route.key,
        fix: 'remove one of the two routes or change its method or path',
      };
    }
    const clash = siblingParameterClash(route, other);
    if (clash) {
      return {
        code: 'ConflictingPathParameter',
        prop,
        rule: `uses ${clash.mine} where '${other.key}' uses ${clash.theirs} at the same position`,
        value: route.key,
        fix: `name the parameter ${clash.theirs} in both routes (one variable per path level)`,
      };
    }
  }
  return undefined;
}

function siblingParameterClash(a: HttpRouteKey, b: HttpRouteKey): { mine: string; theirs: string } | undefined {
  const depth = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < depth; i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (x.kind === 'literal' && y.kind === 'literal') {
      if (x.text !== y.text) return undefined; // different branches of the tree
      continue;
    }
    if (x.kind === 'parameter' && y.kind === 'parameter') {
      if (x.name !== y.name || x.greedy !== y.greedy) {
        return { mine: render(x), theirs: render(y) };
      }
      continue;
    }
    return undefined; // a literal beside a parameter is allowed
  }
  return undefined;
}

function render(segment: Extract<PathSegment, { kind: 'parameter' }>): string {
  return `{${segment.name}${segment.greedy ? '+' : ''}}`;
}

/** Names of the path parameters a route receives. */
export function pathParameterNames(route: HttpRouteKey): string[] {
  return route.segments.flatMap(s => (s.kind === 'parameter' ? [s.name] : []));
}
