/** Jest runs TypeScript through SWC; type checking is `tsc --noEmit` in `npm test`. */
const node = {
  displayName: 'node',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/scale/', '/tests/e2e/'],
  // The Teams SDK's jwks-rsa 4 uses jose 6, which ships ES modules only (Node 22.12+ loads them with require; Jest
  // does not without --experimental-vm-modules): SWC turns that one package into CommonJS like our own files.
  transformIgnorePatterns: ['^(?!.*/jwks-rsa/node_modules/jose/).*/node_modules/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
};

/** The admin tab's React tests: jsdom, TSX with React's automatic JSX runtime. */
const tabs = {
  displayName: 'tabs',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests/tabs'],
  testMatch: ['**/*.test.tsx'],
  setupFilesAfterEnv: ['<rootDir>/tests/tabs/support/setup.ts'],
  // The Adaptive Cards renderer and d3 (under Fluent UI's charts) ship ES modules only; SWC turns them into CommonJS like our own files.
  transformIgnorePatterns: ['/node_modules/(?!(adaptivecards|swiper|d3-[a-z-]+|internmap)/)'],
  transform: {
    '^.+\\.(tsx?|m?jsx?)$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } },
    ],
  },
};

// testTimeout is a global option: inside a project entry jest ignores it.
module.exports = { testTimeout: 30000, projects: [node, tabs] };
