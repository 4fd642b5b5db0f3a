import { MemoryThrottlerStorage } from '../../src/security/memory-throttler-storage.js';
import { RedisThrottlerStorage } from '../../src/security/redis-throttler-storage.js';
import { freePort } from '../support/system.mjs';
import { redisUnavailableReason, startRedis, type RunningRedis } from './redis-server.js';

const skipReason = redisUnavailableReason();
if (skipReason) console.warn(skipReason);
const describeWithRedis = skipReason ? describe.skip : describe;

describeWithRedis('RedisThrottlerStorage on a real Redis', () => {
  let redis: RunningRedis;
  const storages: RedisThrottlerStorage[] = [];
  const storageOn = async (
    url: string,
    {
      warn = () => undefined,
      keyPrefix = `test:${Math.random()}:`,
      reachable = true,
    }: { warn?: (m: string) => void; keyPrefix?: string; reachable?: boolean } = {},
  ) => {
    const storage = new RedisThrottlerStorage({ url, fallback: new MemoryThrottlerStorage({ maxKeys: 100 }), warn, keyPrefix });
    storages.push(storage);
    if (reachable) expect(await storage.waitUntilReady(5000)).toBe(true);
    return storage;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(storages.map((s) => s.close()));
    await redis?.stop();
  });

  it('counts concurrent hits exactly, one atomic script per hit', async () => {
    const storage = await storageOn(redis.url, { keyPrefix: 'concurrent:' });
    const records = await Promise.all(Array.from({ length: 50 }, () => storage.increment('long:ip:198.51.100.1', 60_000, 30, 60_000, 'long')));
    const allowed = records.filter((r) => !r.isBlocked);
    expect(allowed).toHaveLength(30);
    expect(allowed.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // Counted in Redis, not in the in-memory fallback: another client of the same Redis sees the count.
    const other = await storageOn(redis.url, { keyPrefix: 'concurrent:' });
    expect((await other.increment('long:ip:198.51.100.1', 60_000, 30, 60_000, 'long')).isBlocked).toBe(true);
  });

  it('answers a blocked hit with the block time left, and keeps blocking', async () => {
    const storage = await storageOn(redis.url);
    for (let i = 0; i < 3; i++) expect((await storage.increment('auth:ip:198.51.100.2', 60_000, 3, 120_000, 'auth')).isBlocked).toBe(false);
    const over = await storage.increment('auth:ip:198.51.100.2', 60_000, 3, 120_000, 'auth');
    expect(over).toMatchObject({ isBlocked: true, timeToBlockExpire: 120 });
    const still = await storage.increment('auth:ip:198.51.100.2', 60_000, 3, 120_000, 'auth');
    expect(still.isBlocked).toBe(true);
    expect(still.timeToBlockExpire).toBeGreaterThan(100);
  });

  it('shares counters between two storages on the same Redis, as two API instances do', async () => {
    const a = await storageOn(redis.url, { keyPrefix: 'shared:' });
    const b = await storageOn(redis.url, { keyPrefix: 'shared:' });
    await a.increment('short:ip:198.51.100.3', 60_000, 2, 60_000, 'short');
    await b.increment('short:ip:198.51.100.3', 60_000, 2, 60_000, 'short');
    expect((await a.increment('short:ip:198.51.100.3', 60_000, 2, 60_000, 'short')).isBlocked).toBe(true);
  });

  it('counts in memory and warns when Redis does not answer, instead of failing the request', async () => {
    const warnings: string[] = [];
    const storage = await storageOn(`redis://127.0.0.1:${await freePort()}`, { warn: (m) => warnings.push(m), reachable: false });
    const records = [];
    for (let i = 0; i < 3; i++) records.push(await storage.increment('short:ip:198.51.100.4', 60_000, 2, 60_000, 'short'));
    expect(records.map((r) => r.isBlocked)).toEqual([false, false, true]);
    expect(warnings.length).toBeGreaterThanOrEqual(1);
  });
});
