// `npm test`: install if needed, lint (ESLint, then prettier's check), build (the system tests run
// the built API and SPA), check that the OpenAPI document and the typed client match the code,
// then one jest run over every workspace: unit, API end-to-end on a real PostgreSQL, browser, nginx.
// Results are also written to .test-results/jest.json for CI's summary line.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, build, ensureInstalled, step } from './lib.mjs';

/** Runs a check with the installed tool; on failure says what failed and how to fix it, and stops. */
function check(label, bin, args, remedy) {
  step(`${label}…`);
  const result = spawnSync(process.execPath, [resolve(ROOT, 'node_modules', bin), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status === 0) return;
  process.stderr.write(`\n✖ ${label} failed: ${remedy}\n`);
  process.exit(result.status ?? 1);
}

ensureInstalled();
check('Linting (ESLint)', 'eslint/bin/eslint.js', ['.'], 'fix the problems listed above (`npm run lint` shows them again).');
check('Checking formatting (prettier)', 'prettier/bin/prettier.cjs', ['--check', '.'], 'run `npm run format` to format the files listed above.');
build();
// The drift check: the committed OpenAPI document and typed client are what the built API gives.
const drift = spawnSync(process.execPath, [resolve(ROOT, 'scripts/openapi.mjs'), '--check'], { cwd: ROOT, stdio: 'inherit' });
if (drift.status !== 0) process.exit(drift.status ?? 1);
step('Running tests…');
mkdirSync(resolve(ROOT, '.test-results'), { recursive: true });
const jest = resolve(ROOT, 'node_modules/jest/bin/jest.js');
const result = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    jest,
    '--json',
    `--outputFile=${resolve(ROOT, '.test-results/jest.json')}`,
    ...process.argv.slice(2),
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
