import { AppConfig, ConfigError } from '../config/index.js';
import { resolveDatabase, type DatabaseTarget, createDataSource, runMigrations } from '../database/index.js';
import type { DataSource } from 'typeorm';

/**
 * Shared frame of the command-line tools (migrate, seed): validated config, the database
 * (embedded when DATABASE_URL is unset), migrations applied, and a clean stop either way.
 */
export async function withMigratedDatabase(task: (dataSource: DataSource, config: AppConfig) => Promise<void>): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let target: DatabaseTarget | undefined;
  let dataSource: DataSource | undefined;
  try {
    target = await resolveDatabase(config, (m) => console.log(m));
    dataSource = createDataSource({ url: target.url, poolSize: 4, applicationName: 'aiparksit-cli' });
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Schema is up to date.');
    await task(dataSource, config);
  } finally {
    await dataSource?.destroy().catch(() => undefined);
    await target?.embedded?.stop();
  }
}
