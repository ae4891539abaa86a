import { jsonString } from './vtl-text';

/**
 * Converting between ordinary JSON and DynamoDB's typed attribute values inside a mapping
 * template. VTL has no functions, and recursive macros behave differently across Velocity
 * engines (arguments are passed by name), so each nesting level is written out with its
 * own variables. Each level is written once (maps and lists share one loop), so templates
 * grow linearly with the depth: about 1.3 KB per level and direction.
 *
 * `MAX_NESTING` is how many levels of maps and lists an attribute's value may have:
 * `{"a": [1]}` has one. Template level `n` holds the containers of nesting `n - 1`.
 */
export const MAX_NESTING = 8;

function tooDeep(n: number): boolean {
  return n - 1 > MAX_NESTING;
}

/**
 * Velocity 1.7 cannot ask a value for its type, so the templates ask what it can do: only a
 * String has `concat`, only a Boolean `booleanValue`, only a Number `doubleValue`, only a Map
 * `keySet`, and of what is left only a List has `size`. `$!{…}` prints nothing when the
 * method does not exist, so a comparison with "" works the same in every engine.
 */
function can(ref: string, method: string): string {
  return `"$!{${ref}.${method}}" != ""`;
}

/** Sets up the loop over level `n`'s container `$ghC{n}`: map keys, or list indexes. */
function loopKeys(n: number): string {
  return `#if(${can(`ghC${n}`, 'keySet()')})#set($ghIsMap${n} = true)#set($ghKs${n} = $ghC${n}.keySet())`
    + `#else#set($ghIsMap${n} = false)#if($ghC${n}.size() == 0)#set($ghKs${n} = [])`
    + `#else#set($ghLast${n} = $ghC${n}.size() - 1)#set($ghKs${n} = [0..$ghLast${n}])#end#end`;
}

/** `#foreach` over level `n` writing `element` for each entry, comma-separated. */
function loop(n: number, element: string): string {
  return `#set($ghFirst${n} = true)#foreach($ghK${n} in $ghKs${n})#if(!$ghFirst${n}),#end#set($ghFirst${n} = false)`
    + `#if($ghIsMap${n})${jsonString(`$ghK${n}`)}:#end${element}#end`;
}

/**
 * The attribute value (`{"S": …}`, `{"N": …}`, `{"M": …}`, …) of the JSON value that the
 * reference `ref` (written without `$`, never null-checked before) holds at nesting `depth`.
 * Deeper than `MAX_NESTING` it writes an attribute value DynamoDB rejects, so the client
 * gets a 400 instead of silently truncated data.
 */
export function attributeValueOf(ref: string, depth: number): string {
  const n = depth + 1;
  const container = tooDeep(n)
    ? '{"TOO_DEEP":true}'
    : `#set($ghC${n} = $${ref})${loopKeys(n)}#if($ghIsMap${n}){"M":{#else{"L":[#end`
      + loop(n, attributeValueOf(`ghC${n}.get($ghK${n})`, n))
      + `#if($ghIsMap${n})}}#else]}#end`;
  return `#if(${can(ref, "concat('x')")}){"S":${jsonString(`$${ref}`)}}`
    + `#elseif(${can(ref, 'booleanValue()')}){"BOOL":$${ref}}`
    + `#elseif(${can(ref, 'doubleValue()')}){"N":"$${ref}"}`
    + `#elseif(${can(ref, 'keySet()')} || ${can(ref, 'size()')})${container}`
    + '#else{"NULL":true}#end';
}

/**
 * Ordinary JSON for the attribute value in `$ghA{depth}` (a Map such as `{"S": "x"}`).
 * Deeper than `MAX_NESTING` it writes `null` and answers 500: the item cannot be shown whole.
 */
export function plainJsonOf(depth: number): string {
  const av = `$ghA${depth}`;
  const n = depth + 1;
  const strings = (set: string, quoted: boolean) =>
    `[#set($ghSetFirst = true)#foreach($ghS in ${av}.${set})#if(!$ghSetFirst),#end#set($ghSetFirst = false)`
    + `${quoted ? jsonString('$ghS') : '$ghS'}#end]`;
  const container = tooDeep(n)
    ? '#set($context.responseOverride.status = 500)null'
    : `#if(${av}.containsKey('M'))#set($ghC${n} = ${av}.M)#else#set($ghC${n} = ${av}.L)#end${loopKeys(n)}`
      + `#if($ghIsMap${n}){#else[#end`
      + loop(n, `#set($ghA${n} = $ghC${n}.get($ghK${n}))${plainJsonOf(n)}`)
      + `#if($ghIsMap${n})}#else]#end`;
  return `#if(${av}.containsKey('S'))${jsonString(`${av}.S`)}`
    + `#elseif(${av}.containsKey('N'))${av}.N`
    + `#elseif(${av}.containsKey('BOOL'))${av}.BOOL`
    + `#elseif(${av}.containsKey('NULL'))null`
    + `#elseif(${av}.containsKey('B'))${jsonString(`${av}.B`)}`
    + `#elseif(${av}.containsKey('SS'))${strings('SS', true)}`
    + `#elseif(${av}.containsKey('NS'))${strings('NS', false)}`
    + `#elseif(${av}.containsKey('BS'))${strings('BS', true)}`
    + `#else${container}#end`;
}

/**
 * An item (a Map of attribute name to attribute value, held by the non-null reference `ref`)
 * as a plain JSON object.
 */
export function plainItemOf(ref: string): string {
  return `#set($ghC1 = $${ref})#set($ghIsMap1 = true)#set($ghKs1 = $ghC1.keySet()){`
    + loop(1, `#set($ghA1 = $ghC1.get($ghK1))${plainJsonOf(1)}`)
    + '}';
}
