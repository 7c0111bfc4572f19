/**
 * `npm run test:scale`: the tests that need the PostgreSQL and Redis running on this machine (127.0.0.1:5432,
 * 127.0.0.1:6379). `npm test` never runs them. global-setup.ts makes a fresh database per run and sets
 * HERALD_TEST_POSTGRES_URL, so the store's contract runs on PostgreSQL too.
 */
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/scale/**/*.test.ts', '<rootDir>/tests/integration/sql/postgres-*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  globalSetup: '<rootDir>/tests/scale/global-setup.ts',
  globalTeardown: '<rootDir>/tests/scale/global-teardown.ts',
  testTimeout: 600_000,
};
