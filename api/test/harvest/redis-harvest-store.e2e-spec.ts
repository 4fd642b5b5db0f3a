import type pg from 'pg';
import { MemoryHarvestStore } from '../../src/harvest/memory-harvest-store.js';
import { RedisHarvestStore } from '../../src/harvest/redis-harvest-store.js';
import type { ReadRule } from '../../src/harvest/harvest-store.js';
import { testPool, unique } from '../support/db.js';
import { createFacility, createOperator, type TestFacility } from '../support/facility-factories.js';
import { freePort, startApiServer, type RunningApi } from '../support/system.mjs';
import { redisUnavailableReason, startRedis, type RunningRedis } from '../security/redis-server.js';
import { BROWSER, clientOf } from './harvest-client.js';

const skipReason = redisUnavailableReason();
if (skipReason) console.warn(skipReason);
const describeWithRedis = skipReason ? describe.skip : describe;

const rule: ReadRule = { windowMs: 60_000, limit: 30, blockMs: 120_000 };

describeWithRedis('harvest guard on a real Redis', () => {
  let redis: RunningRedis;
  const stores: RedisHarvestStore[] = [];
  const storeOn = async (
    url: string,
    {
      keyPrefix = `test:${Math.random()}:`,
      reachable = true,
      warn = (): void => undefined,
    }: { keyPrefix?: string; reachable?: boolean; warn?: (m: string) => void } = {},
  ) => {
    const store = new RedisHarvestStore({ url, keyPrefix, warn, fallback: new MemoryHarvestStore({ maxEntries: 1000, maxBlockedClients: 100 }) });
    stores.push(store);
    if (reachable) expect(await store.waitUntilReady(5000)).toBe(true);
    return store;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await redis?.stop();
  });

  describe('RedisHarvestStore', () => {
    it('counts concurrent reads of distinct items exactly, and starts one block', async () => {
      const store = await storeOn(redis.url);
      const verdicts = await Promise.all(Array.from({ length: 50 }, (_, i) => store.recordReads('anon:a', [`facility:${i}`], rule, 1_000_000)));
      expect(verdicts.filter((v) => !v.blocked)).toHaveLength(30);
      expect(verdicts.filter((v) => v.blocked && v.started)).toHaveLength(1);
      expect((await store.stats(1_000_001)).blocksByReason).toEqual({ threshold: 1, canary: 0 });
    });

    it('counts a re-read once, and forgets reads that have left the window', async () => {
      const store = await storeOn(redis.url);
      await store.recordReads('c', ['a', 'b'], rule, 0);
      expect(await store.recordReads('c', ['a'], rule, 30_000)).toEqual({ blocked: false, distinct: 2 });
      // At 70 s, b (read at 0 s) has left the window; a (re-read at 30 s) has not.
      expect(await store.recordReads('c', ['z'], rule, 70_000)).toEqual({ blocked: false, distinct: 2 });
    });

    it('blocks at once for a canary, keeps a running block, and reports it in the stats', async () => {
      const store = await storeOn(redis.url);
      expect(await store.block('anon:b', 'canary', 120_000, 5_000_000)).toEqual({ reason: 'canary', blockLeftMs: 120_000, started: true });
      const again = await store.block('anon:b', 'threshold', 600_000, 5_000_000);
      expect(again).toMatchObject({ reason: 'canary', started: false });
      expect(await store.recordReads('anon:b', ['x'], rule, 5_000_001)).toMatchObject({ blocked: true, reason: 'canary', started: false });
      expect(await store.stats(5_000_001)).toEqual({ blocksByReason: { threshold: 0, canary: 1 }, clientsBlocked: 1, lastBlockAt: new Date(5_000_000) });
    });

    it('shares reads and blocks between two stores on one Redis, as two API instances do', async () => {
      const a = await storeOn(redis.url, { keyPrefix: 'shared-harvest:' });
      const b = await storeOn(redis.url, { keyPrefix: 'shared-harvest:' });
      const tight: ReadRule = { windowMs: 60_000, limit: 2, blockMs: 60_000 };
      await a.recordReads('anon:c', ['facility:1'], tight, 0);
      await b.recordReads('anon:c', ['facility:2'], tight, 0);
      expect(await a.recordReads('anon:c', ['facility:3'], tight, 0)).toMatchObject({ blocked: true, started: true });
      expect(await b.recordReads('anon:c', ['facility:1'], tight, 1)).toMatchObject({ blocked: true, started: false });
    });

    it("lifts a block for every store on the Redis at once, and forgets the client's reads (an admin's lift)", async () => {
      const a = await storeOn(redis.url, { keyPrefix: 'lift-harvest:' });
      const b = await storeOn(redis.url, { keyPrefix: 'lift-harvest:' });
      const tight: ReadRule = { windowMs: 60_000, limit: 1, blockMs: 60_000 };
      await a.recordReads('anon:e', ['facility:1'], tight, 0);
      expect(await a.recordReads('anon:e', ['facility:2'], tight, 0)).toMatchObject({ blocked: true, started: true });
      expect(await b.lift('anon:e', 1)).toBe(true);
      expect(await a.recordReads('anon:e', ['facility:3'], tight, 2)).toEqual({ blocked: false, distinct: 1 });
      expect(await b.lift('anon:e', 3)).toBe(false);
      expect((await a.stats(4)).clientsBlocked).toBe(0);
    });

    it('counts in memory and warns when Redis does not answer, instead of failing the request', async () => {
      const warnings: string[] = [];
      const store = await storeOn(`redis://127.0.0.1:${await freePort()}`, { reachable: false, warn: (m) => warnings.push(m) });
      const tight: ReadRule = { windowMs: 60_000, limit: 1, blockMs: 60_000 };
      expect((await store.recordReads('anon:d', ['facility:1'], tight, 0)).blocked).toBe(false);
      expect((await store.recordReads('anon:d', ['facility:2'], tight, 0)).blocked).toBe(true);
      expect((await store.stats(1)).clientsBlocked).toBe(1);
      expect(warnings.length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('two API instances with REDIS_URL', () => {
    let pool: pg.Pool;
    let facilities: TestFacility[];
    const apis: RunningApi[] = [];

    beforeAll(async () => {
      pool = testPool();
      const operator = await createOperator(pool);
      const city = unique('Redisburg');
      facilities = [];
      for (let i = 0; i < 6; i++) facilities.push(await createFacility(pool, operator, { city }));
      const env = {
        DATABASE_URL: process.env['DATABASE_URL'],
        REDIS_URL: redis.url,
        TRUST_PROXY: '127.0.0.1',
        HARVEST_LIMIT_ANONYMOUS: '4',
        HARVEST_BLOCK_MS: '600000',
      };
      apis.push(...(await Promise.all([startApiServer(env), startApiServer(env)])));
    });
    afterAll(async () => {
      await Promise.all(apis.map((api) => api.stop()));
      await pool?.end();
    });

    it('counts a client across instances and refuses it on both once it passes the limit', async () => {
      const [a, b] = apis.map((api) => clientOf(api.url, '198.51.100.60', BROWSER));
      await a!.facility(facilities[0]!.id).expect(200);
      await b!.facility(facilities[1]!.id).expect(200);
      await a!.facility(facilities[2]!.id).expect(200);
      await b!.facility(facilities[3]!.id).expect(200);
      const refused = await a!.facility(facilities[4]!.id).expect(429);
      expect(refused.headers['retry-after']).toBe('600');
      await b!.facility(facilities[0]!.id).expect(429);
      // Another client through either instance is unaffected.
      await clientOf(apis[1]!.url, '198.51.100.61', BROWSER).facility(facilities[0]!.id).expect(200);
    });
  });
});
