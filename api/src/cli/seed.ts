import 'reflect-metadata';
import { DatabaseNotEmptyError, parseSeedArguments, runSeed, SEED_USAGE, SeedUsageError, type SeedOptions } from '../seed/index.js';
import { withMigratedDatabase } from './run.js';

// `npm run seed -- --scale small|large [--reset] [--seed n] [--anchor YYYY-MM-DD]`
function readOptions(): SeedOptions {
  try {
    return parseSeedArguments(process.argv.slice(2), new Date());
  } catch (error) {
    if (!(error instanceof SeedUsageError)) throw error;
    console.error(`${error.message}\n\n${SEED_USAGE}`);
    process.exit(2);
  }
}

const options = readOptions();
await withMigratedDatabase(async (dataSource) => {
  await runSeed(dataSource, options, (message) => console.log(message));
}).catch((error: unknown) => {
  // Refusing a non-empty database is an answer, not a crash: no stack trace for it.
  if (error instanceof DatabaseNotEmptyError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
