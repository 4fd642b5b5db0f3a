// The baseline of `npm run bench:marketplace`: the marketplace's own SQL (the built
// MarketplaceRepository, unchanged) behind a bare Fastify route and a plain pg pool: no Nest,
// no guards, no validation, no quotes. What the full stack adds is measured against this.
// Env: DATABASE_URL, PORT, DB_POOL_SIZE.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { API_DIST, ROOT } from '../lib.mjs';

const requireApi = createRequire(resolve(ROOT, 'api/package.json'));
const Fastify = requireApi('fastify');
const pg = requireApi('pg');
const { MarketplaceRepository } = await import(pathToFileURL(resolve(API_DIST, 'facilities/marketplace.repository.js')).href);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10), options: '-c timezone=UTC' });
// The repository takes a pooled connection through TypeORM's query runner (connect, release):
// here, the same two calls straight on a plain pg pool.
const dataSource = {
  createQueryRunner() {
    let client;
    return {
      connect: async () => (client = await pool.connect()),
      release: async () => client?.release(),
    };
  },
};
const repository = new MarketplaceRepository(dataSource);

const app = Fastify({ logger: false });
app.get('/api/proxy/marketplace', async (request) => {
  const q = request.query;
  const window = q.start ? { start: new Date(q.start), end: new Date(q.end) } : { start: new Date(), end: new Date(Date.now() + 60_000) };
  const filters = {
    area: { kind: 'point', lat: Number(q.lat), lng: Number(q.lng), radiusMeters: Number(q.radius ?? 5000) },
    spaceType: q.spaceType ?? 'standard',
    amenities: [],
    window,
  };
  const limit = Number(q.limit ?? 20);
  const rows = await repository.page(filters, 'distance', undefined, limit + 1);
  return { results: rows.slice(0, limit), nextCursor: null };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
