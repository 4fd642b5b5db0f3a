import { MemoryHarvestStore } from './memory-harvest-store.js';
import type { ReadRule } from './harvest-store.js';

const rule: ReadRule = { windowMs: 60_000, limit: 3, blockMs: 300_000 };
const store = (maxEntries = 10_000, maxBlockedClients = 1000) => new MemoryHarvestStore({ maxEntries, maxBlockedClients });

describe('MemoryHarvestStore', () => {
  describe('distinct reads in a sliding window', () => {
    it('counts each distinct item once, however often it is read again', () => {
      const s = store();
      for (let i = 0; i < 10; i++) s.recordReadsNow('anon:a', ['facility:1'], rule, 1000 + i);
      expect(s.recordReadsNow('anon:a', ['facility:2'], rule, 2000)).toEqual({ blocked: false, distinct: 2 });
    });

    it('refuses the read that takes a client past its limit and blocks it for the block time', () => {
      const s = store();
      for (let i = 1; i <= 3; i++) expect(s.recordReadsNow('anon:a', [`facility:${i}`], rule, 1000).blocked).toBe(false);
      expect(s.recordReadsNow('anon:a', ['facility:4'], rule, 1000)).toEqual({ blocked: true, reason: 'threshold', blockLeftMs: 300_000, started: true });
      expect(s.recordReadsNow('anon:a', ['facility:1'], rule, 61_000)).toEqual({ blocked: true, reason: 'threshold', blockLeftMs: 240_000, started: false });
    });

    it('forgets reads older than the window, so a slow reader is never blocked', () => {
      const s = store();
      for (let i = 0; i < 100; i++) {
        expect(s.recordReadsNow('anon:slow', [`facility:${i}`], rule, i * 20_001).blocked).toBe(false);
      }
    });

    it('slides: a read re-read late stays in the window from its last read', () => {
      const s = store();
      s.recordReadsNow('c', ['a'], rule, 0);
      s.recordReadsNow('c', ['b'], rule, 10_000);
      s.recordReadsNow('c', ['a'], rule, 50_000);
      // At 75 s, b (read at 10 s) has left the window, a (re-read at 50 s) has not.
      expect(s.recordReadsNow('c', ['c'], rule, 75_000)).toEqual({ blocked: false, distinct: 2 });
    });

    it('counts several reads at once, and blocks when together they pass the limit', () => {
      const s = store();
      expect(s.recordReadsNow('c', ['page:1', 'facility:1', 'facility:2'], rule, 0)).toEqual({ blocked: false, distinct: 3 });
      expect(s.recordReadsNow('c', ['page:2', 'facility:1', 'facility:2'], rule, 0)).toMatchObject({ blocked: true, started: true });
    });

    it('keeps clients apart', () => {
      const s = store();
      for (let i = 0; i < 3; i++) s.recordReadsNow('anon:a', [`facility:${i}`], rule, 0);
      expect(s.recordReadsNow('anon:b', ['facility:0'], rule, 0)).toEqual({ blocked: false, distinct: 1 });
    });

    it('starts a fresh window once the block is over', () => {
      const s = store();
      for (let i = 0; i < 4; i++) s.recordReadsNow('c', [`facility:${i}`], rule, 0);
      expect(s.recordReadsNow('c', ['facility:9'], rule, 300_000)).toEqual({ blocked: false, distinct: 1 });
    });
  });

  describe('block', () => {
    it('blocks at once, and keeps a running block as it is', () => {
      const s = store();
      expect(s.blockNow('c', 'canary', 1000, 0)).toEqual({ reason: 'canary', blockLeftMs: 1000, started: true });
      expect(s.blockNow('c', 'threshold', 5000, 400)).toEqual({ reason: 'canary', blockLeftMs: 600, started: false });
      expect(s.recordReadsNow('c', ['x'], rule, 500)).toMatchObject({ blocked: true, reason: 'canary', started: false });
      expect(s.recordReadsNow('c', ['x'], rule, 1000)).toEqual({ blocked: false, distinct: 1 });
    });
  });

  describe('lift', () => {
    it('ends a running block and forgets the reads, so the client starts afresh', () => {
      const s = store();
      s.recordReadsNow('c', ['a', 'b', 'c'], rule, 0);
      expect(s.recordReadsNow('c', ['d'], rule, 1)).toMatchObject({ blocked: true, started: true });
      expect(s.liftNow('c', 2)).toBe(true);
      expect(s.recordReadsNow('c', ['e'], rule, 3)).toEqual({ blocked: false, distinct: 1 });
      expect(s.liftNow('c', 4)).toBe(false);
    });

    it('with startedBefore, ends only a block that started before it (a lift made on another instance)', () => {
      const s = store();
      s.blockNow('c', 'canary', 10_000, 100);
      expect(s.liftNow('c', 200, 100)).toBe(false);
      expect(s.recordReadsNow('c', ['x'], rule, 300)).toMatchObject({ blocked: true });
      expect(s.liftNow('c', 400, 101)).toBe(true);
      expect(s.recordReadsNow('c', ['x'], rule, 500)).toEqual({ blocked: false, distinct: 1 });
    });
  });

  describe('stats', () => {
    it('counts blocks by reason, the clients blocked now and the last block time', () => {
      const s = store();
      s.blockNow('a', 'canary', 1000, 100);
      for (let i = 0; i < 4; i++) s.recordReadsNow('b', [`facility:${i}`], rule, 200);
      s.recordReadsNow('b', ['facility:9'], rule, 300); // refused during the block: not a new block
      expect(s.statsNow(500)).toEqual({ blocksByReason: { threshold: 1, canary: 1 }, clientsBlocked: 2, lastBlockAt: new Date(200) });
      expect(s.statsNow(1100).clientsBlocked).toBe(1);
    });

    it('starts empty', () => {
      expect(store().statsNow(0)).toEqual({ blocksByReason: { threshold: 0, canary: 0 }, clientsBlocked: 0, lastBlockAt: null });
    });
  });

  describe('bounded memory', () => {
    it('forgets the least recently seen clients when the reads exceed the cap', () => {
      const s = store(1000);
      const wide: ReadRule = { windowMs: 60_000, limit: 100, blockMs: 1000 };
      for (let i = 0; i < 50; i++) s.recordReadsNow('steady', [`facility:${i}`], wide, 0);
      for (let c = 0; c < 5000; c++) {
        s.recordReadsNow(`flood-${c}`, ['page:1'], wide, 0);
        if (c % 100 === 0) s.recordReadsNow('steady', ['facility:0'], wide, 0);
      }
      expect(s.size).toBeLessThanOrEqual(1000);
      // The steady reader kept its reads: 50 more take it past its limit of 100.
      for (let i = 50; i < 100; i++) s.recordReadsNow('steady', [`facility:${i}`], wide, 0);
      expect(s.recordReadsNow('steady', ['facility:100'], wide, 0).blocked).toBe(true);
    });

    it('keeps no more blocks than its cap', () => {
      const s = store(10_000, 10);
      for (let c = 0; c < 100; c++) s.blockNow(`c-${c}`, 'canary', 60_000, 0);
      expect(s.statsNow(1).clientsBlocked).toBe(10);
    });

    it('refuses caps that are not positive whole numbers', () => {
      expect(() => new MemoryHarvestStore({ maxEntries: 0, maxBlockedClients: 1 })).toThrow(RangeError);
    });
  });
});
