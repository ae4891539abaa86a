import { awscdk, javascript, JsonFile } from 'projen';

/**
 * The oldest aws-cdk-lib the library works with: the peer dependency's floor, checked when the
 * library loads (src/core/aws-cdk-lib-version.ts) and tested by `test:floor`. 2.268 and older
 * reject the cdk-nag acknowledgement IDs the library writes (`Rule[Policy::arn...]`).
 */
const AWS_CDK_LIB_FLOOR = '2.269.0';
/** The aws-cdk-lib the library is built and mainly tested with. */
const AWS_CDK_LIB_PINNED = '2.276.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-gatehouse',
  description:
    'Typed, secure-by-default AWS CDK constructs for Amazon API Gateway REST, HTTP and WebSocket APIs',
  author: 'cdk-gatehouse team',
  authorAddress: 'team@cdk-gatehouse.dev',
  repositoryUrl: 'https://github.com/cdk-gatehouse/cdk-gatehouse.git',
  keywords: ['cdk', 'aws-cdk', 'apigateway', 'api-gateway', 'rest-api', 'http-api', 'websocket'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  // Peer dependency `^floor`; the dev dependencies below pin what the build uses instead of the floor.
  cdkVersion: AWS_CDK_LIB_FLOOR,
  constructsVersion: '10.5.1',
  peerDependencyOptions: { pinnedDevDependency: false },
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.3',

  // Nothing here can reach GitHub, so no workflows, release or dependency-upgrade jobs.
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  // Targets are declared so every language binding is generated; packaging them for their
  // registries is reset below to code generation only (those registries are unreachable).
  publishToPypi: { distName: 'cdk-gatehouse', module: 'cdk_gatehouse' },
  publishToMaven: {
    javaPackage: 'dev.cdkgatehouse',
    mavenGroupId: 'dev.cdk-gatehouse',
    mavenArtifactId: 'cdk-gatehouse',
  },
  publishToNuget: { dotNetNamespace: 'CdkGatehouse', packageId: 'CdkGatehouse' },
  publishToGo: { moduleName: 'github.com/cdk-gatehouse/cdk-gatehouse-go' },

  devDeps: [
    // The VTL renderer is a test tool (test/support/vtl): it verifies every mapping template the
    // library writes. It would ship again, bundled, with a local emulator, which does not exist yet.
    'velocityjs@^2.1.7',
    `aws-cdk-lib@${AWS_CDK_LIB_PINNED}`,
    // The CDK CLI for `cd examples && npx cdk synth`; v3 cannot read what aws-cdk-lib 2.x writes.
    'aws-cdk@^2',
    'cdk-nag@^3', 'ts-node', '@types/node@^20',
    // In-process service emulators and the SDK clients that read back what arrived.
    'local-aws-sqs@^2', 'kinesalite@^3', 'dynalite@^4',
    '@aws-sdk/client-sqs@^3', '@aws-sdk/client-kinesis@^3', '@aws-sdk/client-dynamodb@^3',
    // A real OpenAPI 3 validator for the documents REST and HTTP gateways write.
    '@apidevtools/swagger-parser@^12',
  ],

  jestOptions: {
    // Without NEVER, projen's test task rewrites changed snapshots and they assert nothing.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      snapshotSerializers: ['<rootDir>/test/support/asset-hash-serializer.ts'],
      // aws-cdk-lib prints a report for every synthesized warning; the tests assert theirs (see the file).
      setupFilesAfterEnv: ['<rootDir>/test/support/validation-reports.ts'],
      // test/untyped holds plain JavaScript tests: the library as JavaScript users call it.
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.js'],
      collectCoverage: false,
    },
  },
  // `eslint` (run by `test`) reports without fixing, so a finding fails the test task; `eslint:fix` fixes.
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'examples', 'bench', 'projenrc'], commandOptions: { fix: false } },
  gitignore: ['cdk.out', '/examples/cdk.out', '/bench/results', '/.cdk-floor', '.jsii.tabl.json'],
  // Until 1.0 the API may still change between minor versions.
  stability: 'experimental',
  // `npx gatehouse routes|diff`: API-level review of cloud assemblies (README, Reviewing changes).
  bin: { gatehouse: 'bin/gatehouse' },
});

