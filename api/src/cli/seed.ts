import 'reflect-metadata';
import { DatabaseNotEmptyError, parseSeedArguments, runSeed, SEED_USAGE, SeedUsageError } from '../seed/index.js';
import { withMigratedDatabase } from './run.js';

// `npm run seed -- --scale small|large [--reset] [--seed n] [--anchor YYYY-MM-DD]`
let options;
try {
  options = parseSeedArguments(process.argv.slice(2), new Date());
} catch (error) {
  if (!(error instanceof SeedUsageError)) throw error;
  console.error(`${error.message}\n\n${SEED_USAGE}`);
  process.exit(2);
}
const seedOptions = options;

await withMigratedDatabase(async (dataSource) => {
  await runSeed(dataSource, seedOptions, (message) => console.log(message));
}).catch((error: unknown) => {
  console.error(error instanceof DatabaseNotEmptyError || !(error instanceof Error) ? String(error instanceof Error ? error.message : error) : (error.stack ?? error.message));
  process.exit(1);
});
