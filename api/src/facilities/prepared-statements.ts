import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

/** What the statements need of a DataSource: a pooled connection, through TypeORM's public query runner. */
export type PooledDataSource = Pick<DataSource, 'createQueryRunner'>;

/**
 * Runs a statement as a named prepared statement on one of TypeORM's pooled connections. Search
 * statements are large (joins, sub-selects) and were planned on every call: planning cost as much
 * as running them. Named, each pooled connection parses once and PostgreSQL may keep a generic
 * plan. The name is a digest of the text, so a few shapes of one search (with or without
 * amenities, keyset…) are a few statements. TypeORM's `query` cannot name a statement, so the
 * statement goes to the pg client that `QueryRunner.connect()` hands out (its documented
 * answer: the connection it took from the pool), which is released right after. Rows come back
 * exactly as `dataSource.query` gives them.
 */
export async function queryPrepared<Row>(dataSource: PooledDataSource, text: string, values: unknown[]): Promise<Row[]> {
  const name = statementName(text);
  const runner = dataSource.createQueryRunner('master');
  try {
    const client = (await runner.connect()) as pg.PoolClient;
    const result = await client.query<Row & pg.QueryResultRow>({ name, text, values });
    return result.rows;
  } finally {
    await runner.release();
  }
}

/** Names of the statements seen, by text: a search's few shapes recur on every call, and digesting a long text each time showed in profiles. */
const names = new Map<string, string>();
/** Shapes are few (a handful per search kind); the bound only guards against a caller that builds unbounded texts. */
const NAMES_MAX = 1000;

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `aip_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    if (names.size >= NAMES_MAX) names.clear();
    names.set(text, name);
  }
  return name;
}
