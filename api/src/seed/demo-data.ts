import type { DataSource } from 'typeorm';
import { runSeed } from './seed-runner.js';
import { DEFAULT_SEED, todayUtc } from './seed-options.js';

/** Loads the small demo data set when the database has no users yet (what `npm start` shows). */
export async function prepareDemoData(dataSource: DataSource, say: (m: string) => void): Promise<void> {
  const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM users')) as [{ count: number }];
  if (count > 0) return;
  say('Empty database: loading the small demo data set…');
  await runSeed(dataSource, { scale: 'small', seed: DEFAULT_SEED, reset: false, anchor: todayUtc(new Date()) }, say);
}
