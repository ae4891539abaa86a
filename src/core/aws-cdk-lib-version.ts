/**
 * The oldest aws-cdk-lib this version of cdk-gatehouse works with: the floor of its peer
 * dependency, and the version the test suite also runs against (`npx projen test:floor`).
 */
export const OLDEST_AWS_CDK_LIB = '2.269.0';

/**
 * Refuses an aws-cdk-lib older than OLDEST_AWS_CDK_LIB with a coded error: such a version
 * would otherwise fail deep inside synthesis with a TypeError that names neither package.
 * Versions it cannot read, and `0.0.0` (aws-cdk-lib built from source), are let through.
 */
export function assertSupportedAwsCdkLib(version: string): void {
  const installed = parseVersion(version);
  const oldest = parseVersion(OLDEST_AWS_CDK_LIB)!;
  if (!installed || installed.every(part => part === 0)) return;
  if (isOlder(installed, oldest)) {
    throw new Error(`[UnsupportedCdkVersion] aws-cdk-lib ${version} is older than ${OLDEST_AWS_CDK_LIB}, ` +
      'the oldest this version of cdk-gatehouse supports; upgrade aws-cdk-lib');
  }
}

/** The first aws-cdk-lib whose warnings carry a context that `acknowledge({ where })` filters on. */
export const WARNING_CONTEXT_AWS_CDK_LIB = '2.276.0';

/**
 * Whether aws-cdk-lib `version` filters acknowledgements by `where` (older ones ignore it and
 * acknowledge every occurrence). `0.0.0` (built from source) and unreadable versions count as new.
 */
export function filtersAcknowledgementsByContext(version: string = installedAwsCdkLibVersion()): boolean {
  const installed = parseVersion(version);
  if (!installed || installed.every(part => part === 0)) return true;
  return !isOlder(installed, parseVersion(WARNING_CONTEXT_AWS_CDK_LIB)!);
}

/** The version of the aws-cdk-lib that `require` finds, as its package.json states it. */
export function installedAwsCdkLibVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return String(require('aws-cdk-lib/package.json').version);
}

function isOlder(version: number[], than: number[]): boolean {
  const firstDifference = version.findIndex((part, i) => part !== than[i]);
  return firstDifference !== -1 && version[firstDifference] < than[firstDifference];
}

/** `2.269.0` → [2, 269, 0]; pre-release and build suffixes are ignored. */
function parseVersion(version: string): number[] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? match.slice(1, 4).map(Number) : undefined;
}

// Once, when the library is loaded (src/index.ts imports this module first).
assertSupportedAwsCdkLib(installedAwsCdkLibVersion());
