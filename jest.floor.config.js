// The test suite against the oldest aws-cdk-lib the library supports (`npx projen test:floor`).
// That version is installed on its own into AWS_CDK_LIB_FLOOR_DIR (the task puts it in .cdk-floor/);
// every require of aws-cdk-lib and its subpaths, by the library, the tests and cdk-nag alike, is
// mapped there, so one aws-cdk-lib instance runs. Types still come from the pinned version (the
// library is built against it); this run shows that the same code works on the floor.
const path = require('path');
const base = require('./package.json').jest;

const floorDir = process.env.AWS_CDK_LIB_FLOOR_DIR;
if (!floorDir) throw new Error('AWS_CDK_LIB_FLOOR_DIR is not set: run `npx projen test:floor`');
const awsCdkLib = path.resolve(__dirname, floorDir, 'node_modules', 'aws-cdk-lib');
const { version } = require(path.join(awsCdkLib, 'package.json'));
console.error(`jest.floor.config.js: aws-cdk-lib ${version} from ${path.relative(__dirname, awsCdkLib)}`);

module.exports = {
  ...base,
  rootDir: __dirname,
  moduleNameMapper: {
    '^aws-cdk-lib$': awsCdkLib,
    '^aws-cdk-lib/(.*)$': `${awsCdkLib}/$1`,
    // The floor's aws-cdk-lib shares the project's constructs (a peer dependency of both).
    '^constructs$': path.dirname(require.resolve('constructs/package.json')),
  },
  reporters: ['default', ['jest-junit', { outputDirectory: 'test-reports', outputName: 'junit-floor.xml' }]],
};
