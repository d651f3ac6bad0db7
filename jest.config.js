// Jest runs in ESM mode (NestJS 12 is ESM only); swc transpiles TypeScript with decorator metadata.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'es6' },
    },
  ],
};
const moduleNameMapper = {
  '^#config$': '<rootDir>/config/src/index.ts',
  '^#(framework|workflow|endorsement|db|queue|mail|platform|auth|api-client|metrics|request-id)$': '<rootDir>/libs/$1/src/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const common = { transform, moduleNameMapper, extensionsToTreatAsEsm: ['.ts'], testEnvironment: 'node' };

export default {
  // Integration tests wait on real services and processes; unit tests finish long before this.
  testTimeout: 60_000,
  // Jest leaks memory across test files in ESM mode (jestjs/jest#14605); on one worker it would run
  // them all in its own process, which reached its 4 GB heap limit partway through the suite. With a
  // limit set, tests run in a worker process that is replaced once it holds more than this.
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,config,bench}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.test.ts'] },
  ],
};
