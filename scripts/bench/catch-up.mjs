// A data set that sat idle since its last run has bookings that ended meanwhile and were never
// completed: the API's lifecycle job would work them off in batches at its first rounds, in the
// middle of the measured seconds (a round of a thousand completions read from disk stalls searches
// for up to a second). A running product keeps up every 30 s, so a benchmark of it starts from
// there: the same statements the job runs, until nothing is due.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { API_DIST, ROOT } from '../lib.mjs';

const pg = createRequire(resolve(ROOT, 'api/package.json'))('pg');
const lifecycle = await import(pathToFileURL(resolve(API_DIST, 'bookings/lifecycle-sql.js')).href);

const BATCH = 5000;

/** Runs the lifecycle job's statements on `url` until none has work left; what each did, summed. */
export async function catchUpLifecycle(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const done = { expiredHolds: 0, lapsedExtensions: 0, completed: 0 };
  try {
    for (;;) {
      const expired = (await client.query(lifecycle.RELEASE_EXPIRED_HOLDS_SQL, [BATCH])).rows[0].n;
      const lapsed = (await client.query(lifecycle.RELEASE_LAPSED_EXTENSION_HOLDS_SQL, [BATCH])).rows[0].n;
      const completed = (await client.query(lifecycle.COMPLETE_FINISHED_SQL, [BATCH])).rows[0].n;
      done.expiredHolds += expired;
      done.lapsedExtensions += lapsed;
      done.completed += completed;
      if (!expired && !lapsed && !completed) return done;
    }
  } finally {
    await client.end();
  }
}

/** One line for the benchmark's output. */
export function describeCatchUp({ expiredHolds, lapsedExtensions, completed }) {
  if (!expiredHolds && !lapsedExtensions && !completed) return '  nothing due: the lifecycle job had kept the data set up to date';
  return `  brought up to date first, as the lifecycle job keeps a running product: ${completed.toLocaleString('en')} ended bookings completed, ${expiredHolds.toLocaleString('en')} lapsed holds and ${lapsedExtensions.toLocaleString('en')} lapsed extensions released`;
}
