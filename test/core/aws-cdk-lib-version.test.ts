import * as fs from 'fs';
import * as path from 'path';
import { assertSupportedAwsCdkLib, installedAwsCdkLibVersion, OLDEST_AWS_CDK_LIB } from '../../src/core/aws-cdk-lib-version';

const PACKAGE_JSON = require.resolve('aws-cdk-lib/package.json');

describe('assertSupportedAwsCdkLib', () => {
  test.each(['2.268.9', '2.100.0', '1.204.0', '2.0.0'])('throws when aws-cdk-lib %s is older than the floor', version => {
    expect(() => assertSupportedAwsCdkLib(version)).toThrow(
      `[UnsupportedCdkVersion] aws-cdk-lib ${version} is older than ${OLDEST_AWS_CDK_LIB}, ` +
      'the oldest this version of cdk-gatehouse supports; upgrade aws-cdk-lib',
    );
  });

  test.each([OLDEST_AWS_CDK_LIB, '2.269.1', '2.270.0', '2.276.0', '3.0.0', '2.300.0-rc.1'])('accepts aws-cdk-lib %s', version => {
    expect(() => assertSupportedAwsCdkLib(version)).not.toThrow();
  });

  test('accepts 0.0.0 (aws-cdk-lib built from source) and versions it cannot read', () => {
    expect(() => assertSupportedAwsCdkLib('0.0.0')).not.toThrow();
    expect(() => assertSupportedAwsCdkLib('main')).not.toThrow();
  });

  test('the floor is the peer dependency the package declares and the one README names', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../package.json');
    expect(pkg.peerDependencies['aws-cdk-lib']).toBe(`^${OLDEST_AWS_CDK_LIB}`);
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(`\`aws-cdk-lib\` ${OLDEST_AWS_CDK_LIB} or newer`);
  });
});

describe('installedAwsCdkLibVersion', () => {
  test('reads the version of the aws-cdk-lib that require finds', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(installedAwsCdkLibVersion()).toBe(require(PACKAGE_JSON).version);
  });
});

describe('loading cdk-gatehouse', () => {
  afterEach(() => jest.dontMock(PACKAGE_JSON));

  function loadWith(version: string): () => unknown {
    return () => jest.isolateModules(() => {
      jest.doMock(PACKAGE_JSON, () => ({ name: 'aws-cdk-lib', version }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src');
    });
  }

  test('throws a coded error when the installed aws-cdk-lib is older than the floor', () => {
    expect(loadWith('2.200.0')).toThrow(/^\[UnsupportedCdkVersion\] aws-cdk-lib 2\.200\.0 is older than /);
  });

  test('loads with the floor version installed', () => {
    expect(loadWith(OLDEST_AWS_CDK_LIB)).not.toThrow();
  });
});
