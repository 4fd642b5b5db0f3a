// `npm run seed -- --scale small|large [--reset] [--seed n] [--anchor YYYY-MM-DD]`: deterministic
// demo or benchmark data in DATABASE_URL, or in the embedded PostgreSQL. Arguments pass through.
import { resolve } from 'node:path';
import { API_DIST, build, ensureInstalled, runNode, step } from './lib.mjs';

ensureInstalled();
build();
step(`Seeding${process.argv.length > 2 ? ` (${process.argv.slice(2).join(' ')})` : ''}…`);
process.exit(await runNode(resolve(API_DIST, 'cli/seed.js'), process.argv.slice(2)));
