// `npm start`: install if needed, build, then run API + SPA + WebSocket on one port. Without
// DATABASE_URL an embedded PostgreSQL starts with its data under .data/, and the demo data is
// loaded into an empty database.
import { resolve } from 'node:path';
import { API_DIST, build, ensureInstalled, runNode, step } from './lib.mjs';

ensureInstalled();
build();
step('Starting AIParksit…');
const env = { LOAD_DEMO_DATA: process.env.LOAD_DEMO_DATA ?? 'true' };
process.exit(await runNode(resolve(API_DIST, 'main.js'), [], env));
