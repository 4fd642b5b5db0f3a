import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SlowStatement } from '@aiparksit/shared';

/**
 * Reads the persistent error groups (`system_error_groups`, the error-log module's table) for the
 * figures the status snapshot shows. The table belongs to that module; until it exists these
 * read as nothing rather than failing the page.
 */
@Injectable()
export class SystemErrorsReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Critical groups (5xx, unhandled, failed deliveries) seen in the last 24 hours. */
  async criticalCount24h(): Promise<number> {
    if (!(await this.tableExists())) return 0;
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM system_error_groups WHERE critical AND last_at > now() - interval '24 hours'`,
    );
    return rows[0]?.count ?? 0;
  }

  /** The API's slow-query groups of the last hour, slowest first (when pg_stat_statements is not installed). */
  async slowStatementsLastHour(limit = 5): Promise<SlowStatement[]> {
    if (!(await this.tableExists())) return [];
    const rows: { message: string; count: number }[] = await this.dataSource.query(
      `SELECT left(message, 500) AS message, count
         FROM system_error_groups
        WHERE service = 'PostgreSQL' AND type = 'Slow query' AND last_at > now() - interval '1 hour'
        ORDER BY last_at DESC
        LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ query: row.message, calls: row.count, meanMs: 0, maxMs: 0, source: 'api' as const }));
  }

  /** The most recent groups of the last 24 hours, as stored (for the diagnostics file). */
  async recent(limit = 200): Promise<Record<string, unknown>[]> {
    if (!(await this.tableExists())) return [];
    return this.dataSource.query(`SELECT * FROM system_error_groups WHERE last_at > now() - interval '24 hours' ORDER BY last_at DESC LIMIT $1`, [limit]);
  }

  private async tableExists(): Promise<boolean> {
    const rows: { present: boolean }[] = await this.dataSource.query(`SELECT to_regclass('system_error_groups') IS NOT NULL AS present`);
    return rows[0]?.present === true;
  }
}
