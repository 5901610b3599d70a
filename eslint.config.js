// Lint rules, including the import rules that keep the layers of shared/ARCHITECTURE.md honest.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare builtin names are matched exactly (as `paths`): as patterns, 'domain' would also forbid shared/domain/*.
const nodeBuiltinPaths = builtinModules.map((name) => ({ name, message: 'No Node built-ins in this layer.' }));
const platformPackages = ['electron', 'electron-store', 'fastify', 'fastify-*', '@fastify/*', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'proper-lockfile'];
const uiPackages = ['react', 'react-*', 'react-dom/*', '@mui/*', '@emotion/*', 'i18next', '@hookform/*'];

/** A no-restricted-imports rule that names the layer's reason in its message. */
function forbid(patterns, message, { builtins = false } = {}) {
  return [
    'error',
    {
      paths: builtins ? nodeBuiltinPaths : [],
      patterns: [{ group: builtins ? ['node:*', ...patterns] : patterns, message }],
    },
  ];
}

const features = (() => {
  try {
    return readdirSync('renderer/src/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
})();

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'data/**', 'server/db/migrations/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [...platformPackages, ...uiPackages, '**/server/**', '**/electron/**', '**/renderer/**'],
        'shared/ is the platform-free contract and domain: zod (and ky for the client) only.',
        { builtins: true },
      ),
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'electron-store', ...uiPackages, '**/electron/**', '**/renderer/**'],
        'server/ may import shared/ and node:* only, never the shell or the console.',
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([...uiPackages, '**/renderer/**'], 'electron/ never imports the renderer.'),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': forbid(
        [...platformPackages, '**/server/**', '**/electron/**'],
        'renderer/ talks to the world only through ConsoleApi: no electron, node:* or server.',
        { builtins: true },
      ),
      // Features stay independent: what two features share moves to renderer/src/app or components.
      'import-x/no-restricted-paths': [
        features.length > 0 ? 'error' : 'off',
        {
          zones: features.map((f) => ({
            target: `./renderer/src/features/${f}`,
            from: './renderer/src/features',
            except: [`./${f}`],
            message: 'A feature must not import another feature.',
          })),
        },
      ],
    },
  },
);
