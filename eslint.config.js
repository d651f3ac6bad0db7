// ESLint with typescript-eslint's type-checked rules, over the TypeScript of the api, the worker, the
// libraries, configuration, scripts, benchmarks, tests and the web app (`npm run lint`, which .ci/run runs).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Generated from docs/openapi.json by openapi-typescript.
  { ignores: ['libs/api-client/src/schema.ts'] },
  {
    files: ['{apps/api,apps/worker,libs,config,scripts,bench,test}/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A leading underscore marks a value left out on purpose (a rest sibling, a Nest-required parameter).
      // Handlers and callbacks keep `async` where their interface returns a promise, awaited or not.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The web app, with its own tsconfig (DOM, JSX), and the rules of hooks.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, reactHooks.configs.flat.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests and benchmarks read HTTP answers (supertest's `body` is `any`) and check their shape against
    // the OpenAPI document with ajv, or assert the fields they need: the `any` is the subject under test.
    files: ['{test,bench}/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
