import { QueryFailedError, type DataSource, type Logger } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import { queryPrepared } from '../../src/database/prepared.js';
import { withTransaction } from '../../src/database/transaction.js';

/**
 * The hot statements of a hold and a payment run as named prepared statements (planned once per
 * pooled connection) without losing what TypeORM's `query` does around a statement: the same
 * rows, the transaction's own connection, a failure as a QueryFailedError around pg's error, and
 * the slow-query log. The trigger functions those statements fire keep their generic plans.
 */
describe('prepared statements of bookings and payments', () => {
  let dataSource: DataSource;
  const slow: { time: number; query: string }[] = [];

  beforeAll(async () => {
    const url = process.env['DATABASE_URL'];
    if (!url) throw new Error('DATABASE_URL is not set: system tests run under the system jest project.');
    const logger: Logger = {
      logQuerySlow: (time, query) => void slow.push({ time, query }),
      logQuery: () => undefined,
      logQueryError: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    // One connection, so the session that prepared a statement is the one asked about it afterwards.
    dataSource = createDataSource({ url, poolSize: 1, applicationName: 'aiparksit-prepared-bookings-test', slowQueries: { thresholdMs: 50, logger } });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('answers the rows dataSource.query answers, prepared once on the connection', async () => {
    const text = `SELECT n AS "value", $1::text AS "label", now() - now() AS "zero" FROM generate_series(1, $2::int) AS n ORDER BY n`;
    const rows = await queryPrepared(dataSource, text, ['x', 3]);
    expect(rows).toEqual(await dataSource.query(text, ['x', 3]));
    await queryPrepared(dataSource, text, ['y', 2]);
    const prepared: { name: string; calls: string }[] = await dataSource.query(
      `SELECT name, generic_plans + custom_plans AS calls FROM pg_prepared_statements WHERE statement = $1`,
      [text],
    );
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toMatch(/^aip_/);
    expect(Number(prepared[0]!.calls)).toBe(2);
  });

  it('runs inside the transaction: it sees the transaction’s own writes, and they roll back with it', async () => {
    const table = `prepared_probe_${process.pid}`;
    await dataSource.query(`CREATE TABLE ${table} (n int)`);
    try {
      await expect(
        withTransaction(dataSource, async (tx) => {
          await tx.rows(`INSERT INTO ${table} VALUES (1), (2)`);
          const seen = await tx.prepared<{ count: number }>(`SELECT count(*)::int AS count FROM ${table} WHERE n >= $1`, [1]);
          expect(seen).toEqual([{ count: 2 }]);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await dataSource.query(`SELECT count(*)::int AS count FROM ${table}`)).toEqual([{ count: 0 }]);
    } finally {
      await dataSource.query(`DROP TABLE ${table}`);
    }
  });

  it('fails as TypeORM does, with pg’s error inside, and gives the connection back', async () => {
    const failure = await queryPrepared(dataSource, `SELECT 1 / $1::int AS x`, [0]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(failure).toMatchObject({ driverError: { code: '22012' } });
    await expect(queryPrepared(dataSource, `SELECT 1 AS one`, [])).resolves.toEqual([{ one: 1 }]);
  });

  it('reports a statement slower than the threshold to the slow-query log, and not a fast one', async () => {
    slow.length = 0;
    await queryPrepared(dataSource, `SELECT $1::int AS fast`, [1]);
    expect(slow).toEqual([]);
    await queryPrepared(dataSource, `SELECT pg_sleep($1::float8 / 1000) AS slow`, [80]);
    expect(slow).toEqual([{ time: expect.any(Number), query: `SELECT pg_sleep($1::float8 / 1000) AS slow` }]);
    expect(slow[0]!.time).toBeGreaterThanOrEqual(50);
  });

  it('keeps the generic plans of the trigger functions a hold and a payment fire (a CREATE OR REPLACE would drop them)', async () => {
    const settings: { name: string; config: string[] | null }[] = await dataSource.query(
      `SELECT p.proname AS name, p.proconfig AS config FROM pg_proc p
        WHERE p.proname IN ('analytics_occupancy_apply', 'analytics_revenue_apply', 'metrics_stays_apply', 'metrics_money_apply',
                            'space_availability_bookings_inserted', 'space_availability_bookings_updated', 'space_availability_bookings_deleted')
        ORDER BY 1`,
    );
    expect(settings).toHaveLength(7);
    for (const { config } of settings) expect(config).toContain('plan_cache_mode=force_generic_plan');
  });
});
