// One ESLint run over the whole repository (`npm run lint`, and the first step of `npm test`).
// Layout is prettier's job (eslint-config-prettier turns off every rule that would fight it);
// the rules here are about correctness and about the shape of the code: which folder may import
// which (see docs/decisions.md, "Module boundaries").
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const ROOT = dirname(fileURLToPath(import.meta.url));
const at = (...parts) => resolve(ROOT, ...parts);
const foldersIn = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

// ── web: a feature imports no other feature; app/ composes features through their index.ts ──
const WEB_FEATURES = at('web/src/features');
const webFeatures = foldersIn(WEB_FEATURES);
const webZones = [
  ...webFeatures.map((feature) => ({
    target: join(WEB_FEATURES, feature),
    from: webFeatures.filter((other) => other !== feature).map((other) => join(WEB_FEATURES, other)),
    message: `A feature does not import another feature: move what both need to web/src/components, web/src/lib or web/src/shared, or compose them in web/src/app.`,
  })),
  ...webFeatures.map((feature) => ({
    target: [at('web/src/app'), at('web/src/main.tsx')],
    from: join(WEB_FEATURES, feature),
    // query-keys.ts: the keys the shell's live feeds invalidate, without loading the feature's pages.
    except: ['./index.ts', './query-keys.ts'],
    message: `Import a feature through its index.ts (its public surface), or its query keys through query-keys.ts.`,
  })),
  {
    target: [at('web/src/components'), at('web/src/lib'), at('web/src/shared')],
    from: [WEB_FEATURES, at('web/src/app')],
    message: 'Shared components, libraries and domain pieces do not depend on features or on the app shell.',
  },
];

// ── api: a module is reached from outside only through its index.ts ──
// A module is a folder directly under api/src, except common/, which is a shelf of infrastructure
// modules: each of its sub-folders (errors, http, idempotency) is a module, and the files directly
// in common/ (CommonModule) are one more, surfaced by common/index.ts.
const API_SRC = at('api/src');
const COMMON = join(API_SRC, 'common');
// A sub-folder with an index.ts of its own (facilities/opening-hours, facilities/pricing) is a
// surface too: pure logic others may use without loading the module's Nest providers with it.
// So is an entity (`*.entity.ts`): entities name each other in foreign keys, and importing one
// through its module's index.ts would load that module's providers, and cycles with them.
const surfacesOf = (dir) => [
  './index.ts',
  ...foldersIn(dir)
    .filter((sub) => existsSync(join(dir, sub, 'index.ts')))
    .map((sub) => `./${sub}/index.ts`),
  ...readdirSync(dir)
    .filter((file) => file.endsWith('.entity.ts'))
    .map((file) => `./${file}`),
];
const apiModules = [
  ...foldersIn(API_SRC)
    .filter((name) => name !== 'common')
    .map((name) => ({ name, area: join(API_SRC, name), surface: surfacesOf(join(API_SRC, name)) })),
  ...foldersIn(COMMON).map((name) => ({ name: `common/${name}`, area: join(COMMON, name), surface: surfacesOf(join(COMMON, name)) })),
  { name: 'common', area: join(COMMON, '!(index).ts'), surface: [] },
];
const apiRootFiles = join(API_SRC, '*.ts');
const apiZones = apiModules.map((module) => ({
  target: [apiRootFiles, ...apiModules.filter((other) => other !== module).map((other) => other.area)],
  from: module.area,
  except: module.surface,
  message: `Import ${module.name} through its index.ts, or a sub-folder's index.ts (export what you need there).`,
}));

const tsResolver = createTypeScriptImportResolver({
  project: ['api/tsconfig.json', 'web/tsconfig.json', 'web/test/tsconfig.json', 'shared/tsconfig.json'],
  noWarnOnMultipleProjects: true,
});

export default defineConfig(
  { ignores: ['**/node_modules/', '**/dist/', '.data/', 'coverage/', '.test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [tsResolver],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      'import-x/no-duplicates': 'error',
      'import-x/no-self-import': 'error',
    },
  },
  {
    // A cycle through index.ts files can leave a class undefined when Nest's decorators read it
    // at load time ("Nest can't resolve dependencies"); in the SPA it breaks fast refresh.
    files: ['api/src/**/*.ts', 'web/src/**/*.{ts,tsx}', 'shared/src/**/*.ts'],
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['api/src/**/*.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: apiZones }] },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': ['error', { zones: webZones }],
    },
  },
  {
    files: ['web/test/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  prettier,
);
