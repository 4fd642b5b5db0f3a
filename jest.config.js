/**
 * One jest run for the whole repository, in native ESM (NestJS 12 ships as ESM only).
 * - unit:   pure logic, beside the code (`*.spec.ts`).
 * - system: the built API as a real process on a real, migrated PostgreSQL (`api/test/**`),
 *           browser tests driving the built SPA (`web/test/**`), and nginx in front of it all.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

export default {
  // Global options (jest ignores these inside a project): system tests start real servers.
  // Above startApiServer's 90 s default, so a hook that starts an API on a loaded machine can finish.
  testTimeout: 120_000,
  slowTestThreshold: 20,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{api,shared,web}/src/**/*.spec.{ts,tsx}'],
    },
    {
      ...common,
      displayName: 'system',
      testMatch: ['<rootDir>/api/test/**/*.e2e-spec.ts', '<rootDir>/web/test/**/*.browser-spec.ts', '<rootDir>/test/**/*.system-spec.ts'],
      globalSetup: '<rootDir>/api/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/api/test/support/global-teardown.mjs',
    },
  ],
};
