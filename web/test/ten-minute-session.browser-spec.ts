import type { HTTPResponse, Page } from 'puppeteer-core';
import { SANDBOX_TEST_CARDS } from '@aiparksit/shared';
import { configSchema } from '../../api/src/config/config.schema.js';
import { testPool, unique } from '../../api/test/support/db.js';
import { createFacility, createOperator } from '../../api/test/support/facility-factories.js';
import { startApiServer, type RunningApi } from '../../api/test/support/system.mjs';
import { createAccount, type TestAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, clickWhenReady, fillByLabel, headingOnceItReads, signIn, waitForPath } from './support/spa.js';

/**
 * A person browsing for ten minutes, compressed TIME_SCALE times: the API under test runs the
 * guard's and the rate limiter's default limits, the rate limiter's windows divided by
 * TIME_SCALE as the person's pauses are, and the guard's ten-minute window as it is (it holds
 * the whole session, as it would in real time). The browser sends the same requests in the
 * same order as the ten-minute session would, so each window sees at least what it would.
 * One difference errs on the lenient side and is small: the SPA's 30-second cache stays fresh
 * for TIME_SCALE times longer here, so coming back to the results after a long read refetches less
 * often than in real time (those refetches repeat reads the guard has already counted, and add
 * a few requests a minute to the rate limiter's 300). The windows have floors (100 ms, 1 s) that
 * make them stricter than scaled, never more lenient. Thirty times keeps the three sessions to
 * about a minute and a half of the suite.
 */
const TIME_SCALE = 30;
const SESSION_SECONDS = 600;

function defaultOf(name: keyof typeof configSchema): number {
  const variable = configSchema[name] as { default?: string };
  if (variable.default === undefined) throw new Error(`${name} has no default`);
  return Number(variable.default);
}

/** The defaults of the guard and the rate limiter (not the test servers' generous limits), windows scaled. */
const PERSON_FACING_LIMITS: Record<string, string> = {
  HARVEST_ENABLED: 'true',
  // Not scaled: the whole compressed session (its pauses scaled, page loads not) falls in one
  // ten-minute window, as the real session does; a scaled window would forget its first reads.
  HARVEST_WINDOW_MS: String(defaultOf('harvestWindowMs')),
  HARVEST_LIMIT_ANONYMOUS: String(defaultOf('harvestLimitAnonymous')),
  HARVEST_LIMIT_SIGNED_IN: String(defaultOf('harvestLimitSignedIn')),
  HARVEST_LIMIT_AUTOMATION: String(defaultOf('harvestLimitAutomation')),
  HARVEST_BLOCK_MS: String(defaultOf('harvestBlockMs') / TIME_SCALE),
  MARKETPLACE_ANON_MAX_PAGES: String(defaultOf('marketplaceAnonMaxPages')),
  THROTTLE_SHORT_TTL_MS: String(Math.max(100, defaultOf('throttleShortTtlMs') / TIME_SCALE)),
  THROTTLE_SHORT_LIMIT: String(defaultOf('throttleShortLimit')),
  THROTTLE_LONG_TTL_MS: String(Math.max(1000, defaultOf('throttleLongTtlMs') / TIME_SCALE)),
  THROTTLE_LONG_LIMIT: String(defaultOf('throttleLongLimit')),
  THROTTLE_AUTH_TTL_MS: String(Math.max(1000, defaultOf('throttleAuthTtlMs') / TIME_SCALE)),
  THROTTLE_AUTH_LIMIT: String(defaultOf('throttleAuthLimit')),
};

/**
 * Where the trip goes and where the person also looks: three result pages' worth in the first
 * city (so they page as well as open), two in the second. About 90 distinct reads in all: well
 * under the limits for people (300 anonymous, 600 signed in), over the automation limit (60).
 */
const CAR_PARKS = 50;
const CAR_PARKS_ELSEWHERE = 30;
/** Result positions opened in the first city and then in the second: twenty different car parks. */
const FIRST_ROUND = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45];
const SECOND_ROUND = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18];
const FACILITIES_OPENED = FIRST_ROUND.length + SECOND_ROUND.length;

