import type pg from 'pg';
import { METRIC_DEFINITIONS, OVERVIEW_METRICS, type InvestorOverview, type MetricsQuery } from '@aiparksit/shared';
import { formatChangePercent, formatFigureChange, formatFigureValue } from '../../src/reports/report-format.js';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { signedInUser } from '../support/factories.js';
import { exportReport, investorOverview, parseCsv, seedReportYear, type ExportAnswer } from './report-helpers.js';
import { pdfPages } from '../../../test/support/pdf-text.js';

const YEAR = 2029;
const PERIOD: MetricsQuery = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, comparison: 'previous_period' };

/**
 * The API's overview and a report of the same period, taken until the overview did not change
 * around the export: other test files write bookings and facilities while this one runs.
 */
async function stableExport(
  api: string,
  token: string,
  type: 'platform-overview' | 'market',
  format: 'pdf' | 'csv',
): Promise<{ overview: InvestorOverview; report: ExportAnswer }> {
  for (let attempt = 1; ; attempt++) {
    const before = await investorOverview(api, token, PERIOD);
    const report = await exportReport(api, token, { type, format, ...PERIOD });
    const after = await investorOverview(api, token, PERIOD);
    if (JSON.stringify(before.figures) === JSON.stringify(after.figures) || attempt === 5) return { overview: after, report };
  }
}

describe('POST /api/reports/export', () => {
  let pool: pg.Pool;
  let api: string;
  let investor: string;
  let admin: string;

  beforeAll(async () => {
    pool = testPool();
    api = apiUrl();
    await seedReportYear(pool, YEAR);
    investor = (await signedInUser(pool, api, 'investor')).tokens.accessToken;
    admin = (await signedInUser(pool, api, 'admin')).tokens.accessToken;
  });

  afterAll(() => pool.end());

  it('refuses anonymous callers with 401 and drivers and operators with 403', async () => {
    const request = { type: 'platform-overview', format: 'csv', ...PERIOD };
    expect((await exportReport(api, null, request)).status).toBe(401);
    for (const role of ['driver', 'operator'] as const) {
      const { tokens } = await signedInUser(pool, api, role);
      const answer = await exportReport(api, tokens.accessToken, request);
      expect(answer.status).toBe(403);
      expect(answer.json().statusCode).toBe(403);
    }
  });

  it.each([
    ['an unknown type', { type: 'payroll', format: 'pdf', from: '2029-01-01', to: '2029-01-31' }, 'type'],
    ['an unknown format', { type: 'market', format: 'xlsx', from: '2029-01-01', to: '2029-01-31' }, 'format'],
    ['a date that is not one', { type: 'market', format: 'pdf', from: '2029-02-30', to: '2029-03-31' }, 'from'],
    ['an end before the start', { type: 'market', format: 'csv', from: '2029-03-01', to: '2029-02-01' }, 'before'],
    ['a period over three years', { type: 'revenue', format: 'csv', from: '2020-01-01', to: '2029-01-01' }, 'at most'],
    ['an unknown comparison', { type: 'growth', format: 'csv', from: '2029-01-01', to: '2029-01-31', comparison: 'last_week' }, 'comparison'],
    ['a missing period', { type: 'growth', format: 'csv' }, 'from'],
  ])('answers 400 to %s', async (_, body, word) => {
    const answer = await exportReport(api, investor, body);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.json())).toContain(word);
  });

  it('prints the overview PDF with the KPI values GET /api/proxy/investor gives for the same period', async () => {
    const { overview, report } = await stableExport(api, investor, 'platform-overview', 'pdf');
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('application/pdf');
    expect(report.headers.get('content-disposition')).toBe(`attachment; filename="aiparksit-platform-overview-${YEAR}-01-01-to-${YEAR}-12-31.pdf"`);
    expect(report.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfPages(report.body)).join('\n');
    expect(overview.figures.gmv.value).toBeGreaterThan(0);
    for (const key of OVERVIEW_METRICS) {
      const figure = overview.figures[key];
      const line = text.split('\n').find((l) => l.includes(`${METRIC_DEFINITIONS[key].label} `) && /\d|—/.test(l));
      expect({ key, line }).toEqual({ key, line: expect.stringContaining(formatFigureValue(figure.value, figure.unit, figure.currency)) });
      expect(line).toContain(formatFigureValue(figure.comparison, figure.unit, figure.currency));
      expect(line).toContain(formatFigureChange(figure));
      expect(line).toContain(formatChangePercent(figure.changePercent));
    }
  });

  it('prints a 12-month market report with "Page X of Y" on every page', async () => {
    const { report } = await stableExport(api, admin, 'market', 'pdf');
    expect(report.status).toBe(200);
    const pages = await pdfPages(report.body);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(pages.join('\n')).toContain('Demand by weekday and hour');
  });

  it('writes a CSV whose figures are the API’s, money in minor units with its currency', async () => {
    const { overview, report } = await stableExport(api, admin, 'platform-overview', 'csv');
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(report.headers.get('content-disposition')).toBe(`attachment; filename="aiparksit-platform-overview-${YEAR}-01-01-to-${YEAR}-12-31.csv"`);
    const [header, ...records] = parseCsv(report.body.toString('utf8'));
    expect(header).toEqual(['section', 'item', 'label', 'metric', 'unit', 'currency', 'value', 'comparison', 'change', 'change_percent']);
    for (const key of OVERVIEW_METRICS) {
      const figure = overview.figures[key];
      const record = records.find((r) => r[0] === 'figures' && r[1] === key);
      const text = (v: number | null) => (v === null ? '' : String(v));
      expect(record).toEqual([
        'figures',
        key,
        expect.any(String),
        key,
        figure.unit,
        figure.currency ?? '',
        text(figure.value),
        text(figure.comparison),
        text(figure.change),
        text(figure.changePercent),
      ]);
    }
    for (const point of overview.series) {
      const gmv = records.find((r) => r[0] === 'series' && r[1] === point.bucket && r[3] === 'gmv');
      expect(gmv?.[6]).toBe(String(point.gmvCents));
      expect(gmv?.[5]).toBe(overview.fx.reportingCurrency);
    }
  });

  it('writes the CSV of every report type', async () => {
    for (const type of ['revenue', 'growth', 'market'] as const) {
      const answer = await exportReport(api, investor, { type, format: 'csv', ...PERIOD });
      expect({ type, status: answer.status }).toEqual({ type, status: 200 });
      const records = parseCsv(answer.body.toString('utf8'));
      expect(records.every((r) => r.length === 10)).toBe(true);
      expect(records.some((r) => r[0] === 'figures' && r[1] === 'gmv')).toBe(true);
    }
  });
});
