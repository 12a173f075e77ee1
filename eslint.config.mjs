// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noApps = { group: ['**/apps/**'], message: 'libs must not depend on apps' };
const pureDomain = {
  group: ['@nestjs/*', '@app/*', 'pg', 'better-sqlite3', '@kurrent/*', 'express', 'fs', 'node:*', 'http', 'net', 'child_process'],
  message: 'libs/lifecycle is the pure domain: no Nest, no I/O, no other lib',
};
const ownBarrel = (lib) => ({ group: [`@app/${lib}`, `@app/${lib}/*`], message: 'import siblings by path, never the own barrel' });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { console: 'readonly', module: 'writable', require: 'readonly' } },
  },
  {
    files: ['libs/event-store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps, ownBarrel('event-store')] }] },
  },
  {
    files: ['libs/streams/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps, ownBarrel('streams')] }] },
  },
  {
    files: ['libs/projections/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps, ownBarrel('projections')] }] },
  },
  {
    files: ['libs/audit/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps, ownBarrel('audit')] }] },
  },
  {
    files: ['libs/personal-data/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps, ownBarrel('personal-data')] }] },
  },
  {
    files: ['libs/service-levels/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps, ownBarrel('service-levels')] }] },
  },
  {
    files: ['libs/scheduler/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps, ownBarrel('scheduler')] }] },
  },
  {
    files: ['libs/notifications/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps, ownBarrel('notifications')] }] },
  },
  {
    files: ['libs/lifecycle/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps, pureDomain] }] },
  },
);
