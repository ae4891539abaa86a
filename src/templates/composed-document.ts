import { TemplateValue } from './request-value-vtl';
import { RouteValues } from './route-values';
import { TemplatePlace } from './template-places';
import { jsonStringContent } from './vtl-text';
import { RequestValue } from '../vocabulary/request-value';

/** A document a service takes as a JSON string (Step Functions input, EventBridge detail). */
export type DocumentValue = Omit<TemplateValue, 'form'>;

/** Field names that need no escaping in JSON or in Velocity. */
const FIELD_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** A field's place: a value read by a JSON path keeps its JSON there. */
const FIELD_PLACE: TemplatePlace = { json: 'document', required: false };

/**
 * A JSON object made of several request values, written as the JSON string a service takes:
 * `"{\"order\":{…},\"tenant\":\"acme\"}"`. A value read by a JSON path keeps its JSON (an
 * object stays an object; missing is null); the others are strings. Each value is escaped
 * twice: once as JSON inside the object, once as the object inside the string. The body
 * itself is no field: `RequestValue.jsonPath('$')` is.
 */
export function composedDocument(values: RouteValues, fields: { readonly [name: string]: RequestValue }, prop: string): DocumentValue {
  const preludes: string[] = [];
  const parts: string[] = [];
  let refuses = false;
  for (const [name, value] of Object.entries(fields)) {
    const fieldProp = `${prop}['${name}']`;
    if (!FIELD_NAME.test(name)) {
      values.problems.push({ code: 'InvalidIntegration', prop: fieldProp, rule: 'names must be 1-128 letters, digits, _ . or -', value: name, fix: "use e.g. 'orderId'" });
      continue;
    }
    if (value._source === 'body') {
      values.problems.push({
        code: 'InvalidRequestValue', prop: fieldProp, rule: 'cannot be the body as text inside a JSON document', value, fix: "use RequestValue.jsonPath('$') for the body as JSON",
      });
      continue;
    }
    const v = values.use(value, fieldProp, FIELD_PLACE);
    preludes.push(v.prelude);
    refuses = refuses || v.refuses;
    parts.push(`\\"${name}\\":${fieldJson(value, v)}`);
  }
  return { prelude: preludes.join(''), json: `"{${parts.join(',')}}"`, refuses };
}

/** One field's JSON, escaped for the string that holds the document. */
function fieldJson(value: RequestValue, v: TemplateValue): string {
  if (v.expr === undefined) {
    // A literal: its JSON string, escaped again, with `$` and `#` as JSON escapes for Velocity.
    return JSON.stringify(JSON.stringify(value._name)).slice(1, -1).replace(/\$/g, '\\u0024').replace(/#/g, '\\u0023');
  }
  if (value._source === 'jsonPath') return `#if(${v.expr}.isEmpty())null#{else}${jsonStringContent(v.expr)}#{end}`;
  return `\\"${jsonStringContent(jsonStringContent(v.expr))}\\"`;
}
