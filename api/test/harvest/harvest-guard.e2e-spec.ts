import type pg from 'pg';
import request from 'supertest';
import { testPool, unique } from '../support/db.js';
import { createFacility, createOperator, type TestFacility } from '../support/facility-factories.js';
import { bearer, createApiKey, signedInUser } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { BROWSER, clientOf, CURL, windowTomorrow } from './harvest-client.js';
import { parseExposition } from '../telemetry/prometheus-text.js';

/**
 * The anti-harvesting guard over HTTP, on an API of its own with tight limits: per client, at
 * most this many distinct facilities (opened or shown in a page) and result pages in ten minutes.
 * Clients are told apart by the address a trusted proxy forwards.
 */
const LIMITS = {
  HARVEST_WINDOW_MS: '600000',
  HARVEST_LIMIT_ANONYMOUS: '20',
  HARVEST_LIMIT_SIGNED_IN: '60',
  HARVEST_LIMIT_API_KEY: '45',
  HARVEST_LIMIT_AUTOMATION: '6',
  HARVEST_BLOCK_MS: '1200000',
  HARVEST_CANARY_BLOCK_MS: '7200000',
  // The facilities module's own depth limit for anonymous paging is not what these tests are about.
  MARKETPLACE_ANON_MAX_PAGES: '1000',
};

const CATALOGUE_SIZE = 40;

