import type { Page } from 'puppeteer-core';
import { testPool, unique } from '../../api/test/support/db.js';
import { createFacility, createOperator } from '../../api/test/support/facility-factories.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, fillByLabel, headingOnceItReads, signIn, visit, waitForPath, waitForText } from './support/spa.js';

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

/** The latitude and longitude fields as numbers. */
async function typedPoint(page: Page): Promise<{ lat: number; lng: number }> {
  return page.evaluate(() => ({
    lat: Number(document.querySelector<HTMLInputElement>('input[name="lat"]')!.value),
    lng: Number(document.querySelector<HTMLInputElement>('input[name="lng"]')!.value),
  }));
}

/** Whether the pin is drawn inside the visible map (a map left in Berlin puts a Hamburg pin far outside it). */
async function pinInSight(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const map = document.querySelector('.facility-map')!.getBoundingClientRect();
    const pin = document.querySelector('.facility-map__pin')!.getBoundingClientRect();
    const x = pin.left + pin.width / 2;
    const y = pin.top + pin.height / 2;
    return x > map.left && x < map.right && y > map.top && y < map.bottom;
  });
}

/** The pin's centre on the screen. */
async function pinCentre(page: Page): Promise<{ x: number; y: number }> {
  const pin = await page.$eval('.facility-map__pin', (element) => {
    element.scrollIntoView({ block: 'center' });
    const rect = element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  return pin;
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
      // A field's message goes as the person fixes it; the others stay until they are fixed.
      await page.waitForFunction(() => !document.querySelector('[data-field-error="name"]'));
      expect(await fieldErrors(page, 'email')).toEqual(['Enter your email address.']);
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
      await fillByLabel(page, 'City', unique('Decimalstadt'));
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

  it('moves the map and the pin to a typed city, finds a listed street address, and lets the person drag or click the pin from there', async () => {
    const pool = testPool();
    let owner: { email: string; password: string };
    const knownCity = unique('Pinburg');
    try {
      owner = (await createOperator(pool)).owner;
      // A car park already listed in the marketplace at "1 Test Street" in knownCity.
      await createFacility(pool, await createOperator(pool), { city: knownCity, lat: 50.1109, lng: 8.6821 });
    } finally {
      await pool.end();
    }
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login');
      await signIn(page, owner.email, owner.password);
      await waitForPath(page, '/operator');
      await visit(page, '/operator/facilities/new');
      await page.waitForSelector('.facility-map__pin');
      expect(await typedPoint(page)).toEqual({ lat: 52.52, lng: 13.405 });

      // Typing the city moves the pin to its centre (from our places table) and the map with it.
      await fillByLabel(page, 'City', 'Hamburg');
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="lat"]')?.value === '53.5503');
      expect(await typedPoint(page)).toEqual({ lat: 53.5503, lng: 9.992 });
      expect(await page.$eval('[data-testid="location-status"]', (element) => element.textContent)).toContain('centre of Hamburg');
      await page.waitForFunction(() => {
        const map = document.querySelector('.facility-map')!.getBoundingClientRect();
        const pin = document.querySelector('.facility-map__pin')!.getBoundingClientRect();
        return pin.left > map.left && pin.right < map.right && pin.top > map.top && pin.bottom < map.bottom;
      });
      expect(await pinInSight(page)).toBe(true);

      // The person drags the pin to their entrance: south-east of the centre, the fields follow.
      const start = await pinCentre(page);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      for (let step = 1; step <= 5; step += 1) await page.mouse.move(start.x + step * 16, start.y + step * 10);
      await page.mouse.up();
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="lat"]')?.value !== '53.5503');
      const dragged = await typedPoint(page);
      expect(dragged.lat).toBeLessThan(53.5503);
      expect(dragged.lng).toBeGreaterThan(9.992);
      expect(dragged.lat).toBeGreaterThan(53.5);

      // A click on the map puts the pin there.
      const clicked = await pinCentre(page);
      await page.mouse.click(clicked.x - 120, clicked.y - 60);
      await page.waitForFunction((lat) => Number(document.querySelector<HTMLInputElement>('input[name="lat"]')?.value) > lat, {}, dragged.lat);
      expect((await typedPoint(page)).lng).toBeLessThan(dragged.lng);
      await screenshot(page, 'forms-map-follows-city-1280');

      // A street address where a car park is already listed is found at that car park's point.
      // (Back to the top first: an input scrolled to the top edge sits under the sticky header.)
      await page.evaluate(() => window.scrollTo(0, 0));
      await fillByLabel(page, 'Street address', '1 Test Street');
      await fillByLabel(page, 'City', knownCity);
      await clickText(page, 'button', 'Find the address on the map');
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="lat"]')?.value === '50.1109');
      expect(await typedPoint(page)).toEqual({ lat: 50.1109, lng: 8.6821 });
      expect(await page.$eval('[data-testid="location-status"]', (element) => element.textContent)).toContain(`1 Test Street, ${knownCity}`);
      await page.waitForFunction(() => {
        const map = document.querySelector('.facility-map')!.getBoundingClientRect();
        const pin = document.querySelector('.facility-map__pin')!.getBoundingClientRect();
        return pin.left > map.left && pin.right < map.right && pin.top > map.top && pin.bottom < map.bottom;
      });

      // A city nobody knows leaves the pin where it is and says so when asked.
      await fillByLabel(page, 'Street address', 'Nowhere Lane 1');
      await fillByLabel(page, 'City', 'Atlantis');
      await clickText(page, 'button', 'Find the address on the map');
      await waitForText(page, '[data-testid="location-status"]', 'No known place matches');
      expect(await typedPoint(page)).toEqual({ lat: 50.1109, lng: 8.6821 });

      // On a phone the finder, the map and the coordinates stack within the screen.
      const phone = await openPage(context, 'phone');
      await visit(phone, '/operator/facilities/new');
      await fillByLabel(phone, 'City', 'Hamburg');
      await phone.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="lat"]')?.value === '53.5503');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
      await phone.$eval('.facility-map', (element) => element.scrollIntoView({ block: 'center' }));
      await screenshot(phone, 'forms-map-follows-city-375');
    } finally {
      await context.close();
    }
  });
});
