import { Problem } from '../../core/errors';

/**
 * A document given both whole and as fields, or as fields where no mapping template can
 * compose it (an HttpGateway maps each parameter from one value).
 */
export function composedDocumentProblems(prop: string, whole: string, fields: string, options: object, templates: boolean): Problem[] {
  const given = options as Record<string, unknown>;
  if (given[fields] === undefined) return [];
  if (!templates) {
    return [{
      code: 'UnsupportedCombination',
      prop: `${prop} ${fields}`,
      rule: 'needs a mapping template to compose the document: a RestGateway or WebSocketGateway route',
      value: Object.keys(given[fields] as object),
      fix: `pass one value as ${whole}, or move the route to a RestGateway`,
    }];
  }
  if (given[whole] === undefined) return [];
  return [{ code: 'UnsupportedCombination', prop: `${prop} ${fields}`, rule: `cannot be set with ${whole}`, value: Object.keys(given[fields] as object), fix: `keep ${whole} or ${fields}` }];
}
