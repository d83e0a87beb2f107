import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import borders from './eslint-rules/module-borders.js';

// Prettier owns layout (`npm run format`); ESLint checks meaning, with the type checker's help.
export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'public/build/', 'eslint.config.js', 'eslint-rules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    // A disable comment that no longer silences anything is itself a problem: it hides the next real one.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['vite.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Prettier breaks code at 140 columns but never splits a string; a long line left is a comment or code to reshape.
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]',
          message: 'No .only/.skip in committed tests.',
        },
      ],
    },
  },
  { files: ['web/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  // A module's files are its own: others import its index.ts; platform imports no module (docs/architecture.md).
  { plugins: { local: borders }, rules: { 'local/module-borders': 'error' } },
  {
    // Tests read HTTP answers as untyped JSON on purpose: the response schemas and the assertions are the check.
    files: ['test/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
