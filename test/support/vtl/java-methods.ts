import { JavaIntegral, doubleValue, intValue, isJavaNumber, javaInteger, longValue } from './java-numbers';
import { invokeStringMethod } from './java-strings';
import {
  JavaCharacter, JavaHostObject, JavaList, JavaMap, JavaMapEntry, JavaValue, MethodResult, NO_SUCH_METHOD,
  javaEquals, javaToString,
} from './java-values';
import { VtlRenderError } from './vtl-error';

/**
 * Method calls, properties and indexes on the Java model, resolved the way Velocity 1.7's
 * introspection resolves them. A call that finds no method gives NO_SUCH_METHOD; a call on
 * null is the caller's business (the whole reference is then null).
 */
export function invokeMethod(target: Exclude<JavaValue, null>, method: string, args: readonly JavaValue[]): MethodResult {
  if (typeof target === 'string') return invokeStringMethod(target, method, args);
  if (target instanceof JavaHostObject) return target.invoke(method, args);
  const common = objectMethod(target, method, args);
  if (common !== NO_SUCH_METHOD) return common;
  if (target instanceof JavaMap) return mapMethod(target, method, args);
  if (target instanceof JavaList) return listMethod(target, method, args);
  if (isJavaNumber(target) && args.length === 0) {
    if (method === 'intValue') return intValue(target);
    if (method === 'longValue') return longValue(target);
    if (method === 'doubleValue') return doubleValue(target);
  }
  if (typeof target === 'boolean' && method === 'booleanValue' && args.length === 0) return target;
  if (target instanceof JavaCharacter && method === 'charValue' && args.length === 0) return target;
  return NO_SUCH_METHOD;
}

/** java.lang.Object's toString() and equals(), which every value has. */
function objectMethod(target: Exclude<JavaValue, null>, method: string, args: readonly JavaValue[]): MethodResult {
  if (method === 'toString' && args.length === 0) return javaToString(target);
  if (method === 'equals' && args.length === 1) return javaEquals(target, args[0]);
  return NO_SUCH_METHOD;
}

function mapMethod(map: JavaMap, method: string, args: readonly JavaValue[]): MethodResult {
  switch (`${method}/${args.length}`) {
    case 'get/1': return map.get(args[0]);
    case 'containsKey/1': return map.has(args[0]);
    case 'containsValue/1': return map.values().some(v => javaEquals(v, args[0]));
    case 'put/2': return map.put(args[0], args[1]);
    case 'size/0': return javaInteger(map.size);
    case 'isEmpty/0': return map.size === 0;
    case 'keySet/0': return new JavaList(map.keys(), 'KeySet');
    case 'values/0': return new JavaList(map.values(), 'Values');
    case 'entrySet/0': return new JavaList(map.entries().map(e => new JavaMapEntry(e.key, e.value)), 'EntrySet');
    default: return NO_SUCH_METHOD;
  }
}

function listMethod(list: JavaList, method: string, args: readonly JavaValue[]): MethodResult {
  const signature = `${method}/${args.length}`;
  if (signature === 'size/0') return javaInteger(list.items.length);
  if (signature === 'isEmpty/0') return list.items.length === 0;
  if (signature === 'contains/1') return list.items.some(v => javaEquals(v, args[0]));
  // Only an ArrayList is a List; keySet(), values() and entrySet() are plain collections.
  if (list.kind !== 'ArrayList') return NO_SUCH_METHOD;
  if (signature === 'indexOf/1') return javaInteger(list.items.findIndex(v => javaEquals(v, args[0])));
  if (signature === 'add/1') {
    list.items.push(args[0]);
    return true;
  }
  if (signature === 'addAll/1') {
    const [other] = args;
    // A null argument throws NullPointerException; Velocity then aborts the rendering.
    if (other === null) throw new VtlRenderError('NullPointerException: addAll(null)');
    if (!(other instanceof JavaList)) return NO_SUCH_METHOD;
    list.items.push(...other.items);
    return other.items.length > 0;
  }
  if (signature === 'get/1') {
    const [index] = args;
    if (!(index instanceof JavaIntegral) || index.type !== 'Integer') return NO_SUCH_METHOD;
    const i = Number(index.value);
    if (i < 0 || i >= list.items.length) {
      throw new VtlRenderError(`IndexOutOfBoundsException: Index: ${i}, Size: ${list.items.length}`);
    }
    return list.items[i];
  }
  return NO_SUCH_METHOD;
}

/**
 * `$x.name`: a Map's get("name"); otherwise the getter Velocity's introspection finds —
 * getName()/getname(), then isName() when it gives a Boolean. null when there is none.
 */
export function readProperty(target: Exclude<JavaValue, null>, name: string): JavaValue {
  if (target instanceof JavaMap) return target.get(name);
  const flipped = name[0] === name[0].toLowerCase() ? name[0].toUpperCase() + name.slice(1) : name[0].toLowerCase() + name.slice(1);
  for (const getter of [`get${name}`, `get${flipped}`]) {
    const value = invokeMethod(target, getter, []);
    if (value !== NO_SUCH_METHOD) return value;
  }
  for (const getter of [`is${name}`, `is${flipped}`]) {
    const value = invokeMethod(target, getter, []);
    if (typeof value === 'boolean') return value;
  }
  return null;
}

/** `$x[i]`: Velocity 1.7 calls get(i), counting a negative list index from the end. */
export function readIndex(target: Exclude<JavaValue, null>, index: JavaValue): JavaValue {
  let argument = index;
  if (target instanceof JavaList && index instanceof JavaIntegral && index.value < 0n) {
    argument = new JavaIntegral(index.type, index.value + BigInt(target.items.length));
  }
  const value = invokeMethod(target, 'get', [argument]);
  return value === NO_SUCH_METHOD ? null : value;
}
