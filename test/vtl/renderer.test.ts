import { HOSTILE_BODIES, HOSTILE_PARAMS } from './hostile-corpus';
import { VtlRenderError, renderVtl } from '../support/vtl/render';
import { VtlRequest } from '../support/vtl/vtl-request';

/** Renders against a request that is empty unless the test says otherwise. */
function render(template: string, request: Partial<VtlRequest> = {}): string {
  return renderVtl(template, { body: '', ...request }).output;
}

/** The usual idiom that puts a string into a JSON string literal. */
const JSON_STRING_IDIOM = '"$util.escapeJavaScript($input.body).replaceAll("\\\\\'", "\'")"';

describe('$util.escapeJavaScript (commons-lang 2.6)', () => {
  test.each([
    ['quotes', 'it\'s "x"', 'it\\\'s \\"x\\"'],
    ['backslash and slash', 'a\\b/c', 'a\\\\b\\/c'],
    ['short control forms', '\b\n\t\f\r', '\\b\\n\\t\\f\\r'],
    ['other controls as upper-case \\u00XX', '\u0001\u001f\u007f', '\\u0001\\u001F\u007f'],
    ['non-ASCII as \\uXXXX', 'é中\u2028', '\\u00E9\\u4E2D\\u2028'],
    ['emoji as two UTF-16 units', '😀', '\\uD83D\\uDE00'],
  ])('%s', (_name, input, expected) => {
    expect(render('$util.escapeJavaScript($input.body)', { body: input })).toBe(expected);
  });

  test('the replaceAll idiom gives valid JSON string content for every hostile body', () => {
    for (const { body } of HOSTILE_BODIES) {
      const output = render(JSON_STRING_IDIOM, { body });
      expect(JSON.parse(output)).toBe(body);
    }
  });

  test.each([
    ['a quote', 'O\'Brien'],
    ['an escaped quote in the input', 'a\\\'b'],
    ['a double quote', 'say "hi"'],
    ['line breaks', 'one\ntwo\r\n'],
    ['emoji', 'x😀y'],
  ])('the replaceAll idiom round-trips %s', (_name, body) => {
    expect(JSON.parse(render(JSON_STRING_IDIOM, { body }))).toBe(body);
  });
});

describe('$util URL and Base64 functions', () => {
  test('urlEncode follows URLEncoder: space as +, *-._ kept, UTF-8 bytes as upper-case %XX', () => {
    expect(render('$util.urlEncode($input.body)', { body: '& = + % # é 😀*-._~' }))
      .toBe('%26+%3D+%2B+%25+%23+%C3%A9+%F0%9F%98%80*-._%7E');
  });

  test('urlDecode reverses it, and refuses a broken escape', () => {
    expect(render('$util.urlDecode($input.body)', { body: '%26+%3D+%2B+%25+%23+%C3%A9+%F0%9F%98%80' })).toBe('& = + % # é 😀');
    expect(() => render('$util.urlDecode("%zz")')).toThrow(VtlRenderError);
    expect(() => render('$util.urlDecode("abc%4")')).toThrow(/Incomplete trailing escape/);
  });

  test('base64 round-trips UTF-8, padding included', () => {
    const body = 'é 中 😀 \'"\\';
    const encoded = render('$util.base64Encode($input.body)', { body });
    expect(encoded).toBe(Buffer.from(body, 'utf8').toString('base64'));
    expect(render('$util.base64Decode($util.base64Encode($input.body))', { body })).toBe(body);
  });

  test('base64Decode is strict like java.util.Base64', () => {
    expect(render('$util.base64Decode("w6k")')).toBe('é');
    expect(() => render('$util.base64Decode("w6k=x")')).toThrow(VtlRenderError);
    expect(() => render('$util.base64Decode("a b")')).toThrow(/Illegal base64 character/);
  });

  test('a non-String argument finds no method, so the reference prints as written', () => {
    expect(render('$util.escapeJavaScript(5) $util.urlEncode($input.params()) $util.base64Encode($nothing) $!util.urlDecode(true)'))
      .toBe('$util.escapeJavaScript(5) $util.urlEncode($input.params()) $util.base64Encode($nothing) ');
  });
});

