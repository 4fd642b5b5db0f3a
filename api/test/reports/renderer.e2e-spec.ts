import type pg from 'pg';
import type { ReportExportRequest } from '@aiparksit/shared';
import { testPool } from '../support/db.js';
import { signedInUser } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { chromiumChildOf, exportReport, seedReportYear, type ExportAnswer } from './report-helpers.js';
import { pdfPages } from '../../../test/support/pdf-text.js';

const YEAR = 2028;
const MARKET: ReportExportRequest = { type: 'market', format: 'pdf', from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
const OVERVIEW: ReportExportRequest = { type: 'platform-overview', format: 'pdf', from: `${YEAR}-03-01`, to: `${YEAR}-03-31` };

async function until<T>(what: string, probe: () => T | null | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('PDF renderer of a running API', () => {
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = testPool();
    await seedReportYear(pool, YEAR);
  });

  afterAll(() => pool.end());

  // The system's Chromium is hidden from discovery and CHROMIUM_PATH is unset: what prints is the
  // Chromium shipped inside the @sparticuz/chromium npm package, as on a fresh machine.
  describe('with only the npm-shipped Chromium, one tab and no queue', () => {
    let api: RunningApi;
    let token: string;

    beforeAll(async () => {
      api = await startApiServer({
        DATABASE_URL: process.env['DATABASE_URL'],
        CHROMIUM_PATH: '',
        REPORT_CHROMIUM_SOURCES: 'npm',
        REPORT_PDF_POOL_SIZE: '1',
        REPORT_PDF_QUEUE_SIZE: '0',
      });
      token = (await signedInUser(pool, api.url, 'investor')).tokens.accessToken;
    });

    afterAll(() => api?.stop());

    it('starts the npm-shipped Chromium lazily, on the first report', async () => {
      expect(chromiumChildOf(api.process.pid!)).toBeNull();
      const answer = await exportReport(api.url, token, OVERVIEW);
      expect(answer.status).toBe(200);
      expect((await pdfPages(answer.body))[0]).toContain('Platform overview');
      const chromium = chromiumChildOf(api.process.pid!);
      expect(chromium?.executable).not.toMatch(/^\/usr\/bin\//);
    });

    it('survives its browser being killed: the next report starts a new one', async () => {
      await exportReport(api.url, token, OVERVIEW);
      const first = await until('the browser', () => chromiumChildOf(api.process.pid!));
      process.kill(first.pid, 'SIGKILL');
      await until('the browser to be gone', () => chromiumChildOf(api.process.pid!)?.pid !== first.pid);
      const answer = await exportReport(api.url, token, OVERVIEW);
      expect(answer.status).toBe(200);
      expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(chromiumChildOf(api.process.pid!)?.pid).not.toBe(first.pid);
    });

    it('answers 503 with Retry-After when every tab is busy and the queue is full', async () => {
      const answers: ExportAnswer[] = [];
      // A burst larger than the pool: those arriving while a market report prints are refused.
      for (let burst = 0; burst < 10 && !answers.some((a) => a.status === 503); burst++) {
        answers.push(...(await Promise.all(Array.from({ length: 6 }, () => exportReport(api.url, token, MARKET)))));
      }
      const refused = answers.find((a) => a.status === 503);
      expect(refused).toBeDefined();
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused!.json()).toMatchObject({ statusCode: 503, details: { code: 'renderer_busy' } });
      expect(refused!.json().message).toMatch(/try again/);
      expect(answers.filter((a) => a.status !== 503).every((a) => a.status === 200)).toBe(true);
      expect((await exportReport(api.url, token, OVERVIEW)).status).toBe(200);
    });
  });

  describe('when no Chromium can start', () => {
    let api: RunningApi;
    let token: string;

    beforeAll(async () => {
      api = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'], CHROMIUM_PATH: '/nonexistent/chromium', REPORT_CHROMIUM_SOURCES: 'path' });
      token = (await signedInUser(pool, api.url, 'investor')).tokens.accessToken;
    });

    afterAll(() => api?.stop());

    it('answers 503 saying why, while CSV export and the rest of the API keep working', async () => {
      const pdf = await exportReport(api.url, token, OVERVIEW);
      expect(pdf.status).toBe(503);
      expect(pdf.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(pdf.json().details['code']).toBe('renderer_unavailable');
      expect(pdf.json().message).toContain('CHROMIUM_PATH (/nonexistent/chromium)');
      expect((await exportReport(api.url, token, { ...OVERVIEW, format: 'csv' })).status).toBe(200);
      expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
    });
  });
});