/**
 * A person reading or thinking for `seconds` of the real session. A pace, not a wait for a
 * condition: every wait for the page itself is a waitFor* on what the person would see.
 */
let thought = 0;
async function think(seconds: number): Promise<void> {
  thought += seconds;
  await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / TIME_SCALE));
}

interface ApiAnswer {
  method: string;
  path: string;
  status: number;
  retryAfter: string | null;
  fidelity: string | null;
}

/** Every API answer the page receives, with what the guard may have said in it. */
function recordApiAnswers(page: Page): ApiAnswer[] {
  const answers: ApiAnswer[] = [];
  page.on('response', (response: HTTPResponse) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/')) return;
    const answer: ApiAnswer = {
      method: response.request().method(),
      path: `${url.pathname}${url.search}`,
      status: response.status(),
      retryAfter: response.headers()['retry-after'] ?? null,
      fidelity: null,
    };
    answers.push(answer);
    if (/^\/api\/(proxy\/marketplace|facilities\/[^/]+)/.test(url.pathname) && response.ok()) {
      response
        .json()
        .then((body: { fidelity?: string }) => (answer.fidelity = body.fidelity ?? null))
        .catch(() => undefined);
    }
  });
  return answers;
}

/** The user agent a desktop Chrome of the same version sends: no "HeadlessChrome" in it. */
async function realChromeUserAgent(chromium: RunningBrowser): Promise<string> {
  return (await chromium.browser.userAgent()).replace('HeadlessChrome/', 'Chrome/');
}

async function resultsShown(page: Page, atLeast: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('.result').length >= n && !document.querySelector('[aria-busy="true"]'), {}, atLeast);
}

/** Opens the n-th result as a person does (a click), reads it, and comes back with the back button. */
async function openAndReturn(page: Page, index: number, readSeconds: number): Promise<string> {
  const name = await page.$$eval('.result__name a', (links, i) => links[i]!.textContent ?? '', index);
  await page.$$eval('.result__name a', (links, i) => (links[i] as HTMLAnchorElement).click(), index);
  expect(await headingOnceItReads(page, name)).toBe(name);
  await page.waitForSelector('.type-list__item');
  await think(readSeconds);
  await page.goBack();
  await waitForPath(page, '/search');
  await resultsShown(page, index + 1);
  return name;
}

