/**
 * Request bodies and parameters that try to break mapping templates: quotes and backslashes
 * (including the `\'` that escapeJavaScript produces), line breaks, URL-significant
 * characters, text that looks like VTL, markup, non-ASCII, emoji, U+2028, control characters,
 * awkward numbers and JSON shapes. Plain data: the renderer's tests, the Apache Velocity
 * conformance suite and the template tests all read it.
 */

/** String values that every body and parameter set below reuses. */
const NASTY = {
  quotes: 'single \' double " backtick `',
  backslashes: 'back\\slash \\\\ double \\\' escaped-quote \\" escaped-double',
  lineBreaks: 'line1\nline2\r\nline3\rtab\there',
  urlish: 'a&b=c+d%20e#frag ?q=1',
  vtl: '$context.requestId ${input.body} $!util #set($x = 1) #if(true)yes#end ## comment #* block *#',
  markup: '</script><script>alert(1)</script>',
  nonAscii: 'é ü ñ 中文 العربية',
  emoji: '😀 👍🏽 🇫🇷',
  separators: 'line\u2028separator\u2029paragraph',
  controls: 'nul-ish \u0001 \u001f \u007f bell\u0007',
};

export const HOSTILE_BODIES: { name: string; body: string }[] = [
  { name: 'empty', body: '' },
  { name: 'empty-object', body: '{}' },
  { name: 'quotes', body: JSON.stringify({ 'message': NASTY.quotes, 'it\'s': 'key with quote' }) },
  { name: 'backslashes', body: JSON.stringify({ message: NASTY.backslashes }) },
  { name: 'line-breaks', body: JSON.stringify({ message: NASTY.lineBreaks }) },
  { name: 'url-characters', body: JSON.stringify({ 'message': NASTY.urlish, 'a b': 'space in key' }) },
  { name: 'vtl-lookalikes', body: JSON.stringify({ 'message': NASTY.vtl, '$ref': '$input.path(\'$\')', '#if': '#end' }) },
  { name: 'markup', body: JSON.stringify({ message: NASTY.markup }) },
  { name: 'non-ascii', body: JSON.stringify({ message: NASTY.nonAscii, clé: 'valeur' }) },
  { name: 'emoji', body: JSON.stringify({ message: NASTY.emoji }) },
  { name: 'line-separators', body: JSON.stringify({ message: NASTY.separators }) },
  { name: 'control-characters', body: JSON.stringify({ message: NASTY.controls }) },
  {
    name: 'escaped-in-json-text',
    body: '{"message":"\\u00e9\\ud83d\\ude00 \\/ \\b\\f\\n\\r\\t \\u0000 \\u2028","raw":"é😀"}',
  },
  {
    name: 'nested-4-levels',
    body: JSON.stringify({
      a: { b: [{ c: { d: 'deep', list: [1, [2, [3, [4]]]] } }], items: [{ id: 1 }, { id: 2, tags: ['x', 'y'] }] },
      message: NASTY.quotes,
    }),
  },
  {
    name: 'numbers',
    // Written by hand: JSON.stringify would turn 1.0 into 1 and lose 12345678901234567890.
    body: '{"zero":0,"negative":-1,"fraction":1.5,"one-point-zero":1.0,"small":1e-5,"plain":12345678.9,'
      + '"huge":1e21,"big-integer":12345678901234567890,"long":2147483648,"negative-zero":-0.0,"items":[0,-1,1.5,1e21]}',
  },
  { name: 'booleans-and-null', body: '{"yes":true,"no":false,"nothing":null,"items":[true,false,null]}' },
  { name: 'top-level-array', body: '[1,"two",{"three":3},[4],null,true,1.0]' },
  { name: 'top-level-string', body: '"just a string with \\"quotes\\""' },
  { name: 'top-level-number', body: '42' },
  { name: 'not-json', body: 'name=O\'Brien&note=a "quote" \\ back $x #if' },
  { name: 'whitespace-json', body: ' \n\t{ "message" : "spaced" , "list" : [ 1 , 2 ] }\r\n' },
];

/**
 * Bodies whose `v`, `k` and `n` (what the catalogue's `/values/…` routes read) hold each kind
 * of JSON value, and numbers and strings that a double or UTF-8 text cannot carry. The
 * conformance suite renders every template with them; json-path-values.test.ts states what
 * each place makes of them.
 */
