import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import { queryPrepared } from '../../src/facilities/prepared-statements.js';

/**
 * Marketplace statements are planned once per pooled connection, not once per call: they run as
 * named prepared statements on the connections TypeORM pools, reached through its public query runner.
 */
describe('queryPrepared', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = process.env['DATABASE_URL'];
    if (!url) throw new Error('DATABASE_URL is not set: system tests run under the system jest project.');
    // One connection, so the session that prepared the statement is the one asked about it afterwards.
    dataSource = createDataSource({ url, poolSize: 1, applicationName: 'aiparksit-prepared-test' });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('answers the rows of the statement, as dataSource.query would', async () => {
    const text = `SELECT n AS "value", $1::text AS "label" FROM generate_series(1, $2::int) AS n ORDER BY n`;
    const rows = await queryPrepared<{ value: number; label: string }>(dataSource, text, ['x', 3]);
    expect(rows).toEqual(await dataSource.query(text, ['x', 3]));
  });

  it('prepares the statement once on the pooled connection and reuses it for later calls', async () => {
    const text = `SELECT count(*)::int AS "count" FROM generate_series(1, $1::int)`;
    await queryPrepared(dataSource, text, [5]);
    await queryPrepared(dataSource, text, [7]);
    const prepared: { name: string; calls: string }[] = await dataSource.query(
      `SELECT name, generic_plans + custom_plans AS calls FROM pg_prepared_statements WHERE statement = $1`,
      [text],
    );
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toMatch(/^aip_/);
    expect(Number(prepared[0]!.calls)).toBe(2);
  });

  it('hands the connection back to the pool after a failing statement', async () => {
    await expect(queryPrepared(dataSource, `SELECT 1 / $1::int`, [0])).rejects.toMatchObject({ code: '22012' });
    await expect(queryPrepared<{ one: number }>(dataSource, `SELECT 1 AS one`, [])).resolves.toEqual([{ one: 1 }]);
  });
});
