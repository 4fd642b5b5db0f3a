import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METRIC_DEFINITIONS } from '@aiparksit/shared';
import { AppConfig } from '../../config/index.js';
import { growthFixture, marketFixture, overviewFixture, revenueFixture } from '../__tests__/fixtures.js';
import { formatChangePercent, formatFigureChange, formatFigureValue, formatGeneratedAt } from '../report-format.js';
import { ReportsException } from '../reports.exception.js';
import { PdfRenderer } from './pdf-renderer.js';
import { reportDocument } from './report-html.js';

const dir = mkdtempSync(join(tmpdir(), 'aiparksit-report-spec-'));

/** The PDF's text as pdftotext reads it, one string per page (pages end with a form feed). */
function pdfPages(pdf: Buffer, name: string): string[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim());
}

describe('PdfRenderer', () => {
  let renderer: PdfRenderer;

  beforeAll(() => {
    renderer = new PdfRenderer(AppConfig.fromEnv({ REPORT_PDF_POOL_SIZE: '1', REPORT_PDF_QUEUE_SIZE: '1' }));
  });

  afterAll(() => renderer.onApplicationShutdown());

  it('prints the overview with its cover, every headline figure, definitions and exchange rates', async () => {
    const overview = overviewFixture();
    const pages = pdfPages(await renderer.render(reportDocument({ type: 'platform-overview', overview })), 'overview');
    const text = pages.join('\n');
    expect(pages[0]).toContain('Platform overview');
    expect(pages[0]).toContain('1 January 2026 – 31 December 2026');
    expect(pages[0]).toContain(formatGeneratedAt(overview.generatedAt));
    for (const [key, figure] of Object.entries(overview.figures)) {
      expect(text).toContain(METRIC_DEFINITIONS[key as keyof typeof METRIC_DEFINITIONS].definition.slice(0, 40));
      expect(text).toContain(formatFigureValue(figure.value, figure.unit, figure.currency));
      expect(text).toContain(formatFigureChange(figure));
      expect(text).toContain(formatChangePercent(figure.changePercent));
    }
    expect(text).toContain('CHF 45,678.00');
    expect(text).toMatch(/CHF\s+2026-12-31\s+0\.9312/);
    expect(renderer.state()).toMatchObject({ status: 'ready', busy: 0, waiting: 0 });
  });

  it('prints a 12-month market report over several pages, each numbered "Page X of Y"', async () => {
    const pages = pdfPages(await renderer.render(reportDocument({ type: 'market', overview: overviewFixture(), market: marketFixture(12) })), 'market');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('escapes other people’s names and prints revenue and growth reports', async () => {
    const revenue = pdfPages(
      await renderer.render(reportDocument({ type: 'revenue', overview: overviewFixture(), revenue: revenueFixture() })),
      'revenue',
    ).join('\n');
    expect(revenue).toContain('Bahnhof <Garage> & "Co"');
    expect(revenue).toContain('=Park & Ride GmbH');
    const growth = pdfPages(await renderer.render(reportDocument({ type: 'growth', overview: overviewFixture(), growth: growthFixture() })), 'growth').join(
      '\n',
    );
    expect(growth).toContain('Operator funnel');
    expect(growth).toContain('first paid booking');
  });

  it('starts a new browser when its browser dies, and prints the next report', async () => {
    const document = reportDocument({ type: 'platform-overview', overview: overviewFixture() });
    await renderer.render(document);
    const launches = renderer.state().launches;
    const pid = (renderer as unknown as { browser: { process(): { pid: number } } }).browser.process().pid;
    process.kill(pid, 'SIGKILL');
    await expect(renderer.render(document).then((pdf) => pdf.subarray(0, 5).toString())).resolves.toBe('%PDF-');
    expect(renderer.state().launches).toBe(launches + 1);
  });

  it('prints a report whose browser dies while it prints', async () => {
    const document = reportDocument({ type: 'market', overview: overviewFixture(), market: marketFixture(12) });
    await renderer.render(document);
    const pid = (renderer as unknown as { browser: { process(): { pid: number } } }).browser.process().pid;
    const printing = renderer.render(document);
    process.kill(pid, 'SIGKILL');
    await expect(printing.then((pdf) => pdf.subarray(0, 5).toString())).resolves.toBe('%PDF-');
  });

  it('lets one report wait for a busy tab and refuses the next with renderer_busy and a retry delay', async () => {
    const document = reportDocument({ type: 'platform-overview', overview: overviewFixture() });
    // Pool of one, queue of one: the first prints, the second waits, the third is refused at once.
    const results = await Promise.allSettled([renderer.render(document), renderer.render(document), renderer.render(document)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refusal = (results[2] as PromiseRejectedResult).reason as ReportsException;
    expect(refusal).toBeInstanceOf(ReportsException);
    expect(refusal.code).toBe('renderer_busy');
    expect(refusal.details?.['retryAfterSeconds']).toBeGreaterThanOrEqual(1);
    expect(renderer.state()).toMatchObject({ busy: 0, waiting: 0 });
  });
});