export const JSON_VALUE_BODIES: { name: string; body: string }[] = [
  { name: 'value-object', body: '{"v":{"a":1,"b":"x\\"y","c":[true,null,1.5]},"k":"key-1","n":1}' },
  { name: 'value-array', body: '{"v":[1,"two",{"three":3},[4],null,true,1.0,0.0,-0.0],"k":"key-2","n":2.5}' },
  { name: 'value-numbers', body: '{"v":1e21,"k":12345678901234567890,"n":-0.0}' },
  { name: 'value-boolean-and-null', body: '{"v":false,"k":null,"n":true}' },
  { name: 'value-string-like-json', body: '{"v":"{\\"a\\":[1e-400]}","k":"it\'s \\\\ \\u00e9","n":"12.50"}' },
  { name: 'numbers-beyond-doubles', body: `{"v":1e-400,"k":"a","n":-1e400,"s":"1e-400 \\" 1e400","w":[4.9e-325,0.${'0'.repeat(400)}1]}` },
  { name: 'numbers-beyond-doubles-inside', body: '{"v":{"a":[0.0,1e400]},"k":0.0,"n":1}' },
  { name: 'zeros-written-many-ways', body: '{"v":0.0,"k":-0.0,"n":0e5,"m":0E-400,"o":-0,"p":"0.0","q":[0.000e+3]}' },
  { name: 'lone-surrogates', body: '{"v":"a\\ud800b","k":"\\udc00","n":1,"x":{"\\ud83d":"\\ud83d\\ude00"}}' },
  // Java's regex engine recurses where a repeated pattern meets characters of both widths.
  { name: 'long-mixed-width-text', body: `{"v":{"s":"${'a😀'.repeat(20000)}","z":0.0},"k":"${'é😀'.repeat(2000)}","n":1}` },
  { name: 'escapes-around-numbers', body: '{"v":"\\\\\\"1e-400\\\\","k":"\\\\","n":1e400,"m":["\\"",0.0]}' },
];

/** Bodies holding a list of records (Kinesis PutRecords), with hostile data, keys and shapes. */
export const RECORD_LIST_BODIES: { name: string; body: string }[] = [
  {
    name: 'records-hostile',
    body: JSON.stringify({
      records: [
        { data: Object.values(NASTY).join(' | '), partitionKey: 'it\'s "k" $x #y' },
        { data: { nested: [1, 'two', null], n: 1.5 } },
        { data: 42, partitionKey: 7 },
        { data: false, partitionKey: true },
      ],
    }),
  },
  { name: 'records-numbers-beyond-doubles', body: '{"records":[{"data":{"a":1e400},"partitionKey":"a"},{"data":"ok"}]}' },
  { name: 'records-lone-surrogate', body: '{"records":[{"data":"a\\ud800b"}]}' },
  { name: 'records-object-key', body: '{"records":[{"data":"a","partitionKey":{"k":1}}]}' },
  { name: 'records-not-a-list', body: '{"records":{"data":"a"}}' },
  { name: 'records-a-string', body: '{"records":"[{\\"data\\":\\"a\\"}]"}' },
  { name: 'records-empty', body: '{"records":[]}' },
  { name: 'records-without-data', body: '{"records":[{"data":"a"},{},{"data":null},"abc",null,{"Data":"x"}]}' },
  { name: 'records-too-many', body: JSON.stringify({ records: Array.from({ length: 501 }, (_, i) => ({ data: `r${i}` })) }) },
];

/** Values for path parameters, query strings and headers, carrying the same hostile characters. */
export const HOSTILE_PARAMS: { name: string; value: string }[] = [
  { name: 'plain', value: 'abc-123' },
  { name: 'empty', value: '' },
  { name: 'quotes', value: NASTY.quotes },
  { name: 'backslashes', value: NASTY.backslashes },
  { name: 'line-breaks', value: NASTY.lineBreaks },
  { name: 'url-characters', value: NASTY.urlish },
  { name: 'vtl-lookalikes', value: NASTY.vtl },
  { name: 'markup', value: NASTY.markup },
  { name: 'non-ascii', value: NASTY.nonAscii },
  { name: 'emoji', value: NASTY.emoji },
  { name: 'line-separators', value: NASTY.separators },
  { name: 'control-characters', value: NASTY.controls },
  { name: 'json-lookalike', value: '{"a": [1, "x"]}' },
  { name: 'percent-encoded-lookalike', value: '%41%zz%' },
];

/**
 * The same values as whole parameter maps of one request, with names that collide across
 * path, query string and header (`id`, `q`) and header names in mixed case, for the
 * `params()` lookup order and case-insensitive headers.
 */
export const HOSTILE_PARAM_MAPS: {
  path: Record<string, string>;
  querystring: Record<string, string>;
  header: Record<string, string>;
} = {
  path: { id: 'id-1\'"\\', name: NASTY.nonAscii },
  querystring: { q: NASTY.urlish, quote: NASTY.quotes, vtl: NASTY.vtl, emoji: NASTY.emoji, empty: '', id: 'from-querystring' },
  header: {
    'User-Agent': 'agent/1.0 (x; y) "quoted" \\ back',
    'X-Hostile': `${NASTY.backslashes} ${NASTY.markup} ${NASTY.controls}`,
    'x-line': NASTY.separators,
    'Content-Type': 'application/json; charset=utf-8',
    'ID': 'from-header',
    'q': 'header-q',
  },
};

/** The origins of the CORS catalogue (several, so templates decide which caller gets one). */
export const LISTED_ORIGINS = ['https://app.example.com', 'https://admin.example.com:8443'];

