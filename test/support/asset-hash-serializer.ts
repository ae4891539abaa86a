/**
 * Jest snapshot serializer: replaces asset hashes (64 hex digits, optionally with a file
 * extension, as in S3 keys of Lambda code) so snapshot diffs show only real change.
 */
const ASSET_HASH = /[0-9a-f]{64}(\.(zip|json|jar|tar\.gz))?/g;

module.exports = {
  test: (value: unknown) => typeof value === 'string' && ASSET_HASH.test(value) && (ASSET_HASH.lastIndex = 0, true),
  // The printer needs the same config, indentation, depth and refs it handed over.
  serialize: (value: string, config: unknown, indentation: string, depth: number, refs: unknown,
    printer: (v: unknown, config: unknown, indentation: string, depth: number, refs: unknown) => string) =>
    printer(value.replace(ASSET_HASH, (_m, ext) => `[ASSET-HASH]${ext ?? ''}`), config, indentation, depth, refs),
};
