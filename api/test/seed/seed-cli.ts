import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../support/system.mjs';

const SEED_CLI = resolve(REPO_ROOT, 'api/dist/api/src/cli/seed.js');

export interface SeedRun {
  code: number;
  output: string;
}

/** Runs the built `npm run seed` entry point against `databaseUrl`, the way a person would. */
export function runSeedCli(databaseUrl: string, args: string[]): Promise<SeedRun> {
  return new Promise((resolveRun, reject) => {
    const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR', 'LANG'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]));
    const child = spawn(process.execPath, [SEED_CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...inherited, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk.toString()));
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolveRun({ code: code ?? 1, output }));
  });
}

/** A fresh, empty database on the test server, so seeding never meets other tests' rows. */
export async function createScratchDatabase(name: string): Promise<string> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) throw new Error('DATABASE_URL is not set: system tests run under the system jest project.');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropScratchDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
