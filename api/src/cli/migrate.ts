import 'reflect-metadata';
import { withMigratedDatabase } from './run.js';

await withMigratedDatabase(async () => undefined).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
