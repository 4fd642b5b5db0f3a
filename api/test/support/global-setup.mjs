// Once per `npm test`: a real PostgreSQL of its own (temporary directory, free port, so
// `npm start`'s data is never touched) and one API process on it, migrated at start-up.
// Test files read DATABASE_URL and API_URL; tests that need other settings start their own API.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, startTestPostgres } from './system.mjs';

export default async function globalSetup() {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'aiparksit-test-'));
  chmodSync(root, 0o755); // PostgreSQL runs as another OS user when we are root
  const pg = await startTestPostgres(root);
  let api;
  try {
    api = await startApiServer({ DATABASE_URL: pg.url });
  } catch (error) {
    await pg.stop();
    throw error;
  }
  process.env.DATABASE_URL = pg.url;
  process.env.API_URL = api.url;
  globalThis.__aiparksitSystem = { root, pg, api };
  process.stdout.write(`\n[system tests] PostgreSQL and API ready in ${Date.now() - started} ms (API ${api.url})\n`);
}
