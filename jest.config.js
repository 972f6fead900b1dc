/** Jest runs TypeScript through SWC (see docs/adr/0002-build-and-test-toolchain.md). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  // The browser suites (test/e2e/web, headless Debian Chromium) are part of the run; without
  // /usr/bin/chromium they skip with the reason printed. `npm run test:web` runs only them.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|content-disposition|@electric-sql|uid|file-type|strtok3|token-types|peek-readable|@tokenizer|cookie)/)'],
  moduleNameMapper: { '^@org/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  // Test files run one after another in one worker process (see "test" in package.json), which is
  // replaced once its heap passes this after a file: a long run in one process otherwise keeps what
  // each file leaves behind (module registries, closed databases' buffers) and slows down as it grows.
  workerIdleMemoryLimit: '512MB',
  // The slowest files are listed at the end of every run (test/support/slowest-files.reporter.js).
  reporters: ['default', '<rootDir>/test/support/slowest-files.reporter.js'],
};
