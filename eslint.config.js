// SPDX-License-Identifier: EUPL-1.2
// Lint configuration (flat config). TypeScript files are linted with type information (the
// project's tsconfig.json); plain JavaScript (scripts, the bin, the PGlite worker) without it.
// `npm run lint` runs it; CI fails on any error. Formatting is Prettier's job (`npm run format`).
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SPDX = '// SPDX-License-Identifier: EUPL-1.2';

/** Every source file starts with the licence line (after a shebang, if any). */
const licenceHeader = {
  meta: { type: 'problem', docs: { description: `require "${SPDX}" as the first line` }, schema: [] },
  create(context) {
    return {
      Program(node) {
        const text = context.sourceCode.text.replace(/^#!.*\n/, '');
        if (!text.startsWith(SPDX)) context.report({ node, loc: { line: 1, column: 0 }, message: `First line must be "${SPDX}".` });
      },
    };
  },
};

export default defineConfig(
  globalIgnores(['dist/', 'data/', 'coverage/', 'test-results/', 'src/server/db/migrations/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { wijkwijs: { rules: { 'licence-header': licenceHeader } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'wijkwijs/licence-header': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Fastify hooks and handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // Plain JavaScript: no type information available.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // The two classic hook rules. The plugin's React Compiler rules (refs, set-state-in-effect, …)
    // are left out: the app does not use the compiler, and they flag ordinary data fetching.
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tests read untyped JSON bodies (`response.json()` is `any`) and pass methods to expect();
    // the assertions are the type check there.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Browser journeys use the browser's globals inside page.evaluate().
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
