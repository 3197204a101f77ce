/**
 * Jest runs the TypeScript sources directly through swc; `tsc --noEmit` in `npm test` does the type checking.
 * The end-to-end tests spawn the built CLI: the global setup rebuilds dist/ first when it is older than its sources.
 */
module.exports = {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/__tests__/global-setup.js',
  globalTeardown: '<rootDir>/__tests__/global-teardown.js',
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup/no-warnings.ts'],
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The bundle's string-width shortcut, for the sources run in-process (see the shim).
  moduleNameMapper: { '^string-width$': '<rootDir>/__tests__/shims/string-width.js' },
  testTimeout: 30000,
  // `jest --coverage` counts the sources, every file of src/ (not the built dist/ a few tests load, nor scripts/).
  collectCoverageFrom: ['<rootDir>/src/**/*.ts'],
  // Jest's `ci` option is left at its default, whether the environment says CI (CI=1, as .ci/run sets it): then a
  // snapshot not yet written (__tests__/snapshots.test.ts) fails the run instead of being written unreviewed.
  // The usual report, then one line saying what was skipped and why (see the reporter).
  reporters: ['default', '<rootDir>/__tests__/skip-reporter.js'],
  // Jest's default is one worker fewer than the cores: one on a two-core machine, where two finish the suite sooner
  // (many tests wait on child processes: shells, a browser, the binary).
  maxWorkers: '100%',
};
