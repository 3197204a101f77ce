/**
 * Jest runs the TypeScript sources directly through swc; `tsc --noEmit` in `npm test` does the type checking.
 * The end-to-end tests spawn the built CLI: the global setup rebuilds dist/ first when it is older than its sources.
 */
module.exports = {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/__tests__/global-setup.js',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
};
