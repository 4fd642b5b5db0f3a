// `npm test`: install if needed, build (the system tests run the built API and SPA), then one
// jest run over every workspace: unit, API end-to-end on a real PostgreSQL, browser, nginx.
// Results are also written to .test-results/jest.json for CI's summary line.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, build, ensureInstalled, step } from './lib.mjs';

ensureInstalled();
build();
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