// The floors of src/ (README "Architecture"): a floor imports only the floors below it, the
// gateways never import each other, and no import circle exists (type-only imports count).
const FLOORS: Array<[string, string[]]> = [
  ['core', []],
  ['vocabulary', ['core']],
  ['review', ['core', 'vocabulary']],
  ['shared', ['core', 'vocabulary']],
  ['templates', ['core', 'vocabulary', 'shared']],
  ['monitoring', ['core', 'vocabulary']],
  ['rest', ['core', 'vocabulary', 'review', 'shared', 'templates', 'monitoring']],
  ['http', ['core', 'vocabulary', 'review', 'shared', 'templates', 'monitoring']],
  ['websocket', ['core', 'vocabulary', 'review', 'shared', 'templates', 'monitoring']],
  ['cli', ['core', 'review']],
];
project.eslint!.addRules({
  'import/no-cycle': ['error', { ignoreExternal: true }],
  'import/no-restricted-paths': ['error', {
    zones: FLOORS.map(([floor, below]) => ({
      target: `./src/${floor}`,
      from: './src',
      except: [floor, ...below].map(dir => `./${dir}`),
      message: `src/${floor} may import only ${[floor, ...below].join(', ')} (README "Architecture")`,
    })),
  }],
});

// `test` runs jest, then eslint without --fix: a lint finding fails it. `test:unit` is jest
// alone (e.g. `npx projen test:unit test/rest/cache-keys.test.ts`); `eslint:fix` fixes what it can.
const lintDirs = 'src test examples bench projenrc .projenrc.ts';
project.addTask('eslint:fix', {
  description: 'Run eslint and fix what it can',
  env: { ESLINT_USE_FLAT_CONFIG: 'false', NODE_NO_WARNINGS: '1' },
  exec: `eslint --ext .ts,.tsx --fix --no-error-on-unmatched-pattern ${lintDirs}`,
  receiveArgs: true,
});
project.addTask('test:unit', {
  description: 'Run jest only (no lint): the contributors\' loop',
  exec: 'jest --passWithNoTests --ci',
  receiveArgs: true,
});

// jsii warns when the dev dependency on aws-cdk-lib is not the peer's floor: here it is newer on
// purpose (the build uses the pinned version; test:floor runs the suite on the floor).
const jsiiFlags = '--silence-warnings=reserved-word --silence-warnings=metadata/missing-dev-dependency';
project.compileTask.reset(`jsii ${jsiiFlags}`);
project.tasks.tryFind('watch')!.reset(`jsii -w ${jsiiFlags}`);

// The constructs version the build uses (projen drops it from devDeps above when it adds the peer).
project.addDevDeps('constructs@10.5.1');

for (const pattern of ['/examples', '/bench', '/.ci', '/.cdk-floor', '/jest.floor.config.js']) project.addPackageIgnore(pattern);

// A registry pulled in by eslint-import-resolver-typescript lacks some platform bindings of
// unrs-resolver 1.13; 1.12.2 has them all, so a clean `npm ci` works.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// Quiet jsii's end-of-life banner for Node 20 (the machine's Node); it is noise in CI logs.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// Registries for Python, Java, .NET and Go are unreachable here: keep generating each
// language's code (which checks the API is expressible there) without building the packages.
for (const [lang, target] of [['python', 'python'], ['java', 'java'], ['dotnet', 'dotnet'], ['go', 'go']]) {
  const task = project.tasks.tryFind(`package:${lang}`);
  task?.reset(`jsii-pacmak -v --code-only --target ${target}`);
}

// examples/ and bench/ are type-checked and linted like tests, each with a tsconfig of its own
// (the type-aware linter looks for the nearest tsconfig.json).
for (const dir of ['examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..', isolatedModules: true },
      include: ['**/*.ts'],
    },
  });
}

