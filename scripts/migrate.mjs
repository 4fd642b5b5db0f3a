// `npm run migrate`: apply pending migrations to DATABASE_URL, or to the embedded PostgreSQL.
import { resolve } from 'node:path';
import { API_DIST, build, ensureInstalled, runNode, step } from './lib.mjs';

ensureInstalled();
build();
step('Applying migrations…');
process.exit(await runNode(resolve(API_DIST, 'cli/migrate.js')));
