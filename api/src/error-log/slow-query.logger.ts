import type { Logger as TypeOrmLogger } from 'typeorm';
import { ERROR_TYPES, type ErrorLog } from '../common/errors/index.js';

/**
 * TypeORM's logger, kept for one thing: statements slower than `maxQueryExecutionTime`
 * (SLOW_QUERY_MS) become `PostgreSQL` / `Slow query` errors, grouped by their normalised text
 * (literals and parameter lists replaced), with their duration and, through the request context,
 * the request and route that ran them. Everything else TypeORM would log is dropped here: failed
 * statements reach the error filter as what they are (a 409, a 503, a 500).
 */
export class SlowQueryLogger implements TypeOrmLogger {
  constructor(private readonly errorLog: ErrorLog) {}

  logQuerySlow(time: number, query: string): void {
    this.errorLog.record({ service: 'PostgreSQL', type: ERROR_TYPES.slowQuery, message: query, durationMs: time, groupByMessageAsIs: true });
  }

  logQuery(): void {}
  logQueryError(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
