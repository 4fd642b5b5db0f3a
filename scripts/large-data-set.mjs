// The `large` benchmark data set (10,000 facilities, 5,000,000 bookings), shared by the benches
// that read it (bench:analytics, bench:investor, bench:system-status). Needs the built API and
// `npm install` (it imports pg), unlike lib.mjs.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { API_DIST, ROOT, runNode, step } from './lib.mjs';

/**
 * The database the bench reads: DATABASE_URL when set; otherwise an embedded PostgreSQL with its
 * data in BENCH_PG_DIR (default `defaultDir`, under the repository). Seeds the large data set
 * first when it has no users (about 8 minutes). `close()` ends the pool and stops the embedded server.
 */
export async function openLargeDataSet(defaultDir) {
  const { freePort } = await import(pathToFileURL(resolve(ROOT, 'api/test/support/system.mjs')).href);
  const { startEmbeddedPostgres } = await import(pathToFileURL(resolve(API_DIST, 'database/embedded-postgres.js')).href);

  let postgres;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dir = resolve(process.env.BENCH_PG_DIR ?? resolve(ROOT, defaultDir));
    step(`Starting the embedded PostgreSQL with data in ${dir}…`);
    postgres = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
    databaseUrl = postgres.url;
  }

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // The embedded server stops at the end while the pool may still be closing its connections: that
  // termination (57P01) is expected, not a failure of the run.
  pool.on('error', () => undefined);
  const close = async () => {
    await pool.end();
    await postgres?.stop();
  };
  try {
    const seeded = await pool
      .query(`SELECT to_regclass('users') IS NOT NULL AND EXISTS (SELECT 1 FROM users) AS seeded`)
      .catch(() => ({ rows: [{ seeded: false }] }));
    if (!seeded.rows[0].seeded) {
      step('No data yet: seeding the large data set (10,000 facilities, 5,000,000 bookings)…');
      const code = await runNode(resolve(API_DIST, 'cli/seed.js'), ['--scale', 'large'], { DATABASE_URL: databaseUrl }, ['--max-semi-space-size=512']);
      if (code !== 0) throw new Error(`the seed failed (exit ${code})`);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { databaseUrl, pool, close };
}
