/**
 * Browser tests against the real API and the built console. Named jest.e2e.config.ts, not
 * jest.config.ts, so the Nx jest plugin does not infer a `test` target: these need built
 * apps and a browser, and run only under `nx run console-e2e:e2e`.
 */
export default {
  displayName: 'console-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.e2e.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  // The first start creates the embedded database and seeds ~2,000 persons on 2 shared cores.
  testTimeout: 180_000,
  slowTestThreshold: 30,
};
