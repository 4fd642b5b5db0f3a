import type { Page } from 'puppeteer-core';
import { testPool, unique } from '../../api/test/support/db.js';
import { createOperator } from '../../api/test/support/facility-factories.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, fillByLabel, headingOnceItReads, signIn, visit, waitForPath } from './support/spa.js';

/** The sentences under the field named `name`, once there are some. */
async function fieldErrors(page: Page, name: string): Promise<string[]> {
  await page.waitForSelector(`[data-field-error="${name}"]`);
  return page.$$eval(`[data-field-error="${name}"] li`, (items) => items.map((item) => item.textContent ?? ''));
}

/** Every field error sentence on the page. */
async function allFieldErrors(page: Page): Promise<string[]> {
  return page.$$eval('[data-field-error] li', (items) => items.map((item) => item.textContent ?? ''));
}

/** class-validator's wording and the API's English fallback, which a person must never read. */
const MACHINE_TEXT = /must be|must not|is required|longer than|shorter than|[a-z][A-Z]/;

/** The value of the input labelled `label`. */
async function valueByLabel(page: Page, label: string): Promise<string> {
  return page.$$eval(
    'label',
    (labels, text) => {
      const id = labels.find((element) => element.textContent?.trim() === text)?.htmlFor;
      return id ? ((document.getElementById(id) as HTMLInputElement | null)?.value ?? '') : '';
    },
    label,
  );
}

describeInBrowser('Forms speak to people', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('says what each field of the registration form needs in sentences, before sending and after the API refuses it', async () => {
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'phone');
      const registrations: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/api/auth/register')) registrations.push(request.method());
      });
      await visit(page, '/register');

      // Nothing filled in: the browser's own checks, in our words, and no request.
      await clickText(page, 'button[type="submit"]', 'Create account');
      expect(await fieldErrors(page, 'name')).toEqual(['Enter your name, as you would like us to address you.']);
      expect(await fieldErrors(page, 'email')).toEqual(['Enter your email address.']);
      expect(await fieldErrors(page, 'password')).toEqual(['Choose a password of at least 10 characters.']);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');

      // A half-typed address and a short password.
      await fillByLabel(page, 'Full name', 'Dana Driver');
      await fillByLabel(page, 'Email', 'dana@');
      await fillByLabel(page, 'Password', 'short');
      await clickText(page, 'button[type="submit"]', 'Create account');
      await page.waitForFunction(() => !document.querySelector('[data-field-error="name"]'));
      expect(await fieldErrors(page, 'email')).toEqual(['Enter an email address like name@example.com.']);
      expect(await fieldErrors(page, 'password')).toEqual(['Use at least 10 characters.']);
      await screenshot(page, 'forms-register-client-375');
      expect(registrations).toEqual([]);

      // Long enough but common: only the API knows, and its code is worded the same way.
      await fillByLabel(page, 'Email', `dana-${unique('f')}@example.test`.toLowerCase());
      await fillByLabel(page, 'Password', 'password1234');
      await clickText(page, 'button[type="submit"]', 'Create account');
      await page.waitForFunction(() => /harder to guess/.test(document.querySelector('[data-field-error="password"]')?.textContent ?? ''));
      expect(registrations).toEqual(['POST']);
      const [weak] = await fieldErrors(page, 'password');
      expect(weak).toMatch(/^Choose a password that is harder to guess: this one .+\.$/);
      expect(await page.$eval('.form-alert', (element) => element.textContent)).toBe('Please correct the highlighted fields.');
      for (const sentence of await allFieldErrors(page)) expect(sentence).not.toMatch(MACHINE_TEXT);
    } finally {
      await context.close();
    }
  });

  it('adds a car park whose coordinates are typed as decimals, names a bad price in a sentence, and reads the coordinates back', async () => {
    const pool = testPool();
    let owner: { email: string; password: string };
    try {
      owner = (await createOperator(pool)).owner;
    } finally {
      await pool.end();
    }
    const facilityName = `Garage ${unique('Decimal')}`;
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login');
      await signIn(page, owner.email, owner.password);
      await waitForPath(page, '/operator');
      await visit(page, '/operator/facilities/new');
      await page.waitForSelector('form[aria-label="New car park"]');

      // An empty street and a latitude that is not a number are caught before the request.
      await fillByLabel(page, 'Name', facilityName);
      await fillByLabel(page, 'City', 'Hamburg');
      await fillByLabel(page, 'Latitude', '53.55x');
      await clickText(page, 'button[type="submit"]', 'Create car park');
      expect(await fieldErrors(page, 'addressLine')).toEqual(['Enter the street and number.']);
      expect(await fieldErrors(page, 'lat')).toEqual(['Enter a latitude between -90 and 90, such as 53.5503.']);

      // Typed key by key, as a person does: "53." must not lose its point on the way to 53.5503.
      await fillByLabel(page, 'Street address', 'Jungfernstieg 7');
      await fillByLabel(page, 'Latitude', '53.5503');
      await fillByLabel(page, 'Longitude', '9,9937');
      expect(await valueByLabel(page, 'Latitude')).toBe('53.5503');
      expect(await valueByLabel(page, 'Longitude')).toBe('9,9937');
      await fillByLabel(page, 'Time zone', 'Europe/Berlin');
      // A price the SPA cannot read goes to the API, whose code comes back as a sentence under the field.
      await fillByLabel(page, 'Standard price per hour', 'two euros');
      await clickText(page, 'button[type="submit"]', 'Create car park');
      expect(await fieldErrors(page, 'hourly.standard')).toEqual(['Enter a price such as 2.50; 0 makes it free.']);
      for (const sentence of await allFieldErrors(page)) expect(sentence).not.toMatch(MACHINE_TEXT);
      await screenshot(page, 'forms-facility-price-error-1280');

      await fillByLabel(page, 'Standard price per hour', '2.50');
      await clickText(page, 'button[type="submit"]', 'Create car park');
      await page.waitForFunction(() => /^\/operator\/facilities\/[0-9a-f-]{36}$/.test(window.location.pathname));
      expect(await headingOnceItReads(page, facilityName)).toBe(facilityName);
      const facilityId = new URL(page.url()).pathname.split('/').at(-1)!;

      // Saved as decimals, not 535503: the edit form and the database say so.
      await visit(page, `/operator/facilities/${facilityId}/edit`);
      await page.waitForSelector('form[aria-labelledby="facility-details"]');
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="lat"]')?.value === '53.5503');
      expect(await valueByLabel(page, 'Longitude')).toBe('9.9937');
      const check = testPool();
      try {
        const { rows } = await check.query<{ latitude: number; longitude: number }>('SELECT latitude, longitude FROM facilities WHERE id = $1', [facilityId]);
        expect(rows[0]).toEqual({ latitude: 53.5503, longitude: 9.9937 });
      } finally {
        await check.end();
      }
    } finally {
      await context.close();
    }
  });
});
