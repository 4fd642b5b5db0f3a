// The baseline of `npm run bench:overhead`: a bare Fastify handler (no logger, no hooks) answering
// GET /api/auth/me with the body the full stack gave for it, serialised per request as Fastify
// does by default. What the full stack adds to a trivial request is measured against this.
// Env: PORT, BENCH_BODY (the JSON body).
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from '../lib.mjs';

const requireApi = createRequire(resolve(ROOT, 'api/package.json'));
const Fastify = requireApi('fastify');
const body = JSON.parse(process.env.BENCH_BODY ?? '{}');

const app = Fastify({ logger: false });
app.get('/api/auth/me', async () => body);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
