// Prints one line, `N passed, N failed`, summed over every jest --json result file in a folder.
// A run that produced no results (a build that failed first) counts as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.test-results';
let passed = 0;
let failed = 0;
let files = 0;
for (const name of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
  const result = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  files += 1;
  passed += result.numPassedTests ?? 0;
  failed += (result.numFailedTests ?? 0) + (result.numRuntimeErrorTestSuites ?? 0);
}
if (files === 0) failed += 1;
process.stdout.write(`${passed} passed, ${failed} failed\n`);