/**
 * Requests that try to get an origin echoed that is not listed: a listed origin with a
 * suffix, a prefix, userinfo, another case, port or path, whitespace, several origins in one
 * header, `null`, nothing at all, and a listed origin sent as a query string or path
 * parameter named `Origin` instead of the header. `echoed` is the origin a response may
 * allow: only ever a listed one, exactly as the request sent it.
 */
export const HOSTILE_ORIGINS: {
  name: string;
  header?: Record<string, string>;
  querystring?: Record<string, string>;
  path?: Record<string, string>;
  echoed?: string;
}[] = [
  { name: 'listed', header: { Origin: 'https://app.example.com' }, echoed: 'https://app.example.com' },
  { name: 'listed-with-port', header: { Origin: 'https://admin.example.com:8443' }, echoed: 'https://admin.example.com:8443' },
  { name: 'listed-http2-lowercase-name', header: { origin: 'https://app.example.com' }, echoed: 'https://app.example.com' },
  { name: 'suffix', header: { Origin: 'https://app.example.com.evil.example' } },
  { name: 'prefix', header: { Origin: 'https://evil-app.example.com' } },
  { name: 'subdomain', header: { Origin: 'https://x.app.example.com' } },
  { name: 'userinfo', header: { Origin: 'https://app.example.com@evil.example' } },
  { name: 'dot-as-any-character', header: { Origin: 'https://appxexample.com' } },
  { name: 'upper-case', header: { Origin: 'HTTPS://APP.EXAMPLE.COM' } },
  { name: 'other-scheme', header: { Origin: 'http://app.example.com' } },
  { name: 'other-port', header: { Origin: 'https://admin.example.com:8444' } },
  { name: 'port-dropped', header: { Origin: 'https://admin.example.com' } },
  { name: 'trailing-slash', header: { Origin: 'https://app.example.com/' } },
  { name: 'surrounding-whitespace', header: { Origin: ' https://app.example.com ' } },
  { name: 'line-break', header: { Origin: 'https://app.example.com\r\nX-Injected: 1' } },
  { name: 'several-in-one-header', header: { Origin: 'https://evil.example, https://app.example.com' } },
  // Header names are one name whatever their case: the value last sent stands, and it is listed.
  { name: 'both-name-cases', header: { Origin: 'https://evil.example', origin: 'https://app.example.com' }, echoed: 'https://app.example.com' },
  { name: 'null', header: { Origin: 'null' } },
  { name: 'empty', header: { Origin: '' } },
  { name: 'absent', header: {} },
  { name: 'quote-injection', header: { Origin: "https://app.example.com' || 'x" } },
  { name: 'vtl-lookalike', header: { Origin: NASTY.vtl } },
  { name: 'listed-as-query-string', header: { Origin: 'https://evil.example' }, querystring: { Origin: 'https://app.example.com' } },
  { name: 'listed-as-path-parameter', header: {}, path: { Origin: 'https://app.example.com' } },
];

/**
 * Text a user may write where the library puts it into a mapping template as it is (mock
 * bodies) or escaped (literal values): every construct Velocity 1.7 reads after `$`, `#` and
 * `\`, and the markers of the `#[[ … ]]#` blocks the library itself uses to quote text.
 */
export const VELOCITY_LOOKALIKES: { name: string; text: string }[] = [
  { name: 'references', text: '{"user": "$context.identity", "quiet": "$!{input.body}", "braced": "${x}", "under": "$_x", "method": "$util.escapeJavaScript(\'x\')"}' },
  { name: 'directives', text: '#set($a = 1)#if(true)yes#elseif(false)#else no#end#foreach($i in [1])$i#end #{if}(x)#{end} #break #stop #include("x") #parse("x") #evaluate("x") #define($d)x#end' },
  { name: 'macros', text: '#macro(m $x)$x#end #m(1) #@block()body#end #@' },
  // Block macro calls without their #end: Apache Velocity 1.7 cannot parse them outside a #[[ ]]# block.
  { name: 'unclosed-block-macros', text: '{"note": "#@note(x)", "braced": "#@{note}(y)"}' },
  { name: 'comments', text: 'a ## line comment\nb #* block *# c #** doc *# d #*' },
  { name: 'raw-block-markers', text: 'before #[[ raw $x ]]# after ]]# and #[[ again' },
  { name: 'raw-block-edges', text: ']]#[[#]]]]##[[#]' },
  { name: 'ends-with-brackets', text: '#x]]' },
  { name: 'escapes', text: '\\#if \\\\#end \\$x \\\\$!{y} \\ \\\\ trailing\\' },
  { name: 'lone-signs', text: '$ # $$ #$ $5 #5 a$b c#d $. #. $- #- $( #(' },
  { name: 'json-with-signs', text: '{"price": "$ 5", "tag": "#1", "ok": true, "total": "100$"}' },
  { name: 'multi-line', text: '#if(true)\n  line\n#end\r\n$x\n' },
];
