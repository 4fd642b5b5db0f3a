import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { migrations } from '../../../migrations/index.js';
import { entities } from './entities.js';

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  applicationName?: string;
  /** Statements slower than `thresholdMs` go to `logger.logQuerySlow` (the error log's slow queries); 0 turns it off. */
  slowQueries?: { thresholdMs: number; logger: Logger };
}

/** The one definition of how the API talks to PostgreSQL; `synchronize` is never on. */
export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // TypeORM would otherwise install extensions its entities hint at (uuid-ossp for uuid keys)
    // on every start; extensions are schema, and only migrations change the schema.
    installExtensions: false,
    logging: false,
    ...(options.slowQueries && options.slowQueries.thresholdMs > 0
      ? { logger: options.slowQueries.logger, maxQueryExecutionTime: options.slowQueries.thresholdMs }
      : {}),
    applicationName: options.applicationName ?? 'aiparksit-api',
    extra: {
      max: options.poolSize,
      // Connections are UTC so that timestamptz renders and parses the same everywhere.
      options: '-c timezone=UTC',
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    },
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}

/** Arbitrary but fixed: the advisory lock that lets one of N starting instances migrate. */
const MIGRATION_LOCK_KEY = 7_020_251_124;

/**
 * Applies pending migrations. Instances that start together wait on an advisory lock, so the
 * schema is migrated once and nobody serves requests against a half-migrated database.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
