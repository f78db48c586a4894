// Jest configuration: ts-jest transform (type-checking is done by `npm run typecheck`).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: { module: 'commonjs', esModuleInterop: true, isolatedModules: true, allowJs: true, resolveJsonModule: true } }],
  },
  // office-addin-mock -> uuid@14 / strip-bom@5 are ESM-only; transform them (also nested).
  transformIgnorePatterns: ['/node_modules/(?!(?:.+/node_modules/)?(?:uuid|strip-bom|nanoid)/)'],
};
