// `npm run seed -- --scale small|large [--reset] [--seed n] [--anchor YYYY-MM-DD]`: deterministic
// demo or benchmark data in DATABASE_URL, or in the embedded PostgreSQL. Arguments pass through.
import { resolve } from 'node:path';
import { API_DIST, build, ensureInstalled, runNode, step } from './lib.mjs';

ensureInstalled();
build();
step(`Seeding${process.argv.length > 2 ? ` (${process.argv.slice(2).join(' ')})` : ''}…`);
// The seed makes tens of millions of short-lived strings; a young generation of 512 MB (V8's
// default is 16 MB) collects them in far fewer scavenges: a large-scale booking costs ~23 µs
// to generate instead of ~36 µs.
process.exit(await runNode(resolve(API_DIST, 'cli/seed.js'), process.argv.slice(2), {}, ['--max-semi-space-size=512']));
