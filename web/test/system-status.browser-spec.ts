import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { testPool, unique } from '../../api/test/support/db.js';
import { startApiServer, type RunningApi } from '../../api/test/support/system.mjs';
import { waitForEmail } from '../../api/test/support/mailbox.js';
import { loginAs } from '../../api/test/support/factories.js';
import { createOperatorWithFacility } from '../../api/test/support/facility-factories.js';
import { apiUrl } from '../../api/test/support/api-url.js';
import { createAccount, type TestAccount } from './support/accounts.js';
import { SCREENSHOT_DIR, VIEWPORTS, describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickWhenReady, fillByLabel, headingOnceItReads, signIn, visit, waitForPath, waitForText } from './support/spa.js';

/** Every card of the page, by its data-testid. */
const CARDS = ['card-api', 'card-nginx', 'card-postgres', 'card-websocket', 'card-disks', 'card-users', 'card-errors', 'card-actions', 'card-audit'];
const FLOWS = ['flow-driver-booking', 'flow-operator-dashboard', 'flow-investor-metrics', 'flow-api-architecture', 'flow-realtime'];

/** Whether the page itself scrolls sideways (wide tables must scroll inside their own box). */
async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/**
 * The whole page on a phone, as it is laid out at 375 px. A full-page capture of a mobile viewport
 * briefly lays the page out wider, which the diagrams follow (they measure their width); so the
 * viewport is made as tall as the page instead, and captured once the diagrams are stacked again.
 */
async function phoneScreenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewport({ ...VIEWPORTS.phone, height });
  await page.waitForFunction(() => {
    const boxes = [...document.querySelectorAll('[data-testid="flow-driver-booking"] .flow-node rect')];
    return boxes.length > 0 && new Set(boxes.map((box) => box.getAttribute('x'))).size === 1;
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) as `${string}.png` });
}

async function userIdOf(email: string): Promise<string> {
  const pool = testPool();
  try {
    return (await pool.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0]!.id;
  } finally {
    await pool.end();
  }
}

async function signInAsAdmin(page: Page, admin: TestAccount): Promise<void> {
  await visit(page, '/login');
  await signIn(page, admin.email, admin.password);
  await waitForPath(page, '/admin');
  expect(await headingOnceItReads(page, 'System status')).toBe('System status');
}

/** Waits for every card and diagram, then returns what the page shows for the checks below. */
async function everyCardRendered(page: Page): Promise<void> {
  for (const card of [...CARDS, ...FLOWS]) await page.waitForSelector(`[data-testid="${card}"]`, { timeout: 30_000 });
  // The errors table and the audit list have loaded (not only their frames).
  await page.waitForSelector('[data-testid="errors-table"]');
  await page.waitForSelector('[data-testid="audit-table"], [data-testid="card-audit"] .state--empty');
}

