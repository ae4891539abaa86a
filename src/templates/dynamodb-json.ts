import { eachIndex, EachIndexOptions, LIST_TOO_LONG } from './vtl-loops';
import { jsonString } from './vtl-text';

/**
 * Converting between ordinary JSON and DynamoDB's typed attribute values inside a mapping
 * template. VTL has no functions, and recursive macros behave differently across Velocity
 * engines (arguments are passed by name), so the conversion does not recurse, nor is it
 * written out once per nesting level: it keeps a flat list of events `$E`, in the order they
 * print, and expands the containers in it one nesting level per pass. The code is written
 * once whatever the depth.
 *
 * An event is a Map: a value `{k, v}` (its key, none in a list, and the value), or a
 * container's opening `{k, o}` (`o` is the text it prints) or closing `{c}`. A pass replaces
 * each value holding a map or list with its opening, one value event per entry and its
 * closing; the print loop then writes the events in order, with a comma (`$p`) before each
 * that follows a value or a closing. Each pass and the print loop visit every event once, so
 * the work is linear in the size of the value for each level of nesting; a pass that finds no
 * container ends the expanding. Every loop over events, entries or set elements walks its
 * list in chunks (see `eachIndex`), as API Gateway stops a `#foreach` after 1,000 iterations.
 *
 * Template variables have one letter, so the templates stay small: `$E` the events, `$N` the
 * next pass's, `$e` `$c` `$k` `$x` `$y` `$o` `$z` `$w` `$m` `$l` `$p` `$q` (ignored results)
 * `$a` `$t` `$s` `$f` while converting; dynamodb.ts adds `$b` (the body) and `$K` (its
 * attribute names). The chunked loops use a capital letter and a digit (`$I1`); other
 * templates' variables have two letters (`$gR`, `$gV0`).
 *
 * `MAX_NESTING` is how many levels of maps and lists an attribute's value may have:
 * `{"a": [1]}` has one. Deeper containers are never expanded (see `attributeValues` and
 * `plainValues`).
 */
export const MAX_NESTING = 8;

/** A value event: `key` (a VTL expression, or none in a list) and `value`. */
export function valueEvent(key: string | undefined, value: string): string {
  return `{${key === undefined ? '' : `"k":${key},`}"v":${value}}`;
}

/** Adds the event `event` (a map literal or reference) to the list `$list`. */
export function addEvent(list: string, event: string): string {
  return `#set($q=${list}.add(${event}))`;
}

/**
 * `$y`: a new List of the keys of the Map `map` (a `keySet()` cannot be read by index). When
 * `map` may hold something else (`checked` false), anything but a Map gives an empty list.
 */
export function keysOf(map: string, checked: boolean): string {
  const add = `#set($q=$y.addAll(${map}.keySet()))`;
  return `#set($y=[])${checked ? add : `#if(${can(map.slice(1), 'keySet()')})${add}#end`}`;
}

/** An answer that is the events with text around them, or an error when they cannot all be shown. */
export interface WholeAnswer {
  readonly before: string;
  readonly after: string;
  readonly refusal: string;
}

/** How one direction reads containers and prints values. */
interface Conversion {
  /** A condition: the value event `$e` holds a container to expand. */
  readonly isContainer: string;
  /** A condition: that container is a map. */
  readonly isMap: string;
  /** The map or list inside the container. */
  readonly map: string;
  readonly list: string;
  /** What a map and a list print before and after their entries. */
  readonly open: { readonly map: string; readonly list: string };
  readonly close: { readonly map: string; readonly list: string };
  /** Prints the value of the value event `$e` (a container left after the last pass: too deep). */
  readonly value: string;
}

/**
 * `passes` passes over `$E` (set up with the root events), then the events printed, the first
 * after a comma when `comma`. `events` says whether `$E` may outgrow the chunked loops.
 * With `whole`, a container left after the last pass (too deep) is not printed: one pass more
 * only looks for one (`$m` stays true when it finds one), and then `whole.refusal` is written
 * instead of the whole answer, so a client never gets part of an item as if it were all of it.
 */
