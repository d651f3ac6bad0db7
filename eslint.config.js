// ESLint with typescript-eslint's type-checked rules, over the TypeScript of the api, the worker, the
// libraries, configuration, scripts, benchmarks and tests (`npm run lint`, which .ci/run runs).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    files: ['{apps/api,apps/worker,libs,config,scripts,bench,test}/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
);
