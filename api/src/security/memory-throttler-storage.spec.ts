import { jest } from '@jest/globals';
import { MemoryThrottlerStorage } from './memory-throttler-storage.js';

/** A storage on a clock the test moves by hand. */
function storageAt(start = 1_000_000, maxKeys = 1000) {
  const clock = { now: start };
  const storage = new MemoryThrottlerStorage({ maxKeys, now: () => clock.now });
  return { storage, clock };
}

async function hitTimes(storage: MemoryThrottlerStorage, key: string, times: number, ttl = 1000, limit = 3, block = ttl) {
  let last;
  for (let i = 0; i < times; i++) last = await storage.increment(key, ttl, limit, block, 'short');
  return last!;
}

describe('MemoryThrottlerStorage', () => {
  describe('window', () => {
    it('counts hits up to the limit without blocking', async () => {
      const { storage } = storageAt();
      const third = await hitTimes(storage, 'short:ip:1.2.3.4', 3);
      expect(third).toEqual({ totalHits: 3, timeToExpire: 1, isBlocked: false, timeToBlockExpire: 0 });
    });

    it('blocks the hit after the limit', async () => {
      const { storage } = storageAt();
      const fourth = await hitTimes(storage, 'short:ip:1.2.3.4', 4);
      expect(fourth.isBlocked).toBe(true);
      expect(fourth.totalHits).toBe(4);
      expect(fourth.timeToBlockExpire).toBe(1);
    });

    it('starts a fresh window once the window has passed', async () => {
      const { storage, clock } = storageAt();
      await hitTimes(storage, 'k', 3, 60_000);
      clock.now += 60_000;
      const next = await storage.increment('k', 60_000, 3, 60_000, 'long');
      expect(next).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    });

    it('reports the time left in the window in whole seconds, rounded up', async () => {
      const { storage, clock } = storageAt();
      await storage.increment('k', 60_000, 3, 60_000, 'long');
      clock.now += 30_500;
      const second = await storage.increment('k', 60_000, 3, 60_000, 'long');
      expect(second.timeToExpire).toBe(30);
      clock.now += 100;
      expect((await storage.increment('k', 60_000, 3, 60_000, 'long')).timeToExpire).toBe(30);
    });

    it('keeps separate counts for separate keys', async () => {
      const { storage } = storageAt();
      await hitTimes(storage, 'a', 3);
      const b = await storage.increment('b', 1000, 3, 1000, 'short');
      expect(b.totalHits).toBe(1);
    });
  });

  describe('block', () => {
    it('keeps a blocked key blocked for the whole block duration, even after its window', async () => {
      const { storage, clock } = storageAt();
      await hitTimes(storage, 'k', 4, 1000, 3, 10_000);
      clock.now += 5_000;
      const during = await storage.increment('k', 1000, 3, 10_000, 'auth');
      expect(during.isBlocked).toBe(true);
      expect(during.timeToBlockExpire).toBe(5);
    });

    it('does not count hits while blocked, and starts afresh when the block ends', async () => {
      const { storage, clock } = storageAt();
      await hitTimes(storage, 'k', 4, 1000, 3, 10_000);
      for (let i = 0; i < 50; i++) await storage.increment('k', 1000, 3, 10_000, 'auth');
      clock.now += 10_000;
      const after = await storage.increment('k', 1000, 3, 10_000, 'auth');
      expect(after).toEqual({ totalHits: 1, timeToExpire: 1, isBlocked: false, timeToBlockExpire: 0 });
    });

    it('without a block duration, refuses until the window ends and says so in timeToBlockExpire', async () => {
      const { storage, clock } = storageAt();
      await hitTimes(storage, 'k', 3, 4000, 3, 0);
      clock.now += 1000;
      const over = await storage.increment('k', 4000, 3, 0, 'short');
      expect(over).toMatchObject({ isBlocked: true, timeToBlockExpire: 3 });
      clock.now += 3000;
      expect((await storage.increment('k', 4000, 3, 0, 'short')).isBlocked).toBe(false);
    });

    it('never answers a blocked hit with "retry after 0 seconds"', async () => {
      const { storage, clock } = storageAt();
      await hitTimes(storage, 'k', 4, 1000, 3, 1000);
      clock.now += 999;
      expect((await storage.increment('k', 1000, 3, 1000, 'short')).timeToBlockExpire).toBe(1);
    });
  });

  describe('bounded memory', () => {
    it('forgets the least recently seen key first when the cap is reached', async () => {
      const { storage } = storageAt(0, 3);
      await hitTimes(storage, 'a', 2, 60_000);
      await hitTimes(storage, 'b', 2, 60_000);
      await hitTimes(storage, 'c', 2, 60_000);
      await storage.increment('a', 60_000, 3, 60_000, 'long'); // a is now the most recent
      await storage.increment('d', 60_000, 3, 60_000, 'long'); // evicts b
      expect(storage.size).toBe(3);
      expect((await storage.increment('a', 60_000, 3, 60_000, 'long')).totalHits).toBe(4);
      expect((await storage.increment('c', 60_000, 3, 60_000, 'long')).totalHits).toBe(3);
      expect((await storage.increment('b', 60_000, 3, 60_000, 'long')).totalHits).toBe(1);
    });

    it('keeps a client that keeps hitting while a flood of new keys passes through', async () => {
      const { storage } = storageAt(0, 100);
      await hitTimes(storage, 'steady', 3, 60_000, 3, 60_000);
      for (let i = 0; i < 1000; i++) {
        await storage.increment(`flood-${i}`, 60_000, 3, 60_000, 'long');
        if (i % 50 === 0) await storage.increment('steady', 60_000, 3, 60_000, 'long');
      }
      expect((await storage.increment('steady', 60_000, 3, 60_000, 'long')).isBlocked).toBe(true);
    });

    it('tracks no more than the cap after 200,000 distinct keys', async () => {
      const { storage } = storageAt(0, 10_000);
      for (let i = 0; i < 200_000; i++) storage.hit(`short:ip:10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}-${i}`, 60_000, 20, 60_000);
      expect(storage.size).toBe(10_000);
    });

    it('starts no timer, per hit or otherwise', async () => {
      jest.useFakeTimers();
      try {
        const storage = new MemoryThrottlerStorage({ maxKeys: 100 });
        for (let i = 0; i < 500; i++) await storage.increment(`k-${i % 150}`, 1000, 3, 1000, 'short');
        expect(jest.getTimerCount()).toBe(0);
      } finally {
        jest.useRealTimers();
      }
    });

    it('refuses a cap that is not a positive whole number', () => {
      expect(() => new MemoryThrottlerStorage({ maxKeys: 0 })).toThrow(RangeError);
    });
  });
});
