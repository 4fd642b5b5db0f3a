import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { AppConfig } from '../../config/index.js';
import { ReportsException } from '../reports.exception.js';
import { chromiumCandidates, type ChromiumSource } from './chromium-locator.js';
import { escapeHtml } from './html.js';
import type { ReportDocument } from './report-html.js';
import { reportShellHtml } from './report-shell.js';

// Content is our own escaped HTML and fetches nothing, so the sandbox guards little; Chromium
// refuses to start as root without --no-sandbox, and containers rarely allow its namespaces.
function launchArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--font-render-hinting=none',
    '--mute-audio',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

interface InPageWindow {
  document: { title: string; body: { innerHTML: string } };
  __drawReportCharts(specs: unknown): number;
  requestAnimationFrame(callback: () => void): void;
}

interface PooledPage {
  page: Page;
  /** The browser it belongs to: pages of a crashed browser are dropped, never reused. */
  browser: Browser;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** How the renderer is doing, for logs and the bench. */
export interface RendererState {
  status: 'idle' | 'ready' | 'unavailable';
  chromium: string | null;
  busy: number;
  waiting: number;
  launches: number;
  reason?: string;
}

const UNAVAILABLE_RETRY_MS = 30_000;

/**
 * Prints reports with puppeteer from a warm pool of tabs in one browser. The browser starts on the
 * first report and closes with the application; if it dies (crash, killed), the next report starts
 * a new one. At most `poolSize` reports print at once, at most `queueSize` wait, the rest are
 * refused at once with 503 and Retry-After; a report taking longer than `timeoutMs` is given up.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger('PdfRenderer');
  private readonly poolSize: number;
  private readonly queueSize: number;
  private readonly timeoutMs: number;
  private browser: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  private chromium: string | null = null;
  private launches = 0;
  private unavailable: { reason: string; until: number } | null = null;
  private idle: PooledPage[] = [];
  private busy = 0;
  private readonly waiters: Waiter[] = [];
  private closing = false;
  /** Mean print time, for a Retry-After that means something. */
  private averageMs = 500;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.poolSize = config.values.reportPdfPoolSize;
    this.queueSize = config.values.reportPdfQueueSize;
    this.timeoutMs = config.values.reportPdfTimeoutMs;
  }

  state(): RendererState {
    return {
      status: this.unavailable ? 'unavailable' : this.browser ? 'ready' : 'idle',
      chromium: this.chromium,
      busy: this.busy,
      waiting: this.waiters.length,
      launches: this.launches,
      ...(this.unavailable ? { reason: this.unavailable.reason } : {}),
    };
  }

  async render(document: ReportDocument): Promise<Buffer> {
    if (this.closing) throw new ReportsException('renderer_unavailable', 'The PDF renderer is shutting down.', { retryAfterSeconds: 5 });
    const deadline = Date.now() + this.timeoutMs;
    await this.takeSlot(deadline);
    try {
      // A browser that dies mid-report (crash, OOM kill) costs that attempt only: the report is
      // printed once more in a new browser, within the same deadline.
      for (let attempt = 1; ; attempt++) {
        let pooled: PooledPage | undefined;
        let healthy = false;
        try {
          pooled = await this.withDeadline(this.takePage(), deadline);
          const started = Date.now();
          const pdf = await this.withDeadline(this.print(pooled.page, document), deadline);
          healthy = true;
          this.averageMs = this.averageMs * 0.8 + (Date.now() - started) * 0.2;
          return pdf;
        } catch (error) {
          if (error instanceof ReportsException) throw error;
          const browserDied = !(pooled?.browser ?? this.browser)?.connected;
          if (attempt === 1 && browserDied && !this.closing && Date.now() < deadline) continue;
          throw new ReportsException('render_failed', 'The PDF could not be printed; try again.', {
            retryAfterSeconds: 1,
            reason: String((error as Error)?.message ?? error).split('\n')[0],
          });
        } finally {
          if (pooled) this.givePage(pooled, healthy);
        }
      }
    } finally {
      this.releaseSlot();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const waiter of this.waiters.splice(0))
      waiter.reject(new ReportsException('renderer_unavailable', 'The PDF renderer is shutting down.', { retryAfterSeconds: 5 }));
    const browser = this.browser ?? (await this.launching?.catch(() => null));
    this.browser = null;
    await browser?.close().catch(() => undefined);
  }

  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(((this.waiters.length + this.poolSize) * this.averageMs) / this.poolSize / 1000));
  }

  private async takeSlot(deadline: number): Promise<void> {
    if (this.busy < this.poolSize) {
      this.busy++;
      return;
    }
    if (this.waiters.length >= this.queueSize) {
      throw new ReportsException(
        'renderer_busy',
        `Too many reports are being printed (${this.busy} printing, ${this.waiters.length} waiting); try again shortly.`,
        { retryAfterSeconds: this.retryAfterSeconds() },
      );
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject,
      };
      const timer = setTimeout(() => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(this.timeoutError());
      }, deadline - Date.now());
      this.waiters.push(waiter);
    });
    // The releasing report handed its slot over: `busy` was not decremented for us.
  }

  private releaseSlot(): void {
    const next = this.waiters.shift();
    if (next) next.resolve();
    else this.busy--;
  }

  private timeoutError(): ReportsException {
    return new ReportsException('render_timeout', `The report took longer than ${this.timeoutMs} ms to print and was given up.`, {
      retryAfterSeconds: this.retryAfterSeconds(),
    });
  }

  private async withDeadline<T>(work: Promise<T>, deadline: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(this.timeoutError()), Math.max(0, deadline - Date.now()))));
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async takePage(): Promise<PooledPage> {
    while (this.idle.length) {
      const pooled = this.idle.pop()!;
      if (pooled.browser.connected && !pooled.page.isClosed()) return pooled;
    }
    const browser = await this.currentBrowser();
    const page = await browser.newPage();
    try {
      await page.setRequestInterception(true);
      // Nothing leaves the page: the shell inlines everything it needs.
      page.on('request', (request) => void (request.url().startsWith('data:') ? request.continue() : request.abort('blockedbyclient')));
      await page.setContent(reportShellHtml(), { waitUntil: 'load' });
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
    return { page, browser };
  }

  private givePage(pooled: PooledPage, healthy: boolean): void {
    if (healthy && pooled.browser === this.browser && pooled.browser.connected && !this.closing) {
      this.idle.push(pooled);
      return;
    }
    void pooled.page.close().catch(() => undefined);
  }

  private async print(page: Page, document: ReportDocument): Promise<Buffer> {
    await page.evaluate(
      async (body: string, charts: ReportDocument['charts'], title: string) => {
        // The API is compiled without the DOM's types: this is the page's global object.
        const window = globalThis as unknown as InPageWindow;
        window.document.title = title;
        window.document.body.innerHTML = body;
        window.__drawReportCharts(charts);
        // Charts draw synchronously with animation off; one frame makes sure layout has settled.
        await new Promise<void>((resolve) => window.requestAnimationFrame(() => resolve()));
      },
      document.body,
      document.charts,
      document.title,
    );
    const footer = `<div style="font-size:7pt;width:100%;margin:0 14mm;display:flex;justify-content:space-between;color:#6b7280;font-family:sans-serif">
      <span>AIParksit · ${escapeHtml(document.title)} · ${escapeHtml(document.subtitle)}</span>
      <span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      // Chromium tags PDFs for accessibility by default; the structure tree tripled a report's size and print time.
      tagged: false,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '14mm', bottom: '16mm', left: '14mm', right: '14mm' },
    });
    return Buffer.from(pdf);
  }

  private currentBrowser(): Promise<Browser> {
    if (this.browser?.connected) return Promise.resolve(this.browser);
    if (this.unavailable && Date.now() < this.unavailable.until) return Promise.reject(this.unavailableError(this.unavailable.reason));
    this.launching ??= this.launch().finally(() => (this.launching = null));
    return this.launching;
  }

  private unavailableError(reason: string): ReportsException {
    return new ReportsException('renderer_unavailable', `PDF export is unavailable: no Chromium could be started (${reason}). CSV export still works.`, {
      retryAfterSeconds: Math.ceil(UNAVAILABLE_RETRY_MS / 1000),
      reason,
    });
  }

  private async launch(): Promise<Browser> {
    const sources = this.config.values.reportChromiumSources as ChromiumSource[];
    const candidates = chromiumCandidates(this.config.values.chromiumPath, sources);
    const failures: string[] = [];
    for (const candidate of candidates) {
      try {
        const executablePath = await candidate.executablePath();
        const browser = await puppeteer.launch({ executablePath, headless: true, args: launchArgs(), timeout: 60_000 });
        this.launches++;
        this.browser = browser;
        this.idle = [];
        this.unavailable = null;
        this.chromium = `${candidate.describe}: ${await browser.version()}`;
        this.logger.log(`PDF renderer started ${this.chromium}`);
        browser.on('disconnected', () => {
          if (this.browser !== browser) return;
          this.browser = null;
          this.idle = [];
          if (!this.closing) this.logger.warn('The PDF renderer’s browser went away; the next report starts a new one.');
        });
        return browser;
      } catch (error) {
        failures.push(`${candidate.describe}: ${String((error as Error)?.message ?? error).split('\n')[0]}`);
      }
    }
    const reason = failures.length ? failures.join('; ') : `none found (sources: ${sources.join(', ') || 'none'})`;
    this.unavailable = { reason, until: Date.now() + UNAVAILABLE_RETRY_MS };
    this.logger.error(`PDF export is unavailable: ${reason}`);
    throw this.unavailableError(reason);
  }
}
