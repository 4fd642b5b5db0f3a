/** The database: where it is (embedded or `DATABASE_URL`), the TypeORM data source and migrations, transactions. */
export { createDataSource, dataSourceOptions, runMigrations, type DatabaseOptions } from './data-source.js';
export { resolveDatabase, type DatabaseTarget } from './database-lifecycle.js';
export { SqlTransaction, withTransaction } from './transaction.js';
export { queryPrepared, runPrepared } from './prepared.js';
export { changedRows } from './changed-rows.js';
export { SQLSTATE, postgresErrorOf, isUniqueViolation, isCheckViolation, isExclusionViolation, type PostgresErrorFields } from './postgres-errors.js';
export { NotificationListener, type NotificationListenerOptions } from './notification-listener.js';
