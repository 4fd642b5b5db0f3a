import type { AppConfig } from '../config/index.js';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';

export interface DatabaseTarget {
  url: string;
  embedded: RunningPostgres | null;
}

/**
 * The configured PostgreSQL, or an embedded one when DATABASE_URL is unset. `ownProcessGroup`:
 * the caller stops the embedded server itself on SIGINT/SIGTERM (see startEmbeddedPostgres).
 */
export async function resolveDatabase(config: AppConfig, log: (message: string) => void, options: { ownProcessGroup?: boolean } = {}): Promise<DatabaseTarget> {
  if (config.values.databaseUrl) return { url: config.values.databaseUrl, embedded: null };
  const dataDir = config.projectPath(config.values.embeddedPgDir);
  log(`Starting embedded PostgreSQL (data in ${dataDir}, port ${config.values.embeddedPgPort})…`);
  const embedded = await startEmbeddedPostgres({ dataDir, port: config.values.embeddedPgPort, onNotice: log, ...options });
  return { url: embedded.url, embedded };
}
