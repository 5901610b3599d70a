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

function entriesOf(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
const features = entriesOf('renderer/src/features').filter((d) => d.isDirectory()).map((d) => d.name);
// Everything in renderer/src/app but the screen registry (a probe file path counts as app/ too).
const appOutsideRegistry = [
  ...entriesOf('renderer/src/app').filter((d) => d.name !== 'screens.ts').map((d) => `./renderer/src/app/${d.name}`),
  './renderer/src/app/!(screens).{ts,tsx}',
];

// server/ layers, top first: a layer may import the ones after it, never the ones before it.
const serverTop = ['./server/compose.ts', './server/start.ts', './server/cli'];
const serverLayers = [
  { name: 'http', paths: ['./server/http', './server/activation-page'] },
  { name: 'handlers', paths: ['./server/handlers'] },
  { name: 'services', paths: ['./server/services'] },
  { name: 'db', paths: ['./server/db'] },
];
const serverLayerZones = serverLayers.flatMap((layer, i) => {
  const above = [...serverTop, ...serverLayers.slice(0, i).flatMap((l) => l.paths)];
  return layer.paths.map((target) => ({
    target,
    from: above,
    message: `server/${layer.name} may not import a layer above it (http → handlers → services → db; compose.ts wires them).`,
  }));
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'data/**', 'server/db/migrations/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      // import-x/no-cycle reads the imported files itself: with these it parses TypeScript too.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
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
    // Inside server/: http → handlers → services → db, each importing only the layers below it
    // (as VS Code's code-layering rule). The composition root, start and the CLIs sit on top.
    files: ['server/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: serverLayerZones }],
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
      // Import zones as bulletproof-react's: features stay independent (what two share moves to
      // components or app); components are shared by all, so they import neither features nor app; app
      // reaches the features only through the screen registry (app/screens.ts).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((f) => ({
              target: `./renderer/src/features/${f}`,
              from: './renderer/src/features',
              except: [`./${f}`],
              message: 'A feature must not import another feature.',
            })),
            {
              target: './renderer/src/components',
              from: ['./renderer/src/features', './renderer/src/app'],
              message: 'components/ is shared by every screen: it imports neither features nor app.',
            },
            {
              target: appOutsideRegistry,
              from: './renderer/src/features',
              message: 'app/ reaches a feature only through the screen registry (app/screens.ts).',
            },
          ],
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
);