describe('anti-harvesting guard', () => {
  let pool: pg.Pool;
  let api: RunningApi;
  let city: string;
  let facilities: TestFacility[];
  let canary: TestFacility;

  beforeAll(async () => {
    pool = testPool();
    city = unique('Harvestburg');
    const operator = await createOperator(pool);
    facilities = [];
    for (let i = 0; i < CATALOGUE_SIZE; i++) {
      facilities.push(await createFacility(pool, operator, { city, name: `Garage ${String(i).padStart(2, '0')}`, lat: 52.5 + i / 1000, lng: 13.4 }));
    }
    // Made before the API starts: it loads canary ids at start-up, then every HARVEST_CANARY_REFRESH_MS.
    canary = await createFacility(pool, operator, { city, name: 'Garage 99', isCanary: true, published: false });
    api = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'], TRUST_PROXY: '127.0.0.1', ...LIMITS });
  });
  afterAll(async () => {
    await api?.stop();
    await pool?.end();
  });

  describe('a scraper walking the catalogue', () => {
    it('is stopped with 429 and Retry-After once it has read HARVEST_LIMIT_ANONYMOUS facilities and pages', async () => {
      const scraper = clientOf(api.url, '198.51.100.10', BROWSER);
      const seen: string[] = [];
      const statuses: number[] = [];
      let cursor: string | null | undefined;
      // Walk the result pages, then open every facility found, until refused.
      do {
        const res = await scraper.catalogue({ city, limit: 3, ...(cursor ? { cursor } : {}) });
        statuses.push(res.status);
        if (res.status !== 200) break;
        seen.push(...(res.body.results as { id: string }[]).map((f) => f.id));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      for (const id of seen) {
        if (statuses.at(-1) === 429) break;
        statuses.push((await scraper.facility(id)).status);
      }

      // Five pages of three facilities are 20 reads; the sixth page would pass the limit.
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(seen).toHaveLength(15);

      const refused = await scraper.facility(facilities[0]!.id);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('1200');
      expect(refused.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringMatching(/Try again in 1200 seconds/),
        details: { code: 'harvesting_suspected', retryAfterSeconds: 1200 },
        requestId: refused.headers['x-request-id'],
      });
    });

    it('counts its refusals in GET /metrics as harvesting, apart from the rate limiter', async () => {
      const { samples } = parseExposition((await request(api.url).get('/metrics').expect(200)).text);
      const refused = (reason: string) => samples.find((s) => s.name === 'aiparksit_requests_refused_total' && s.labels['reason'] === reason)?.value;
      expect(refused('harvesting')).toBeGreaterThanOrEqual(2);
      expect(refused('rate_limit')).toBe(0);
    });

    it('logs the block once, with its request id and the client class', async () => {
      const scraper = clientOf(api.url, '198.51.100.11', BROWSER);
      const statuses: number[] = [];
      let blocked;
      for (let i = 0; i < 40 && blocked?.status !== 429; i++) {
        blocked = await scraper.marketplace({ limit: 1, radius: 2000, lat: 52.5, lng: 13.4 + i / 1000 });
        statuses.push(blocked.status);
      }
      expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);
      expect(blocked!.status).toBe(429);
      await scraper.facility(facilities[0]!.id).expect(429);
      const lines = api
        .output()
        .split('\n')
        .filter((line) => line.includes('"harvest"'))
        .map((line) => JSON.parse(line) as { reqId: string; harvest: Record<string, unknown> })
        .filter((entry) => entry.reqId === blocked!.headers['x-request-id']);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.harvest).toMatchObject({
        reason: 'threshold',
        clientClass: 'anonymous',
        route: '/api/proxy/marketplace',
        blockSeconds: 1200,
        limit: 20,
      });
      expect(api.output()).not.toContain('198.51.100.11');
    });
  });

  describe('a person browsing', () => {
    it('searches, pages, opens a few facilities and checks their availability without ever being refused', async () => {
      const { tokens } = await signedInUser(pool, api.url, 'driver');
      const person = clientOf(api.url, '198.51.100.20', { ...BROWSER, authorization: bearer(tokens) });
      const statuses: number[] = [];
      const morning = windowTomorrow(8, 3);
      const afternoon = windowTomorrow(14, 2);

      // A search for the city, then the same search with a window, then its second page.
      const first = await person.marketplace({ city });
      statuses.push(first.status);
      const windowed = await person.marketplace({ city, ...morning, sort: 'price' });
      statuses.push(windowed.status);
      statuses.push((await person.marketplace({ city, ...morning, sort: 'price', cursor: windowed.body.nextCursor as string })).status);
      const picks = (windowed.body.results as { facility: { id: string } }[]).slice(0, 5).map((r) => r.facility.id);
      expect(picks).toHaveLength(5);

      // Opens five, compares two windows for each, goes back to the first two, searches again.
      for (const id of picks) {
        statuses.push((await person.facility(id)).status);
        statuses.push((await person.availability(id, morning)).status);
        statuses.push((await person.availability(id, afternoon)).status);
      }
      for (const id of picks.slice(0, 2)) statuses.push((await person.facility(id)).status, (await person.availability(id, morning)).status);
      statuses.push((await person.marketplace({ city, ...morning, sort: 'price' })).status);

      expect(statuses).toHaveLength(23);
      expect(statuses.every((status) => status === 200)).toBe(true);
    });
  });

  describe('canary facilities', () => {
    it('answers the first read of a canary as a missing facility, then refuses the client for HARVEST_CANARY_BLOCK_MS', async () => {
      const scraper = clientOf(api.url, '198.51.100.30', BROWSER);
      await scraper.facility(facilities[1]!.id).expect(200);
      const trap = await scraper.facility(canary.id);
      expect(trap.status).toBe(404);
      const next = await scraper.facility(facilities[1]!.id);
      expect(next.status).toBe(429);
      expect(next.headers['retry-after']).toBe('7200');
      await scraper.marketplace({ city }).expect(429);
    });

    it('never shows a canary in honest result pages', async () => {
      const { tokens } = await signedInUser(pool, api.url, 'driver');
      const person = clientOf(api.url, '198.51.100.31', { ...BROWSER, authorization: bearer(tokens) });
      const res = await person.catalogue({ city, limit: 50 }).expect(200);
      expect((res.body.results as { id: string }[]).map((f) => f.id)).not.toContain(canary.id);
    });

    it('blocks only the client that read the canary', async () => {
      await clientOf(api.url, '198.51.100.32', BROWSER).facility(canary.id).expect(404);
      await clientOf(api.url, '198.51.100.33', BROWSER).facility(facilities[2]!.id).expect(200);
    });
  });

  describe('obvious automation without an API key', () => {
    it('gets HARVEST_LIMIT_AUTOMATION, lower than a browser from the same address', async () => {
      const tool = clientOf(api.url, '198.51.100.40', CURL);
      for (let i = 0; i < 6; i++) await tool.facility(facilities[i]!.id).expect(200);
      await tool.facility(facilities[6]!.id).expect(429);

      const browser = clientOf(api.url, '198.51.100.40', BROWSER);
      for (let i = 0; i < 10; i++) await browser.facility(facilities[i]!.id).expect(200);
    });

    it('counts a browser user agent without Accept-Language as automation too', async () => {
      const bare = clientOf(api.url, '198.51.100.41', { 'user-agent': BROWSER['user-agent'] });
      for (let i = 0; i < 6; i++) await bare.facility(facilities[i]!.id).expect(200);
      await bare.facility(facilities[6]!.id).expect(429);
    });
  });

  describe('API keys', () => {
    it('counts each key on its own quota of HARVEST_LIMIT_API_KEY, whatever its user agent or address', async () => {
      const { tokens } = await signedInUser(pool, api.url, 'operator');
      const [first, second] = [await createApiKey(api.url, tokens), await createApiKey(api.url, tokens)];
      const firstKey = clientOf(api.url, '198.51.100.50', { ...CURL, 'x-api-key': first.key });
      const secondKey = clientOf(api.url, '198.51.100.50', { ...CURL, 'x-api-key': second.key });

      // Every facility: past the anonymous and automation limits, within the key's own 45.
      for (const facility of facilities) await firstKey.facility(facility.id).expect(200);
      // Then result pages of facilities it has read already: each page is one more read.
      const pages: number[] = [];
      let cursor: string | undefined;
      while (pages.at(-1) !== 429 && pages.length < 20) {
        const res = await firstKey.catalogue({ city, limit: 1, ...(cursor ? { cursor } : {}) });
        pages.push(res.status);
        cursor = res.body.nextCursor as string;
      }
      expect(pages).toEqual([200, 200, 200, 200, 200, 429]);

      for (let i = 0; i < 10; i++) await secondKey.facility(facilities[i]!.id).expect(200);
    });
  });
});