function convert(passes: number, c: Conversion, comma: boolean, events: EachIndexOptions, whole?: WholeAnswer): string {
  const open = (kind: 'map' | 'list') => `#set($o='${c.open[kind]}')#set($z='${c.close[kind]}')`;
  // `$y` lists the container's keys (a map) or is the container (a list); `$w`: a map.
  const expand = `#if(${c.isMap})#set($c=${c.map})${keysOf('$c', true)}${open('map')}#set($w=true)`
    + `#else#set($y=${c.list})${open('list')}#set($w=false)#end`
    + addEvent('$N', '{"k":$e.k,"o":$o}')
    + eachIndex('$y', '2', `#if($w)#set($x=$y.get($I2))${addEvent('$N', valueEvent('$x', '$c.get($x)'))}`
      + `#else${addEvent('$N', valueEvent(undefined, '$y.get($I2)'))}#end`)
    + addEvent('$N', '{"c":$z}');
  // With `whole`, one pass more only looks for a container left (too deep): it expands none.
  const expandOrLook = whole ? `#if($l<=${passes})${expand}#end` : expand;
  const pass = `#set($m=false)#set($N=[])${eachIndex('$E', '1', `#set($e=$E.get($I1))#if(${c.isContainer})#set($m=true)${expandOrLook}`
    + `#else${addEvent('$N', '$e')}#end`, events)}#set($E=$N)`;
  const print = `#set($p=${comma})${eachIndex('$E', '1', `#set($e=$E.get($I1))#if($e.c)$e.c#else#if($p),#end#if($e.k)${jsonString('$e.k')}:#end`
    + `#if($e.o)$e.o#{else}${c.value}#end#end#set($p=!$e.o)`, events)}`;
  if (whole) {
    return `#set($m=true)#foreach($l in [1..${passes + 1}])#if($m)${pass}#end#end`
      + `#if($m||${LIST_TOO_LONG})${whole.refusal}#else${whole.before}${print}${whole.after}#end`;
  }
  return `#set($m=true)#foreach($l in [1..${passes}])#if($m)${pass}#end#end${print}`;
}

/**
 * Velocity 1.7 cannot ask a value for its type, so the templates ask what it can do: only a
 * String has `concat`, only a Boolean `booleanValue`, only a Number `doubleValue`, only a Map
 * `keySet`, and of what is left only a List has `size`. `$!{…}` prints nothing when the
 * method does not exist, so a comparison with "" works the same in every engine.
 */
function can(ref: string, method: string): string {
  return `"$!{${ref}.${method}}"!=""`;
}

/**
 * Prints the attribute values (`{"S": …}`, `{"N": …}`, `{"M": …}`, …) of the JSON values in
 * the root events of `$E`, each after its key, with commas between them (and before the first
 * when `comma`). A container deeper than `MAX_NESTING` is written as an attribute value
 * DynamoDB rejects, so the client gets a 400 instead of silently truncated data. The caller
 * keeps the value under a million events (see `MAX_BODY_LENGTH`).
 */
export function attributeValues(comma: boolean): string {
  return convert(MAX_NESTING, {
    isContainer: can('e.v', 'size()'),
    isMap: can('e.v', 'keySet()'),
    map: '$e.v',
    list: '$e.v',
    open: { map: '{"M":{', list: '{"L":[' },
    close: { map: '}}', list: ']}' },
    value: `#if(${can('e.v', "concat('x')")}){"S":${jsonString('$e.v')}}`
      + `#elseif(${can('e.v', 'booleanValue()')}){"BOOL":$e.v}`
      + `#elseif(${can('e.v', 'doubleValue()')}){"N":"$e.v"}`
      + `#elseif(${can('e.v', 'size()')}){"TOO_DEEP":true}`
      + '#else{"NULL":true}#end',
  }, comma, {});
}

/** The scalar and set types of attribute values, in the order a value's type is looked for. */
const PLAIN_TYPES = ['S', 'N', 'BOOL', 'NULL', 'B', 'SS', 'NS', 'BS'];

/**
 * Prints as ordinary JSON the attribute values (Maps such as `{"S": "x"}`) in the root events
 * of `$E`, with commas between them; a root event may also hold `{"M": item}` for a whole
 * item, which counts as no nesting, between `answer.before` and `answer.after`. A container
 * deeper than `MAX_NESTING`, or more events than the chunked loops walk, answer
 * `answer.refusal` instead (an error, never part of the items); so does, in its place, a value
 * of no type DynamoDB has (status 500 and `null`).
 *
 * A value's type `$t` is the first of `PLAIN_TYPES` it has. Sets (the only two-letter types)
 * print as arrays, a scalar as an array of one without the brackets; numbers and booleans as
 * they are, strings and binary quoted.
 */
export function plainValues(answer: WholeAnswer): string {
  const types = PLAIN_TYPES.map(t => `'${t}'`).join(',');
  const element = `#set($s=$y.get($I3))#if($t.contains('N')||$t=='BOOL')$s#else${jsonString('$s')}#end`;
  return `#set(${LIST_TOO_LONG}=false)` + convert(MAX_NESTING + 1, {
    isContainer: "$e.v.containsKey('M')||$e.v.containsKey('L')",
    isMap: "$e.v.containsKey('M')",
    map: '$e.v.M',
    list: '$e.v.L',
    open: { map: '{', list: '[' },
    close: { map: '}', list: ']' },
    value: `#set($a=$e.v)#set($t='')#foreach($s in [${types}])#if($t==''&&$a.containsKey($s))#set($t=$s)#end#end`
      + "#if($t=='')#set($context.responseOverride.status=500)null#elseif($t=='NULL')null"
      + '#else#set($y=[$a.get($t)])#if($t.length()==2)[#set($y=$a.get($t))#end'
      + eachIndex('$y', '3', `#if($I3>0),#end${element}`)
      + '#if($t.length()==2)]#end#end',
  }, false, { mayBeTooLong: true }, answer);
}
