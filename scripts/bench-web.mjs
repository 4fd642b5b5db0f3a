// `npm run bench:web`: what the SPA's first load costs a person on a slow phone. Builds shared,
// API and SPA (`--no-build` uses the build there is), starts a throw-away PostgreSQL with the demo
// data and the API serving the SPA (compression on, as without nginx), then for each page
// (BENCH_PAGES, default "/ /login"):
//   - the JavaScript it downloads, per chunk and in total: raw, gzip and brotli (the .gz/.br
//     files served), lazy chunks fetched during the load included;
//   - first contentful paint and largest contentful paint in headless Chromium emulating a slow
//     phone: 4× CPU slowdown, 1.6 Mbps down, 750 kbps up, 150 ms latency, 375 px viewport; each
//     run in a fresh browser context (empty cache); median of BENCH_RUNS (default 5) runs.
// Goals: landing JavaScript under 200 KB gzipped, FCP under 2 s. Numbers vary by machine and load.
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, run, step } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = (process.env.BENCH_PAGES ?? '/ /login').split(/\s+/).filter(Boolean);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SLOW_PHONE = {
  cpuSlowdown: 4,
  network: { download: (1.6 * 1000 * 1000) / 8, upload: (750 * 1000) / 8, latency: 150, offline: false },
  viewport: { width: 375, height: 812, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};
const GOALS = { gzipBytes: 200 * 1024, fcpMs: 2000 };
// WEB_DIST_DIR: another build to measure (e.g. an older one, for a before/after).
const WEB_DIST = resolve(ROOT, process.env.WEB_DIST_DIR ?? 'web/dist');

if (!process.argv.includes('--no-build')) {
  step('Building shared contract, API and SPA…');
  run('npm', ['run', 'build']);
}
if (!existsSync(join(WEB_DIST, 'index.html'))) {
  process.stderr.write('✖ web/dist has no build: run without --no-build.\n');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`✖ No Chromium at ${CHROMIUM}: set CHROMIUM_PATH.\n`);
  process.exit(1);
}

const { startApiServer, startTestPostgres } = await import(pathToFileURL(resolve(ROOT, 'api/test/support/system.mjs')).href);
const { default: puppeteer } = await import('puppeteer-core');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => (value === null ? 'n/a' : `${Math.round(value)} ms`);
const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const sizeOf = (path) => (existsSync(path) ? statSync(path).size : null);

/** Records the paint entries in the page from its first byte, for reading after the load (runs in the page). */
function observePaints() {
  /* global window, document */
  window.__paints = { fcp: null, lcp: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.__paints.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    window.__paints.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

/** One cold load of `path` on the slow phone: the scripts it fetched and its paints. */
async function loadOnce(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport(SLOW_PHONE.viewport);
    await page.emulateCPUThrottling(SLOW_PHONE.cpuSlowdown);
    await page.emulateNetworkConditions(SLOW_PHONE.network);
    await page.evaluateOnNewDocument(observePaints);
    const scripts = new Set();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.add(new URL(response.url()).pathname);
    });
    await page.goto(url, { waitUntil: 'networkidle0', timeout: 120_000 });
    // The scripts may still be running on the slowed CPU when the network goes quiet: wait for
    // the page's heading and its first paint, then for any request the render started.
    await page.waitForFunction(() => window.__paints.fcp !== null && document.querySelector('h1') !== null, { timeout: 120_000 });
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 120_000 });
    const paints = await page.evaluate(() => window.__paints);
    return { scripts: [...scripts], fcp: paints.fcp, lcp: paints.lcp };
  } finally {
    await context.close();
  }
}

const root = mkdtempSync(join(tmpdir(), 'aiparksit-bench-web-'));
chmodSync(root, 0o755); // PostgreSQL runs as another OS user when we are root
let pg;
let api;
let browser;
try {
  step('Starting a throw-away PostgreSQL and the API serving the SPA (demo data loaded)…');
  pg = await startTestPostgres(root);
  api = await startApiServer({ DATABASE_URL: pg.url, LOAD_DEMO_DATA: 'true', LOG_LEVEL: 'error', WEB_DIST_DIR: WEB_DIST }, 300_000);
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });

  const summary = [];
  for (const path of PAGES) {
    step(`${path}: ${RUNS} cold loads on a slow phone (4× CPU, 1.6 Mbps, 150 ms, 375 px)…`);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await loadOnce(browser, `${api.url}${path}`));
      process.stdout.write(`  run ${i + 1}/${RUNS}: FCP ${ms(runs[i].fcp)}, LCP ${ms(runs[i].lcp)}\n`);
    }
    const scripts = [...new Set(runs.flatMap((r) => r.scripts))].sort();
    let raw = 0;
    let gzip = 0;
    let brotli = 0;
    console.log(`\n  JavaScript of ${path} (${scripts.length} scripts):`);
    console.log(`    ${'chunk'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
    for (const script of scripts) {
      const file = join(WEB_DIST, script);
      const size = sizeOf(file) ?? 0;
      // Small files are not compressed at build time: they go as they are.
      const gz = sizeOf(`${file}.gz`) ?? size;
      const br = sizeOf(`${file}.br`) ?? size;
      raw += size;
      gzip += gz;
      brotli += br;
      console.log(`    ${script.padEnd(48)} ${kb(size).padStart(10)} ${kb(gz).padStart(10)} ${kb(br).padStart(10)}`);
    }
    console.log(`    ${'total'.padEnd(48)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} ${kb(brotli).padStart(10)}`);
    const fcp = median(runs.map((r) => r.fcp));
    const lcp = median(runs.map((r) => r.lcp));
    console.log(`  median of ${RUNS}: FCP ${ms(fcp)}, LCP ${ms(lcp)}\n`);
    summary.push({ path, raw, gzip, brotli, fcp, lcp });
  }

  step('Summary (goals: JavaScript under 200 KB gzipped, FCP under 2 s)');
  for (const { path, raw, gzip, brotli, fcp, lcp } of summary) {
    const verdict = gzip <= GOALS.gzipBytes && fcp !== null && fcp <= GOALS.fcpMs ? 'meets the goals' : 'misses a goal';
    console.log(`  ${path.padEnd(10)} JS ${kb(raw)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli; FCP ${ms(fcp)}, LCP ${ms(lcp)} (median): ${verdict}`);
  }
} finally {
  await browser?.close().catch(() => undefined);
  await api?.stop().catch(() => undefined);
  await pg?.stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
}
