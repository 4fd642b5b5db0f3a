import pg from 'pg';

/** A direct connection to a database of a test's own. */
export function scratchPool(databaseUrl: string): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max: 4 });
}
