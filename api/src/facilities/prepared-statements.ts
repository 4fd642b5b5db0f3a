import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

/** What the statements need of a DataSource: the pg pool under TypeORM's Postgres driver. */
export type PooledDataSource = Pick<DataSource, 'driver'>;

/**
 * Runs a statement as a named prepared statement on TypeORM's own pg pool. Search statements
 * are large (joins, sub-selects) and were planned on every call: planning cost as much as
 * running them. Named, each pooled connection parses once and PostgreSQL may keep a generic
 * plan. The name is a digest of the text, so a few shapes of one search (with or without
 * amenities, keyset…) are a few statements. Rows come back exactly as `dataSource.query` gives.
 */
export async function queryPrepared<Row>(dataSource: PooledDataSource, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  const name = `aip_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
  const result = await pool.query<Row & pg.QueryResultRow>({ name, text, values });
  return result.rows;
}
