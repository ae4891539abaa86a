import { createHash } from 'crypto';

/** Asset hashes, as the snapshot serializer replaces them (asset-hash-serializer.ts). */
const ASSET_HASH = /[0-9a-f]{64}(\.(zip|json|jar|tar\.gz))?/g;

/**
 * A template's summary for a snapshot that must fail on any drift without holding the whole
 * template: resources per type, every logical ID, and a SHA-256 of the canonical template
 * (keys sorted, asset hashes normalized), in base64 so the serializer leaves it alone.
 */
export function templateSummary(template: Record<string, unknown>): Record<string, unknown> {
  const resources = template.Resources as Record<string, { Type: string }>;
  const resourceCounts: Record<string, number> = {};
  for (const { Type } of Object.values(resources)) resourceCounts[Type] = (resourceCounts[Type] ?? 0) + 1;
  const canonical = JSON.stringify(sorted(template)).replace(ASSET_HASH, (_m, ext) => `[ASSET-HASH]${ext ?? ''}`);
  return {
    resourceCounts: sorted(resourceCounts),
    logicalIds: Object.keys(resources).sort(),
    sha256: createHash('sha256').update(canonical).digest('base64'),
  };
}

function sorted(value: unknown): any {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map(key => [key, sorted((value as Record<string, unknown>)[key])]));
}
