import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { QueryFailedError, type DataSource, type QueryRunner } from 'typeorm';

/**
 * Runs `text` as a named prepared statement on the runner's connection: parsed once per pooled
 * connection, and PostgreSQL may keep its plan instead of planning it on every call (for the
 * large statements of a booking, planning cost more than running). TypeORM's `query` cannot name
 * a statement, so it goes to the pg client `QueryRunner.connect()` answers (the runner's own
 * connection, inside its transaction if one is open). What TypeORM's `query` does around a
 * statement is kept: the same rows, a failure as a `QueryFailedError` around pg's error, and a
 * statement slower than `maxQueryExecutionTime` in the slow-query log.
 */
export async function runPrepared<Row>(runner: QueryRunner, text: string, values: unknown[]): Promise<Row[]> {
  const client = (await runner.connect()) as pg.PoolClient;
  const started = performance.now();
  try {
    const result = await client.query<Row & pg.QueryResultRow>({ name: statementName(text), text, values });
    return result.rows;
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  } finally {
    const elapsed = performance.now() - started;
    // A runner without a DataSource behind it (the marketplace benchmark's bare pg pool) has no slow-query log.
    const limit = runner.connection?.options.maxQueryExecutionTime;
    if (limit && elapsed > limit) runner.connection.logger.logQuerySlow(elapsed, text, values, runner);
  }
}

/** `runPrepared` on a connection of the pool, outside any transaction (its own statement). */
export async function queryPrepared<Row>(dataSource: Pick<DataSource, 'createQueryRunner'>, text: string, values: unknown[]): Promise<Row[]> {
  const runner = dataSource.createQueryRunner('master');
  try {
    return await runPrepared<Row>(runner, text, values);
  } finally {
    await runner.release();
  }
}

/** Names of the statements seen, by text: the few shapes of a search recur on every call, and digesting a long text each time showed in profiles. */
const names = new Map<string, string>();
/** Shapes are few (a handful per statement kind); the bound only guards against a caller that builds unbounded texts. */
const NAMES_MAX = 1000;

/** A digest of the text: one text is one prepared statement on each connection, whoever runs it. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `aip_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    if (names.size >= NAMES_MAX) names.clear();
    names.set(text, name);
  }
  return name;
}