// The main job: synthesize the example apps and print what each stack holds.
project.addTask('examples', {
  description: 'Synthesize the apps in examples/ and print routes and resource counts per stack',
  env: { TS_NODE_TRANSPILE_ONLY: 'true' },
  exec: 'ts-node --project examples/tsconfig.json examples/synth.ts',
});

project.addTask('bench', {
  description: 'Synthesize REST APIs of 50/150/300 Lambda routes with cdk-gatehouse and plain aws-cdk-lib',
  env: { TS_NODE_TRANSPILE_ONLY: 'true' },
  exec: 'ts-node --project bench/tsconfig.json bench/lambda-routes.bench.ts',
});
// The same for HTTP APIs, against aws-cdk-lib's HttpApi with one HttpLambdaIntegration per route.
project.tasks.tryFind('bench')!.exec('ts-node --project bench/tsconfig.json bench/http-routes.bench.ts');
// APIs at API Gateway's quotas (REST in both definition styles, HTTP at 300 routes) beside aws-cdk-lib,
// with template limits, synth time and peak memory, each variant in a Node process of its own.
project.tasks.tryFind('bench')!.exec('ts-node --project bench/tsconfig.json bench/large-api.bench.ts');

project.addTask('api-md:check', {
  description: 'Fail when API.md is not what jsii-docgen generates from the current source',
  exec: 'git diff --exit-code -- API.md',
});

// The VTL renderer against Apache Velocity 1.7: needs Java, so it is a task of its own, not a jest test.
project.addTask('vtl:conformance', {
  description: 'Render mapping templates with the VTL renderer and with Apache Velocity 1.7 (Java) and compare the outputs byte for byte',
  env: { TS_NODE_TRANSPILE_ONLY: 'true' },
  exec: 'ts-node --project test/tsconfig.json test/vtl/conformance/run-conformance.ts',
});

// The test suite against the floor: that aws-cdk-lib alone in .cdk-floor/ (no lockfile, the exact
// version), every require of aws-cdk-lib mapped there by jest.floor.config.js.
const floorDir = '.cdk-floor';
const testFloor = project.addTask('test:floor', {
  description: `Run the test suite against aws-cdk-lib ${AWS_CDK_LIB_FLOOR}, the oldest supported (golden snapshots skipped)`,
  env: { AWS_CDK_LIB_FLOOR_DIR: floorDir },
});
testFloor.exec(
  `npm install --prefix ${floorDir} --no-save --no-package-lock --omit=peer --no-audit --no-fund aws-cdk-lib@${AWS_CDK_LIB_FLOOR}`,
  {
    name: `install aws-cdk-lib ${AWS_CDK_LIB_FLOOR} into ${floorDir} unless it is there`,
    condition: `node -e "try { process.exit(require('./${floorDir}/node_modules/aws-cdk-lib/package.json').version === '${AWS_CDK_LIB_FLOOR}' ? 1 : 0) } catch { process.exit(0) }"`,
  },
);
// Golden snapshots hold aws-cdk-lib's own rendering too, which differs on the floor (feature flags
// added since, such as @aws-cdk/aws-apigateway:logGroupDestinationArnWithoutWildcard, and Step
// Functions trust conditions): they are compared on the pinned version only, and reported skipped here.
// Everything else runs, the golden stacks' strict validator and cdk-nag checks included. (The floor has
// no App option to turn CloudFormation validation off, so there every test's synth runs it: slower.)
testFloor.exec("jest --ci --config jest.floor.config.js --testNamePattern '^(?!.*template matches its snapshot)'", { receiveArgs: true });

// Every example in README.md and in the API docs translates to each jsii language: jsii-rosetta
// compiles each one in rosetta/default.ts-fixture and fails when one does not compile.
const rosettaExtract = project.addTask('rosetta:extract', {
  description: 'Compile and translate every example of README.md and the API docs with jsii-rosetta (strict)',
  exec: 'jsii-rosetta extract --strict',
});
project.tasks.tryFind('post-compile')!.spawn(rosettaExtract);

project.synth();