describe('$input.json and $input.path', () => {
  const body = '{"s":"a\\"b/é","i":42,"big":12345678901234567890,"one":1.0,"small":1e-5,"plain":12345678.9,'
    + '"huge":1e21,"t":true,"n":null,"nested":{"list":[1,{"x":"y"}]},"a b":"spaced"}';

  test.each([
    ['$.s', '"a\\"b/é"', 'a"b/é'],
    ['$.i', '42', '42'],
    ['$.big', '12345678901234567890', '12345678901234567890'],
    ['$.one', '1.0', '1.0'],
    ['$.small', '1.0E-5', '1.0E-5'],
    ['$.plain', '1.23456789E7', '1.23456789E7'],
    ['$.huge', '1.0E21', '1.0E21'],
    ['$.t', 'true', 'true'],
    ['$.nested', '{"list":[1,{"x":"y"}]}', '{list=[1, {x=y}]}'],
    ['$.nested.list[1].x', '"y"', 'y'],
    ['$[\'a b\']', '"spaced"', 'spaced'],
  ])('%s', (path, json, printed) => {
    expect(render(`$input.json("${path}")`, { body })).toBe(json);
    expect(render(`$input.path("${path}")`, { body })).toBe(printed);
  });

  test('a null or missing value: json() gives "", path() gives null (printed as written)', () => {
    expect(render('[$input.json(\'$.n\')][$input.json(\'$.missing\')][$input.json(\'$.nested.list[9]\')]', { body })).toBe('[][][]');
    expect(render('$input.path(\'$.missing\') [$!input.path(\'$.missing\')]', { body })).toBe('$input.path(\'$.missing\') []');
  });

  test('an empty body reads as an empty map', () => {
    expect(render('$input.json(\'$\')|$input.path(\'$\')|$input.path(\'$\').size()')).toBe('{}|{}|0');
  });

  test('a body that is not JSON, or a JSONPath outside the subset, fails the rendering', () => {
    expect(() => render('$input.path(\'$.a\')', { body: 'a=1' })).toThrow(/Invalid JSON/);
    expect(() => render('$input.json(\'$..a\')', { body: '{}' })).toThrow(/Unsupported JSONPath/);
    expect(() => render('$input.json(\'$.a[*]\')', { body: '{}' })).toThrow(VtlRenderError);
  });

  test('JSON writing keeps non-ASCII and /, and escapes controls in upper case', () => {
    expect(render('$input.json(\'$\')', { body: '{"k":"é/😀\\u0001\\n\\u2028"}' })).toBe('{"k":"é/😀\\u0001\\n\u2028"}');
  });

  test('$util.parseJson builds the same model', () => {
    expect(render('$util.parseJson(\'{"a":[1,2.50,true,null]}\')')).toBe('{a=[1, 2.5, true, null]}');
  });
});

describe('$input.params', () => {
  const request: Partial<VtlRequest> = {
    path: { id: 'from-path' },
    querystring: { id: 'from-query', q: 'query' },
    header: { 'User-Agent': 'ua', 'q': 'from-header', 'accept': 'json' },
  };

  test('params(name) looks in path, then query string, then headers; "" when absent', () => {
    expect(render('$input.params(\'id\')|$input.params(\'q\')|$input.params(\'accept\')|[$input.params(\'none\')]', request))
      .toBe('from-path|query|json|[]');
  });

  test('header names are found whatever their case, and print sorted without regard to case', () => {
    expect(render('$input.params(\'USER-AGENT\')|$input.params().header.get(\'user-agent\')', request)).toBe('ua|ua');
    expect(render('$input.params().header', request)).toBe('{accept=json, q=from-header, User-Agent=ua}');
    expect(render('$input.params()', request))
      .toBe('{path={id=from-path}, querystring={id=from-query, q=query}, header={accept=json, q=from-header, User-Agent=ua}}');
  });

  test('hostile values come back unchanged', () => {
    for (const { value } of HOSTILE_PARAMS) {
      expect(render('$input.params(\'v\')', { querystring: { v: value } })).toBe(value);
    }
  });
});

describe('$context and $stageVariables', () => {
  const context = { requestId: 'r-1', identity: { sourceIp: '1.2.3.4' }, authorizer: { claims: { sub: 'u' } } };

  test('nested maps, and missing entries printed as written', () => {
    expect(render('$context.requestId $context.identity.sourceIp $context.authorizer.claims.sub $context.missing.x', { context }))
      .toBe('r-1 1.2.3.4 u $context.missing.x');
    expect(render('$stageVariables.env $stageVariables', { stageVariables: { env: 'dev', b: 'x' } })).toBe('dev {env=dev, b=x}');
  });

  test('responseOverride status and headers are reported', () => {
    const result = renderVtl(
      '#set($context.responseOverride.status = 404)#set($context.responseOverride.header.X-Id = "$context.requestId")done',
      { body: '', context },
    );
    expect(result).toEqual({ output: 'done', statusOverride: 404, headerOverrides: { 'X-Id': 'r-1' } });
    expect(renderVtl('x', { body: '' })).toEqual({ output: 'x' });
  });
});