describeInBrowser('System status page in the browser', () => {
  let chromium: RunningBrowser;
  let admin: TestAccount;

  beforeAll(async () => {
    chromium = await launchBrowser();
    admin = await createAccount('admin');
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('shows every card at 1280 px and at 375 px without sideways scroll, and highlights the components of a kind from the legend', async () => {
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await signInAsAdmin(page, admin);
      await everyCardRendered(page);

      // Live figures of this very API: its own instance running, answered from the real PostgreSQL.
      const instances = await page.$$eval('[data-testid="api-instance"]', (rows) => rows.map((row) => row.getAttribute('data-state')));
      expect(instances).toContain('running');
      await waitForText(page, '[data-testid="card-api"]', 'answered this page');
      await waitForText(page, '[data-testid="card-postgres"]', 'PostgreSQL');
      // The test API is reached directly: the nginx card says so rather than showing a state.
      expect(await page.$('[data-testid="nginx-not-configured"]')).not.toBeNull();
      expect(await page.$$eval('[data-testid^="disk-"]', (disks) => disks.length)).toBe(3);
      // The SPA's own routes when the API does not count them, and every counter shown.
      const pages = await page.$eval('[data-testid="headline-pages"] .headline__value', (value) => Number(value.textContent));
      expect(pages).toBeGreaterThan(20);
      await page.waitForFunction(() => document.querySelector('[data-testid="feed-state"]')?.getAttribute('data-state') === 'live', { timeout: 20_000 });
      await waitForText(page, '[data-testid="status-updated"]', 'Updated');
      expect(await pageScrollsSideways(page)).toBe(false);
      await screenshot(page, 'system-status-desktop');

      // The legend: each kind highlights exactly the boxes of that kind and dims the others.
      const flow = '[data-testid="flow-operator-dashboard"]';
      for (const kind of ['client', 'server', 'database']) {
        await clickWhenReady(page, `${flow} button[data-kind="${kind}"]`);
        await page.waitForSelector(`${flow} button[data-kind="${kind}"][aria-pressed="true"]`);
        const seen = await page.$$eval(
          `${flow} .flow-node`,
          (nodes, wanted) => ({
            ofKind: nodes.filter((node) => node.getAttribute('data-kind') === wanted).length,
            highlighted: nodes.filter((node) => node.getAttribute('data-highlighted') === 'true').length,
            highlightedOfOtherKinds: nodes.filter((node) => node.getAttribute('data-highlighted') === 'true' && node.getAttribute('data-kind') !== wanted)
              .length,
            dimmed: nodes.filter((node) => node.classList.contains('flow-node--dimmed')).length,
            all: nodes.length,
          }),
          kind,
        );
        expect(seen.ofKind).toBeGreaterThan(0);
        expect(seen.highlighted).toBe(seen.ofKind);
        expect(seen.highlightedOfOtherKinds).toBe(0);
        expect(seen.dimmed).toBe(seen.all - seen.ofKind);
        // Only one legend entry is pressed at a time.
        expect(await page.$$eval(`${flow} button[aria-pressed="true"]`, (buttons) => buttons.length)).toBe(1);
      }
      await screenshot(page, 'system-status-legend-database');
      // Clicking the pressed entry again clears the highlight.
      await clickWhenReady(page, `${flow} button[data-kind="database"]`);
      await page.waitForSelector(`${flow} button[data-kind="database"][aria-pressed="false"]`);
      expect(await page.$$eval(`${flow} .flow-node[data-highlighted="true"], ${flow} .flow-node--dimmed`, (nodes) => nodes.length)).toBe(0);
      expect(await page.$$eval('[data-testid="flow-api-architecture"] [data-testid="flow-step"]', (steps) => steps.length)).toBe(7);

      // The API stops answering this page (its status requests fail in the network): the figures
      // stay, marked stale in an alert; once it answers again the warning goes.
      await page.setRequestInterception(true);
      const cutOff = (request: HTTPRequest) => (request.url().includes('/api/system/status') ? request.abort('connectionrefused') : request.continue());
      page.on('request', cutOff);
      await page.waitForSelector('[data-testid="stale-warning"][role="alert"]', { timeout: 45_000 });
      expect(await page.$('[data-testid="card-api"]')).not.toBeNull();
      page.off('request', cutOff);
      await page.setRequestInterception(false);
      await page.waitForFunction(() => !document.querySelector('[data-testid="stale-warning"]'), { timeout: 45_000 });
    } finally {
      await context.close();
    }

    // A phone (its own profile: a viewport change reloads the page, racing the session's renewal).
    const phone = await chromium.newContext();
    try {
      const page = await openPage(phone, 'phone');
      await signInAsAdmin(page, admin);
      await everyCardRendered(page);
      // On a narrow screen the boxes are stacked, one under the other: still one box per component.
      await page.waitForFunction(() => {
        const boxes = [...document.querySelectorAll('[data-testid="flow-driver-booking"] .flow-node rect')];
        return boxes.length === 8 && new Set(boxes.map((box) => box.getAttribute('x'))).size === 1;
      });
      expect(await pageScrollsSideways(page)).toBe(false);
      await phoneScreenshot(page, 'system-status-phone');
    } finally {
      await phone.close();
    }
  }, 240_000);

  it('asks before a quick action, shows its outcome, and lists it in the audit log', async () => {
    const recipient = `${unique('status-test')}@example.test`;
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await signInAsAdmin(page, admin);
      await everyCardRendered(page);

      await clickWhenReady(page, '[data-testid="action-send-test-email"] .action__button');
      await page.waitForSelector('dialog[open][data-testid="confirm-dialog"]');
      // Cancelling runs nothing.
      await clickWhenReady(page, 'dialog[open] .button--ghost');
      await page.waitForFunction(() => !document.querySelector('dialog[open]'));
      expect(await page.$('[data-testid="outcome-send-test-email"]')).toBeNull();

      await clickWhenReady(page, '[data-testid="action-send-test-email"] .action__button');
      await page.waitForSelector('dialog[open][data-testid="confirm-dialog"]');
      await fillByLabel(page, 'Recipient', recipient);
      await clickWhenReady(page, '[data-testid="confirm-action"]');
      await page.waitForSelector('[data-testid="outcome-send-test-email"][data-outcome="succeeded"]', { timeout: 30_000 });
      await page.waitForSelector('[data-testid="audit-row"][data-action="send-test-email"][data-outcome="succeeded"]', { timeout: 30_000 });
      await waitForText(page, '[data-testid="audit-table"]', admin.name);
      await screenshot(page, 'system-status-action');

      // Export diagnostics: the JSON document the API answers is saved as a file, and audited too.
      await page.evaluate(() => {
        const original = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          (window as unknown as { savedFile: Promise<string> }).savedFile = (blob as Blob).text();
          return original(blob);
        };
      });
      await clickWhenReady(page, '[data-testid="action-export-diagnostics"] .action__button');
      await clickWhenReady(page, 'dialog[open] [data-testid="confirm-action"]');
      await page.waitForSelector('[data-testid="outcome-export-diagnostics"][data-outcome="succeeded"]', { timeout: 30_000 });
      await waitForText(page, '[data-testid="outcome-export-diagnostics"]', '.json');
      const saved = JSON.parse(await page.evaluate(() => (window as unknown as { savedFile: Promise<string> }).savedFile)) as { kind: string; status: unknown };
      expect(saved.kind).toBe('aiparksit-diagnostics');
      expect(saved.status).toBeDefined();
      await page.waitForSelector('[data-testid="audit-row"][data-action="export-diagnostics"][data-outcome="succeeded"]', { timeout: 30_000 });

      // It did what it says: the test email reached the mailbox.
      const pool = testPool();
      try {
        const email = await waitForEmail(pool, recipient, /./);
        expect(email.to.toLowerCase()).toBe(recipient.toLowerCase());
      } finally {
        await pool.end();
      }
    } finally {
      await context.close();
    }
  });

  it('shows an error caused in another tab without a reload', async () => {
    // An error the API does not expect, as a broken query would be: a trigger raises when an API
    // key is created with this test's marker as its name (nothing else is touched).
    const marker = unique('boom').replace(/[^a-z0-9]/gi, '');
    const trap = `test_status_trap_${marker.slice(-12).toLowerCase()}`;
    const pool = testPool();
    await pool.query(`
      CREATE FUNCTION ${trap}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = '${marker}' THEN RAISE EXCEPTION 'forced failure %', '${marker}'; END IF;
        RETURN NEW;
      END $$`);
    await pool.query(`CREATE TRIGGER ${trap} BEFORE INSERT ON api_keys FOR EACH ROW EXECUTE FUNCTION ${trap}()`);
    const operator = await createAccount('operator');
    const adminContext = await chromium.newContext();
    const operatorContext = await chromium.newContext();
    try {
      const page = await openPage(adminContext);
      await signInAsAdmin(page, admin);
      await everyCardRendered(page);
      await page.waitForFunction(() => document.querySelector('[data-testid="feed-state"]')?.getAttribute('data-state') === 'live', { timeout: 20_000 });
      await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

      // Another tab: an operator creates an API key, and the server fails.
      const other = await openPage(operatorContext);
      await visit(other, '/login');
      await signIn(other, operator.email, operator.password);
      await other.waitForFunction(() => window.location.pathname.startsWith('/operator'));
      await visit(other, '/operator/settings');
      await fillByLabel(other, 'Key name', marker);
      await clickWhenReady(other, 'form[aria-label="Create an API key"] button[type="submit"]');
      await other.waitForSelector('.form-alert, [role="alert"]', { timeout: 15_000 });

      // The admin's page shows it at once (the feed's system_error), in the table and announced.
      await page.waitForFunction(
        (text) => [...document.querySelectorAll('[data-testid="error-row"]')].some((row) => row.textContent?.includes(text)),
        { timeout: 30_000 },
        marker,
      );
      const row = await page.evaluateHandle(
        (text) => [...document.querySelectorAll('[data-testid="error-row"]')].find((candidate) => candidate.textContent?.includes(text))!,
        marker,
      );
      expect(await row.evaluate((element) => element.getAttribute('data-service'))).toBe('API');
      expect(await row.evaluate((element) => element.textContent)).toContain('500 Error');
      expect(await row.evaluate((element) => element.querySelector('[data-testid="error-request-id"]')?.textContent?.length ?? 0)).toBeGreaterThan(0);
      await waitForText(page, '[data-testid="errors-latest"]', marker);
      expect(await page.$('[data-testid="no-critical-errors"]')).toBeNull();
      // No reload happened: the flag set on the document before is still there.
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

      // Filtering by another service hides it; by API shows it again.
      await page.select('[data-testid="errors-filter"]', 'Email');
      await page.waitForFunction((text) => ![...document.querySelectorAll('[data-testid="error-row"]')].some((r) => r.textContent?.includes(text)), {}, marker);
      await page.select('[data-testid="errors-filter"]', 'API');
      await page.waitForFunction((text) => [...document.querySelectorAll('[data-testid="error-row"]')].some((r) => r.textContent?.includes(text)), {}, marker);
      await screenshot(page, 'system-status-live-error');
    } finally {
      await operatorContext.close();
      await adminContext.close();
      await pool.query(`DROP TRIGGER IF EXISTS ${trap} ON api_keys`);
      await pool.query(`DROP FUNCTION IF EXISTS ${trap}()`);
      await pool.end();
    }
  });

  it('marks an API instance down, in words, when its heartbeats stop, and says so as it happens', async () => {
    // Two instances of our own with short periods, so three silent heartbeats come within the test.
    const env = { DATABASE_URL: process.env['DATABASE_URL'], INSTANCE_HEARTBEAT_MS: '300', SYSTEM_SNAPSHOT_MS: '500' };
    const [watching, doomed] = await Promise.all([startApiServer(env), startApiServer(env)]);
    const context = await chromium.newContext();
    const rowOf = (api: RunningApi) => `[data-testid="api-instance"][data-pid="${api.process.pid}"]`;
    try {
      const page = await openPage(context);
      await page.goto(`${watching.url}/login`, { waitUntil: 'domcontentloaded' });
      await signIn(page, admin.email, admin.password);
      await waitForPath(page, '/admin');
      await page.waitForFunction(() => document.querySelector('[data-testid="feed-state"]')?.getAttribute('data-state') === 'live', { timeout: 20_000 });
      await page.waitForSelector(`${rowOf(watching)}[data-state="running"]`, { timeout: 30_000 });
      await page.waitForSelector(`${rowOf(doomed)}[data-state="running"]`, { timeout: 30_000 });

      // No clean shutdown: the process is gone and its heartbeats stop.
      doomed.process.kill('SIGKILL');
      await page.waitForSelector(`${rowOf(doomed)}[data-state="down"]`, { timeout: 30_000 });
      await waitForText(page, rowOf(doomed), 'Down');
      await waitForText(page, rowOf(doomed), 'last heartbeat');
      await waitForText(page, '[data-testid="card-api"] .service-card__head', 'Degraded');
      // The feed's service_status_changed is shown as it arrives.
      await waitForText(page, '[data-testid="status-change"]', 'Running → Down', 30_000);
      expect(await page.$(`${rowOf(watching)}[data-state="running"]`)).not.toBeNull();
      await screenshot(page, 'system-status-instance-down');
    } finally {
      await context.close();
      await Promise.all([watching.stop(), doomed.process.signalCode ? undefined : doomed.stop()]);
    }
  }, 240_000);

  it('lifts a harvesting block from its row in the recent errors, after reloading the canaries', async () => {
    // A canary facility (never listed; reading one blocks the reader), known to the guard once the
    // admin reloads the canaries.
    const pool = testPool();
    let canaryId: string;
    let listedId: string;
    try {
      canaryId = (await createOperatorWithFacility(pool, { name: `Canary ${unique('C')}` })).facility.id;
      await pool.query('UPDATE facilities SET is_canary = true, published = false WHERE id = $1', [canaryId]);
      listedId = (await createOperatorWithFacility(pool, { name: `Garage ${unique('G')}` })).facility.id;
    } finally {
      await pool.end();
    }
    const driver = await createAccount('driver');
    const { accessToken } = await loginAs(apiUrl(), driver);
    const blocked = `user:${await userIdOf(driver.email)}`;
    const read = (id: string) => fetch(`${apiUrl()}/api/facilities/${id}`, { headers: { authorization: `Bearer ${accessToken}`, 'accept-language': 'en' } });

    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await signInAsAdmin(page, admin);
      await everyCardRendered(page);
      await clickWhenReady(page, '[data-testid="action-reload-canaries"] .action__button');
      await clickWhenReady(page, 'dialog[open] [data-testid="confirm-action"]');
      await page.waitForSelector('[data-testid="outcome-reload-canaries"][data-outcome="succeeded"]', { timeout: 30_000 });

      // The driver reads the canary: blocked from then on, on every guarded read.
      expect((await read(canaryId)).status).toBe(404);
      expect((await read(listedId)).status).toBe(429);

      // The block shows among the recent errors, naming the driver's account, with a way to lift it.
      const row = `[data-testid="error-row"][data-service="Security"]`;
      await page.waitForFunction(
        (selector, who) => [...document.querySelectorAll(selector)].some((r) => r.textContent?.includes(who)),
        { timeout: 30_000 },
        row,
        blocked,
      );
      await page.evaluate(
        (selector, who) =>
          [...document.querySelectorAll(selector)]
            .find((r) => r.textContent?.includes(who))!
            .querySelector<HTMLButtonElement>('.errors__lift')!
            .click(),
        row,
        blocked,
      );
      await page.waitForSelector('dialog[open][data-testid="confirm-dialog"]');
      const prefilled = await page.$eval('dialog[open] input[name="client"]', (input) => (input as HTMLInputElement).value);
      expect(prefilled).toBe(blocked);
      await clickWhenReady(page, 'dialog[open] [data-testid="confirm-action"]');
      await page.waitForSelector('[data-testid="outcome-lift-harvest-block"][data-outcome="succeeded"]', { timeout: 30_000 });
      await page.waitForSelector('[data-testid="audit-row"][data-action="lift-harvest-block"]', { timeout: 30_000 });

      // It did what it says: the driver reads listed facilities again.
      expect((await read(listedId)).status).toBe(200);
    } finally {
      await context.close();
    }
  });
});
