export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts.js';
export { prepareDemoData } from './demo-data.js';
export { runSeed, DatabaseNotEmptyError, SEEDED_TABLES, type SeedOptions, type SeedReport } from './seed-runner.js';
export { parseSeedArguments, SeedUsageError, SEED_USAGE, DEFAULT_SEED } from './seed-options.js';
export { SCALES, type ScaleName } from './scales.js';