describe('Java objects', () => {
  test('Map and List print like Java', () => {
    expect(render('#set($m = {"a": 1, "b": [2, "x", 3.0], "c": {}})$m $m.b $m.keySet() $m.values() $m.entrySet()'))
      .toBe('{a=1, b=[2, x, 3.0], c={}} [2, x, 3.0] [a, b, c] [1, [2, x, 3.0], {}] [a=1, b=[2, x, 3.0], c={}]');
  });

  test('Integer arithmetic widens on overflow, Double prints with Double.toString', () => {
    expect(render('#set($i = 2147483647)#set($j = $i + 1)$j|#set($q = 7 / 2)$q|#set($d = 0.1 + 0.2)$d|#set($e = 1.5 * 2)$e'))
      .toBe('2147483648|3|0.30000000000000004|3.0');
  });

  test('String methods count UTF-16 units', () => {
    expect(render('$input.body.length() $input.body.substring(1, 3) $input.body.indexOf("b") $input.body.toUpperCase()', { body: '😀b' }))
      .toBe('3 \uDE00b 2 😀B');
    expect(() => render('$input.body.substring(5)', { body: 'abc' })).toThrow(/StringIndexOutOfBounds/);
  });

  test('replaceAll uses java.util.regex: classes, \\Q..\\E, $1 groups and \\ escapes in the replacement', () => {
    expect(render('$input.body.replaceAll("[^a-z]", "_")', { body: 'a1b-c' })).toBe('a_b_c');
    expect(render('$input.body.replaceAll("(\\w+)@(\\w+)", "$2 at $1")', { body: 'me@host' })).toBe('host at me');
    expect(render('$input.body.replaceAll("\\Q.*\\E", "\\$")', { body: 'a.*b' })).toBe('a$b');
    expect(render('$input.body.replaceAll("\\\\", "\\\\\\\\")', { body: 'a\\b' })).toBe('a\\\\b');
    expect(render('$input.body.matches("\\d+")|$input.body.replaceFirst("\\d", "x")', { body: '123' })).toBe('true|x23');
    expect(() => render('$input.body.replaceAll("a++", "")', { body: 'a' })).toThrow(/possessive/);
  });
});

describe('directives', () => {
  test('#foreach over a list, a map (its values) and keySet, with $foreach and $velocityCount', () => {
    const body = '{"a":1,"b":"two","c":[3]}';
    expect(render('#foreach($v in $input.path(\'$\'))$v#if($foreach.hasNext),#end#end', { body })).toBe('1,two,[3]');
    expect(render('#foreach($k in $input.path(\'$\').keySet())$foreach.index:$foreach.count:$velocityCount:$k #end', { body }))
      .toBe('0:1:1:a 1:2:2:b 2:3:3:c ');
    expect(render('#foreach($i in [3..1])$i#end')).toBe('321');
  });

  test('#if: a reference to the empty string or 0 is true; null and false are false', () => {
    expect(render('#set($e = "")#set($z = 0)#set($l = [])#if($e)1#end#if($z)2#end#if(false)3#end#if($nothing)4#end#if($l)5#end#if(!$nothing)6#end'))
      .toBe('1256');
  });

  test('#if: a literal condition is false whatever its value (Velocity 1.7 literals do not evaluate)', () => {
    expect(render('#if("")1#end#if("x")2#end#if(0)3#end#if([])4#end#if(1 && true)5#end#if(1 + 1)6#end#if(!"")7#end#if(true && !0)8#end'))
      .toBe('78');
  });

  test('== compares numbers by value and other classes by their text', () => {
    expect(render('#if(1 == 1.0)A#end#if("1" == 1)B#end#if($nothing == $nothing)C#end#if("a" != "a")D#end')).toBe('ABC');
  });

  test('#set with a null value leaves the variable unchanged', () => {
    expect(render('#set($a = "keep")#set($a = $input.path(\'$.missing\'))$a', { body: '{}' })).toBe('keep');
    expect(render('#set($m = {})#set($m.k = "v")#set($m.k = $nothing)$m')).toBe('{k=v}');
  });

  test('Velocity 1.7 whitespace: directives eat the rest of their line, #set the indentation that starts a token', () => {
    expect(render('#set($x = 1)\n#if($x == 1)\nyes\n#else\nno\n#end\nafter')).toBe('yes\nafter');
    // After other text the indentation belongs to that text; after a directive's line break it goes with #set.
    expect(render('a\n  #set($x = 1)\nb')).toBe('a\n  b');
    expect(render('#if(true)\n  #set($x = 1)\nb#end')).toBe('b');
    expect(render('$x  #set($x = 1)$x')).toBe('$x1');
    expect(render('#foreach($i in [1, 2])\n  $i\n#end\n')).toBe('  1\n  2\n');
  });

  test('escapes: \\$ keeps a missing reference as written and prints a defined one literally', () => {
    expect(render('\\$nothing \\$context.stage \\\\$context.stage \\#if', { context: { stage: 'prod' } }))
      .toBe('\\$nothing $context.stage \\prod #if');
  });

  test('string literals: single quotes are literal, double quotes interpolate, backslashes stay', () => {
    expect(render('#set($s = \'$x \\\')$s|#set($d = "[$context.stage]")$d|#set($e = "\\\\\'")$e.length()', { context: { stage: 'p' } }))
      .toBe('$x \\|[p]|3');
  });

  test('templates that do not parse, or leave a block open, fail with VtlRenderError', () => {
    expect(() => render('#if($a)x')).toThrow(VtlRenderError);
    expect(() => render('x#end y')).toThrow(VtlRenderError);
    expect(() => render('#macro(m)x#end')).toThrow(/not supported/i);
  });
});

describe('API Gateway\'s 1,000 iterations per #foreach', () => {
  test('a #foreach of 1,000 runs; of 1,001 the rendering fails (what API Gateway then does is not documented)', () => {
    expect(renderVtl('#foreach($i in [1..1000])#end$i', { body: '' }).output).toBe('$i');
    expect(() => renderVtl('#foreach($i in [1..1001])#end', { body: '' })).toThrow(/at most 1000 iterations/);
  });
});
