import type { Config } from 'jest';

// One project per test tier; the tier is in the file name (STYLE.md).
const moduleNameMapper = {
  '^@app/lifecycle(|/.*)$': '<rootDir>/libs/lifecycle/src$1',
  '^@app/event-store(|/.*)$': '<rootDir>/libs/event-store/src$1',
  '^@app/streams(|/.*)$': '<rootDir>/libs/streams/src$1',
  '^@app/projections(|/.*)$': '<rootDir>/libs/projections/src$1',
  '^@app/audit(|/.*)$': '<rootDir>/libs/audit/src$1',
  '^@app/personal-data(|/.*)$': '<rootDir>/libs/personal-data/src$1',
  '^@app/service-levels(|/.*)$': '<rootDir>/libs/service-levels/src$1',
  '^@app/scheduler(|/.*)$': '<rootDir>/libs/scheduler/src$1',
  '^@app/notifications(|/.*)$': '<rootDir>/libs/notifications/src$1',
};
const transform = { '^.+\\.ts$': 'ts-jest' };
const tier = (displayName: string, testMatch: string[], extra: Partial<Config> = {}) => ({
  displayName,
  testMatch,
  moduleNameMapper,
  transform,
  testEnvironment: 'node',
  rootDir: '.',
  ...extra,
});

const config: Config = {
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  testTimeout: 30_000,
  projects: [
    tier('unit', ['<rootDir>/{apps,libs}/**/*.unit.spec.ts']),
    tier('int', ['<rootDir>/{apps,libs}/**/*.int.spec.ts']),
    tier('e2e', ['<rootDir>/test/**/*.e2e-spec.ts']),
  ],
};

export default config;
