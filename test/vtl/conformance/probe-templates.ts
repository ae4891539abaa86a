/**
 * Templates that exercise every part of the mapping-template model (see src/vtl): each
 * `$input` and `$util` function, how Java objects print, #foreach and #if semantics, #set with
 * null, the usual replaceAll idioms and response overrides.
 *
 * Each probe is rendered against every request of the hostile corpus, unless `once` is set:
 * then it does not read the request and one rendering is enough.
 */
export interface ProbeTemplate {
  readonly name: string;
  readonly template: string;
  /** The template does not depend on the request: render it against one request only. */
  readonly once?: boolean;
}

const lines = (...l: string[]): string => l.join('\n');

export const PROBE_TEMPLATES: ProbeTemplate[] = [
  // ---- $input.body and String methods (no JSON parsing, so every body renders) ----
  { name: 'body', template: '[$input.body]' },
  {
    name: 'body-string-methods',
    template: lines(
      'length=$input.body.length() empty=$input.body.isEmpty() trim=[$input.body.trim()]',
      'upper=$input.body.toUpperCase()',
      'lower=$input.body.toLowerCase()',
      'indexOf=$input.body.indexOf(\'"\') lastIndexOf=$input.body.lastIndexOf(\'"\') contains=$input.body.contains(\'\\\')',
      'starts=$input.body.startsWith(\'{\') ends=$input.body.endsWith(\'}\') equals=$input.body.equals(\'{}\') eqic=$input.body.equalsIgnoreCase(\'NULL\')',
      '#if($input.body.length() > 2)sub=$input.body.substring(1) sub2=$input.body.substring(1, 2) char=$input.body.charAt(0)#end',
      'concat=$input.body.concat(\'!\') replace=$input.body.replace(\'"\', "\'")',
    ),
  },
  {
    name: 'body-regex',
    template: lines(
      'a=$input.body.replaceAll(\'[^A-Za-z0-9]\', \'_\')',
      'b=$input.body.replaceAll(\'(\\w+)\', \'<$1>\')',
      'c=$input.body.replaceFirst(\'\\s+\', \'\\$\')',
      'd=$input.body.matches(\'.*\\d.*\') e=$input.body.matches(\'(?s).*\\p{L}.*\')',
      'f=$input.body.replaceAll("\\\\", "\\\\\\\\")',
      'g=$input.body.replaceAll(\'"\', \'\\\\"\')',
      'h=$input.body.replaceAll("\\n|\\r", " ")',
    ),
  },

  // ---- $util on the raw body ----
  { name: 'escapeJavaScript', template: '$util.escapeJavaScript($input.body)' },
  {
    // The usual idiom to put a body into a JSON string: escapeJavaScript escapes ' as \', which JSON does not allow.
    name: 'escapeJavaScript-json-idiom',
    template: '{"raw": "$util.escapeJavaScript($input.body).replaceAll("\\\\\'", "\'")"}',
  },
  { name: 'urlEncode', template: '$util.urlEncode($input.body)|$util.urlDecode($util.urlEncode($input.body))' },
  { name: 'urlDecode', template: '$util.urlDecode($input.body)' },
  { name: 'base64', template: '$util.base64Encode($input.body)|$util.base64Decode($util.base64Encode($input.body))' },
  { name: 'base64Decode', template: '$util.base64Decode($input.body)' },
  {
    name: 'util-non-string-arguments',
    template: lines(
      '$util.escapeJavaScript(5) $util.urlEncode($input.params()) $util.base64Encode($nothing) $util.urlDecode(true)',
      '$util.parseJson(1) $util.base64Decode([1]) $!util.escapeJavaScript($nothing) $input.path(0) $input.json($nothing)',
    ),
    once: true,
  },

  // ---- JSON: $input.path, $input.json, $util.parseJson ----
  { name: 'path-root', template: '$input.path(\'$\')' },
  { name: 'json-root', template: '$input.json(\'$\')' },
  { name: 'parseJson', template: '$util.parseJson($input.body)|$util.parseJson($input.body).size()' },
  {
    name: 'path-steps',
    template: lines(
      'a=$input.path(\'$.a\') b=$input.json(\'$.a\') c=$input.json("$[\'a b\']") d=$input.path(\'$[0]\') e=$input.json(\'$[1]\')',
      'f=$input.path(\'$.a.b[0]\') g=$input.json(\'$.a[0].b\') h=$input.path(\'$.message\') i=$input.json(\'$.items[0]\')',
      'j=$input.path(\'$.missing\') k=$!input.path(\'$.missing\') l=[$input.json(\'$.missing\')]',
    ),
  },
  { name: 'path-unsupported', template: 'x$input.path(\'$..a\')', once: true },
  { name: 'json-unsupported', template: 'x$input.json(\'$.a[*]\')', once: true },
  {
    name: 'members',
    template: lines(
      '#set($root = $input.path(\'$\'))',
      'size=$root.size() empty=$root.isEmpty() containsKey=$root.containsKey(\'a\') contains=$root.contains(1)',
      'keys=$root.keySet() values=$root.values() entries=$root.entrySet()',
      '#if($root.size() > 0)get0=$root.get(0) getA=$root.get(\'a\')#end',
      '#foreach($k in $root.keySet())',
      '  "$util.escapeJavaScript($k)": $input.json("$[\'$k\']")#if($foreach.hasNext),#end',
      '#end',
      '#foreach($e in $root.entrySet())[$e.key=$e.value]#end',
    ),
  },
  {
    name: 'foreach',
    template: lines(
      '#foreach($v in $input.path(\'$\'))$foreach.count/$foreach.index/$velocityCount:$v#if($foreach.hasNext), #end#end',
      '#foreach($v in $input.path(\'$\'))',
      '  - $v',
      '  #foreach($w in $v)($w)#end',
      '#end',
      'after',
    ),
  },
  {
    name: 'truthiness',
    template: lines(
      '#set($root = $input.path(\'$\'))',
      'root:#if($root)T#{else}F#end',
      '#foreach($v in $root)#if($v)T#{else}F#end#end',
      '#foreach($k in $root.keySet())#if($root.get($k))T#{else}F#end#end',
    ),
  },
  {
    // A literal in #if is false in Velocity 1.7 whatever its value; references follow the model's truthiness.
    name: 'truthiness-literals',
    template: lines(
      '#if("")1#end#if(0)2#end#if(false)3#end#if($nothing)4#end#if([])5#end#if({})6#end#if("false")7#end#if(!$nothing)8#end',
      '#set($e = "")#set($z = 0)#set($f = false)#set($l = [])#set($m = {})#set($s = "false")',
      '#if($e)a#end#if($z)b#end#if($f)c#end#if($l)d#end#if($m)e#end#if($s)f#end#if(!$f)g#end#if($e && $z)h#end#if($f || $nothing)i#end',
      '#if("$e")j#end#if("x$s")k#end#if(!"")l#end#if(1 && true)m#end#if([1..2])n#end#if(true)o#end#if($e == "")p#end',
    ),
    once: true,
  },
  {
    name: 'numbers-from-json',
    template: lines(
      '#foreach($v in $util.parseJson(\'[0, -0, 1, 2147483647, 2147483648, -2147483649, 9223372036854775807, 9223372036854775808, 123456789012345678901234567890]\'))',
      '$v $v.intValue() $v.longValue() $v.doubleValue()',
      '#end',
      '#foreach($v in $util.parseJson(\'[1.0, 0.1, -0.0, 1e-5, 0.001, 1e7, 12345678.9, 1e21, 1.5E300, 2e-3, 100.5e1]\'))',
      '$v $v.intValue() $v.doubleValue()',
      '#end',
      '$util.parseJson(\'{"i": 1, "d": 1.0, "e": 1e2, "b": true, "n": null, "s": "x"}\')',
      '$input.json(\'$\').length()',
    ),
    once: true,
  },
  {
    name: 'numbers-from-body',
    template: '#foreach($v in $input.path(\'$\'))#if($v.doubleValue())[$v|$v.intValue()|$v.longValue()|$v.doubleValue()|#set($s = $v + 1)$s]#end#end',
  },
  {
    name: 'arithmetic',
    template: lines(
      '#set($i = 2147483647)#set($j = $i + 1)$j #set($k = $i * 2)$k #set($n = -5)$n #set($q = 7 / 2)$q #set($m = 7 % 3)$m',
      '#set($d = 0.1 + 0.2)$d #set($e = 1.5 * 2)$e #set($f = 1 + 0.5)$f #set($g = 10 / 4.0)$g',
      '#set($z = "unchanged")#set($z = 1 / 0)$z',
      '#if(1 == 1.0)A#end#if("1" == 1)B#end#if(2 > 1.5)C#end#if("a" == "a")D#end#if($nothing == $nothing)E#end',
    ),
    once: true,
  },
  {
    name: 'operators',
    template: lines(
      '#set($a = "a" + 1)$a #set($b = 1 + "b")$b #set($c = "x" + $nothing)$c #set($d = 10 / 3.0)$d #set($e = -7 / 2)$e #set($f = -7 % 3)$f',
      '#set($big = 9223372036854775807)#set($g = $big + 1)$g #set($h = $big * $big)$h #set($i = 2147483647 * 2147483647)$i',
      '#if("2" > 1)A#end#if(2 >= 2)B#end#if(1.5 < 2)C#end#if($nothing < 1)D#end#if("a" != "b")E#end#if(1 != 1.0)F#end',
      '#set($n = 3)#foreach($i in [1..$n])$i#end #foreach($i in [$n..1])$i#end #set($s = "2")#foreach($i in [1..$s])$i#end',
      '$velocityCount $foreach.count #foreach($c in $nothing)[$c]#end#set($s = "abc")#foreach($c in $s)[$c]#end#set($s = 5)#foreach($c in $s)[$c]#end',
    ),
    once: true,
  },
  {
    // Velocity 1.7 parses a string or number literal after `in` (and iterates nothing).
    name: 'foreach-over-literals',
    template: '#foreach($c in "abc")[$c]#end#foreach($c in 5)[$c]#end.',
    once: true,
  },
  {
    name: 'unrendered-references',
    template: lines(
      '$input.path( \'$.missing\' ) ${input.path(\'$.missing\')} $!{input.path(\'$.missing\')}|$input.path("$.missing").size()',
      '#set($x = "a $input.path(\'$.nope\') b")$x $nothing.m(1, \'x\') ${nothing.a.b} $nothing[0]',
      '$input.path(\'$.message\').nope() $input.path(\'$.message\').length() $input.json(\'$.message\')',
    ),
  },
  {
    name: 'string-errors',
    template: lines(
      '#set($s = $input.params(\'q\'))[$s.replaceAll(\'(\', \'x\')]',
    ),
    once: true,
  },
  {
    name: 'equality-with-body',
    template: lines(
      '#set($root = $input.path(\'$\'))',
      '#if($root == $input.body)same-text#end#if($root == $util.parseJson($input.body))same-value#end',
      '#foreach($v in $root)#if($v == 1)one#elseif($v == "1")"one"#elseif($v == true)true#{else}other#end;#end',
    ),
  },

  // ---- #set and literals ----
  {
    name: 'set-null',
    template: lines(
      '#set($a = "keep")#set($a = $input.path(\'$.missing\'))$a',
      '#set($b = $input.path(\'$.missing\'))$b $!b',
      '#set($c = $nothing)$c',
      '#set($m = {})#set($m.k = "v")#set($m.k = $nothing)$m',
    ),
  },
  {
    name: 'literals',
    template: lines(
      '#set($l = [1, "two", 3.0, true, [4], {"k": "v"}])$l $l.size() $l.get(1) $l.isEmpty()',
      '#set($m = {"a": 1, "b": [2], "c": {"d": "e"}})$m $m.a $m.b.get(0) $m.c $m.keySet()',
      '#foreach($i in [3..1])$i#end #foreach($i in [0..0])$i#end #foreach($i in [-1..1])$i,#end',
      '#set($empty = [])$empty $empty.size() #set($em = {})$em',
    ),
    once: true,
  },
  {
    name: 'string-literals',
    template: lines(
      '#set($s = \'single $notref \\n #if(true)x#end\')$s',
      '#set($d = "double $!nothing #if(true)yes#end ${context.stage}")$d',
      '#set($e = "\\\\\'")$e $e.length()',
      '#[[unparsed $x #if]]# ## a line comment',
      '#* a block comment *#${context.stage}$!{nothing}|\\$nothing|\\#if',
    ),
    once: true,
  },
  {
    name: 'whitespace',
    template: lines(
      '{',
      '  #set($x = 1)',
      '  "a": $x,',
      '  #foreach($i in [1..3])',
      '    "i$i": $i#if($foreach.hasNext),#end',
      '  #end',
      '  #if($x == 1)',
      '  "yes": true',
      '  #else',
      '  "yes": false',
      '  #end',
      '}',
      '',
    ),
    once: true,
  },

  {
    // The forms the library's own templates are built from.
    name: 'library-idioms',
    template: lines(
      '#set($v = $input.path("$.a"))#set($w = "$!{v}")[$w]#if($w != "")non-empty#end#if("$!{v}" == "")empty#end',
      '{"h": "$util.escapeJavaScript("$!{input.params().header.get(\'X-Hostile\')}").replaceAll("\\\\\'","\'")"}',
      'ip=$util.urlEncode("$!{context.identity.sourceIp}")&id=$util.urlEncode("$!{input.params().path.get(\'id\')}")'
        + '&sv=$util.urlEncode("$!{stageVariables.get(\'env\')}")&claim=$util.urlEncode("$!{context.authorizer.claims.get(\'cognito:groups\')}")',
      '#set($n = 0)#foreach($i in [1..3])#set($n = $n + 1)&A.${n}.Name=x$i#end',
      'body=$util.urlEncode($input.body)',
    ),
  },

  // ---- Parameters, $context, $stageVariables ----
  {
    name: 'params',
    template: lines(
      'all=$input.params()',
      'path=$input.params().path querystring=$input.params().querystring header=$input.params().header',
      '#foreach($kind in $input.params().keySet())',
      '#foreach($n in $input.params().get($kind).keySet())$kind.$n=[$util.escapeJavaScript($input.params($n))]',
      '#end',
      '#end',
    ),
  },
  {
    name: 'params-lookup',
    template: lines(
      'id=[$input.params(\'id\')] ID=[$input.params(\'ID\')] q=[$input.params(\'q\')] none=[$input.params(\'none\')]',
      'ua=[$input.params(\'user-agent\')] UA=[$input.params(\'USER-AGENT\')] h=[$input.params().header.get(\'x-hostile\')]',
      'H=[$input.params().header.get(\'X-HOSTILE\')] ck=$input.params().header.containsKey(\'X-Hostile\')',
      'url=$util.urlEncode($input.params(\'q\')) js=$util.escapeJavaScript($input.params(\'x-hostile\'))',
      'b64=$util.base64Encode($input.params(\'id\')) json=$util.escapeJavaScript($input.params(\'q\')).replaceAll("\\\\\'","\'")',
    ),
  },
  {
    name: 'params-decode',
    template: 'url=$util.urlDecode($input.params(\'q\'))',
  },
  {
    name: 'params-base64Decode',
    template: 'b64=$util.base64Decode($util.base64Encode($input.params(\'id\')))',
  },
  {
    name: 'context',
    template: lines(
      '$context.requestId $context.identity.sourceIp $context.stage $context.httpMethod $context.resourcePath',
      '$context.authorizer.claims.sub $context.missing $!context.missing $context.identity',
      '$stageVariables $stageVariables.env $stageVariables.missing',
      '$context',
    ),
  },
  {
    name: 'response-override',
    template: lines(
      '#set($context.responseOverride.status = 201)',
      '#set($context.responseOverride.header.X-Request-Id = "$context.requestId")',
      '#set($context.responseOverride.header.Location = "/items/$util.urlEncode($input.params(\'id\'))")',
      '#if($input.body.isEmpty())#set($context.responseOverride.status = 400)#end',
      '$context.responseOverride',
    ),
  },
  {
    name: 'response-override-kinds',
    template: '#set($context.responseOverride.status = " 404")#set($context.responseOverride.header.Count = 3)#set($context.responseOverride.header.List = [1, "a"])',
    once: true,
  },
  { name: 'response-override-untouched', template: '$context.responseOverride.status|$context.responseOverride.header', once: true },
];