describeInBrowser('A person browsing for ten minutes', () => {
  let chromium: RunningBrowser;
  let api: RunningApi;
  let city: string;
  let otherCity: string;

  beforeAll(async () => {
    chromium = await launchBrowser();
    city = unique('Browsetown');
    otherCity = unique('Lookburg');
    const pool = testPool();
    try {
      const operator = await createOperator(pool);
      for (let i = 0; i < CAR_PARKS + CAR_PARKS_ELSEWHERE; i += 1) {
        const [where, n, origin] = i < CAR_PARKS ? [city, i, { lat: 52.5, lng: 13.4 }] : [otherCity, i - CAR_PARKS, { lat: 48.13, lng: 11.57 }];
        await createFacility(pool, operator, {
          city: where,
          name: `Garage ${String(n).padStart(2, '0')} ${where}`,
          lat: origin.lat + (n % 10) / 500,
          lng: origin.lng + Math.floor(n / 10) / 300,
          spaces: { standard: 4 },
          hourlyCents: { standard: 150 + n * 10 },
        });
      }
    } finally {
      await pool.end();
    }
    api = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'], ...PERSON_FACING_LIMITS });
  });

  afterAll(async () => {
    await chromium?.close();
    await api?.stop();
  });

  /**
   * Signs in (or not), searches, pages, opens twenty car parks, changes the window, looks in
   * another city, changes the order, and books one: what someone comparing car parks for a trip
   * does in ten minutes.
   */
  async function browseForTenMinutes(page: Page, driver: TestAccount | null): Promise<void> {
    thought = 0;
    await page.goto(`${api.url}/`, { waitUntil: 'domcontentloaded' });
    await headingOnceItReads(page, 'Find parking near where you’re going');
    await think(10);
    if (driver) {
      await clickWhenReady(page, '.topbar a[href="/login"]');
      await signIn(page, driver.email, driver.password);
      await waitForPath(page, '/');
      await page.waitForSelector('.user-chip');
      await think(5);
    }

    // Where: typed at a person's speed, with the suggestions box asking as they pause.
    await page.waitForSelector('input[name="place"]');
    await page.click('input[name="place"]');
    await page.type('input[name="place"]', city, { delay: 120 });
    await think(3);
    await clickText(page, 'form[aria-label="Search parking"] button[type="submit"]', 'Find parking');
    await waitForPath(page, '/search');
    await resultsShown(page, 20);
    await think(20);

    // Two more pages of results.
    for (const shown of [40, CAR_PARKS]) {
      await clickText(page, 'button', 'Load more');
      await resultsShown(page, shown);
      await think(15);
    }

    // Ten car parks opened and read.
    for (const index of FIRST_ROUND) await openAndReturn(page, index, 25);

    // Another window: tomorrow, 09:00 to 17:00 on the car parks' clock.
    const tomorrow = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short' }).format(new Date(Date.now() + 86_400_000));
    await page.$eval('input[name="start"]', (input, day) => ((input as HTMLInputElement).value = `${day}T09:00`), tomorrow);
    await page.$eval('input[name="end"]', (input, day) => ((input as HTMLInputElement).value = `${day}T17:00`), tomorrow);
    await think(10);
    const firstStart = new URL(page.url()).searchParams.get('start');
    await clickText(page, 'form[aria-label="Search parking"] button[type="submit"]', 'Find parking');
    await page.waitForFunction((before) => new URLSearchParams(window.location.search).get('start') !== before, {}, firstStart);
    await resultsShown(page, 20);
    await think(15);
    await clickText(page, 'button', 'Load more');
    await resultsShown(page, 40);
    await think(10);

    // The other city the person might stay in: two pages, ten car parks, then the cheapest first.
    await page.click('input[name="place"]', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('input[name="place"]', otherCity, { delay: 120 });
    await think(3);
    await clickText(page, 'form[aria-label="Search parking"] button[type="submit"]', 'Find parking');
    await page.waitForFunction((wanted) => new URLSearchParams(window.location.search).get('city') === wanted, {}, otherCity);
    await resultsShown(page, 20);
    await think(15);
    await clickText(page, 'button', 'Load more');
    await resultsShown(page, CAR_PARKS_ELSEWHERE);
    await think(10);
    for (const index of SECOND_ROUND) await openAndReturn(page, index, 20);
    await page.click('.search-form__more > summary');
    await page.select('select[name="sort"]', 'price');
    await think(5);
    await clickText(page, 'form[aria-label="Search parking"] button[type="submit"]', 'Find parking');
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('sort') === 'price');
    await resultsShown(page, 20);
    await think(20);

    // Book the cheapest: a visitor is asked to sign in here and stops; a signed-in driver pays.
    const cheapest = await page.$eval('.result__name a', (link) => link.textContent ?? '');
    await clickText(page, '.result__name a', cheapest);
    expect(await headingOnceItReads(page, cheapest)).toBe(cheapest);
    await page.waitForSelector('.type-list__item');
    await think(15);
    await clickWhenReady(page, 'button[aria-label="Book a standard space"]');
    if (!driver) {
      await waitForPath(page, '/login');
      return;
    }
    await waitForPath(page, '/driver/checkout');
    await fillByLabel(page, 'Vehicle plate', 'B-TM 600');
    await think(10);
    await clickText(page, 'button[type="submit"]', 'Hold this space');
    await page.waitForFunction(() => /^\/driver\/checkout\/[0-9a-f-]{36}$/.test(window.location.pathname));
    await fillByLabel(page, 'Card number', SANDBOX_TEST_CARDS.succeeds);
    await fillByLabel(page, 'Expiry (MM/YY)', '12/39');
    await fillByLabel(page, 'CVC', '123');
    await think(20);
    await clickText(page, 'form[aria-label="Card payment"] button[type="submit"]', 'Pay');
    expect(await headingOnceItReads(page, 'Booking confirmed')).toBe('Booking confirmed');
  }

  function report(label: string, answers: ApiAnswer[]): void {
    const reads = answers.filter((a) => /^\/api\/(proxy|facilities)\//.test(a.path));
    process.stdout.write(
      `[ten-minute session, ${label}] ${answers.length} API requests (${reads.length} guarded catalogue reads) in ${thought} s of the person's time, ` +
        `statuses ${JSON.stringify(Object.fromEntries([...new Set(answers.map((a) => a.status))].map((s) => [s, answers.filter((a) => a.status === s).length])))}\n`,
    );
  }

  it(
    'never slows, blocks or downgrades a signed-in driver who searches, pages, opens twenty car parks and books, with Chromium’s real user agent',
    async () => {
      const driver = await createAccount('driver');
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await page.setUserAgent({ userAgent: await realChromeUserAgent(chromium) });
        const answers = recordApiAnswers(page);
        await browseForTenMinutes(page, driver);
        await screenshot(page, 'ten-minute-session-booked');
        report('signed in', answers);

        expect(thought).toBeGreaterThanOrEqual(SESSION_SECONDS * 0.9);
        expect(answers.filter((a) => a.status === 429 || a.status === 403 || a.retryAfter !== null)).toEqual([]);
        expect(answers.filter((a) => a.status >= 400)).toEqual([]);
        const opened = new Set(answers.filter((a) => /^\/api\/facilities\/[^/?]+\?|^\/api\/facilities\/[^/?]+$/.test(a.path)).map((a) => a.path.split('?')[0]));
        expect(opened.size).toBeGreaterThanOrEqual(FACILITIES_OPENED);
        // Every catalogue answer to the signed-in person carried exact counts.
        const catalogue = answers.filter((a) => a.fidelity !== null);
        expect(catalogue.length).toBeGreaterThan(FACILITIES_OPENED);
        expect(catalogue.filter((a) => a.fidelity !== 'full').map((a) => a.path)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    (SESSION_SECONDS * 1000) / TIME_SCALE + 240_000,
  );

  it(
    'refuses the same session when the browser says it is headless: the guard is in the path this test walks',
    async () => {
      const driver = await createAccount('driver');
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        expect(await chromium.browser.userAgent()).toContain('HeadlessChrome');
        // Refused reads leave the page without what the person waits for: fail fast then.
        page.setDefaultTimeout(10_000);
        const answers = recordApiAnswers(page);
        await browseForTenMinutes(page, driver).catch(() => undefined);
        report('headless user agent', answers);
        expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(0);
        expect(answers.find((a) => a.status === 429)?.retryAfter).not.toBeNull();
      } finally {
        await context.close();
      }
    },
    (SESSION_SECONDS * 1000) / TIME_SCALE + 240_000,
  );

  it(
    'never slows or blocks a visitor doing the same without an account, up to the sign-in asked for at Book',
    async () => {
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await page.setUserAgent({ userAgent: await realChromeUserAgent(chromium) });
        const answers = recordApiAnswers(page);
        await browseForTenMinutes(page, null);
        report('visitor', answers);

        expect(answers.filter((a) => a.status === 429 || a.status === 403 || a.retryAfter !== null)).toEqual([]);
        expect(answers.filter((a) => a.status >= 400 && a.path !== '/api/auth/refresh')).toEqual([]);
      } finally {
        await context.close();
      }
    },
    (SESSION_SECONDS * 1000) / TIME_SCALE + 240_000,
  );
});
