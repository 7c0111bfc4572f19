/**
 * The end-to-end tests (`npm run test:e2e`): a real Chromium (Debian's, at /usr/bin/chromium) driven by
 * playwright-core against the emulator and `npm start`. Not part of `npm test`; one file at a time.
 */
module.exports = {
  rootDir: '../..',
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
};
