import type { Page } from 'puppeteer-core';
import type { Role } from '@aiparksit/shared';
import { testPool } from '../../api/test/support/db.js';
import { createAccount, openVerificationLink } from './support/accounts.js';
import { expireAccessTokenFor } from './support/network.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickWhenReady, fillByLabel, headingText, mainNavigation, pathOf, signIn, signedInName, visit, waitForPath, waitForText } from './support/spa.js';

const HOME_OF: Record<Role, string> = { driver: '/', operator: '/operator', investor: '/investor', admin: '/admin' };
const NAVIGATION_OF: Record<Role, string[]> = {
  driver: ['/', '/driver/bookings', '/driver/waitlist', '/driver/passes', '/account'],
  operator: [
    '/operator',
    '/operator/facilities',
    '/operator/bookings',
    '/operator/revenue',
    '/operator/occupancy',
    '/operator/settings',
    '/operator/onboarding',
    '/account',
  ],
  investor: ['/investor', '/investor/revenue', '/investor/growth', '/investor/market', '/account'],
  // Admins also see the investor pages.
  admin: ['/admin', '/admin/mailbox', '/admin/operators', '/admin/accounts', '/investor', '/account'],
};
const COMING_SOON: Record<Role, RegExp> = {
  driver: /Find parking near where you’re going/,
  // A new operator's dashboard (while it loads, then) asks for onboarding.
  operator: /onboarding|your dashboard/i,
  investor: /platform overview/i,
  admin: /system architecture: real-time data flow/i,
};

/** Follows the header's "Sign in" link, as a visitor does. */
async function goToLogin(page: Page): Promise<Page> {
  await clickWhenReady(page, '.topbar a[href="/login"]');
  await waitForPath(page, '/login');
  return page;
}

describeInBrowser('SPA shell in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  describe('/', () => {
    it('is the search itself for a visitor: a one-line pitch, where and when, "Find parking", and Sign in / Register in the header', async () => {
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await visit(page, '/');
        expect(await headingText(page)).toBe('Find parking near where you’re going');
        expect(await page.title()).toBe('Find parking · AIParksit');
        const labelled = await page.$$eval('form[aria-label="Search parking"] input:not([type="checkbox"])', (inputs) =>
          inputs.map((input) => Boolean(input.id && document.querySelector(`label[for="${input.id}"]`))),
        );
        expect(labelled).toEqual([true, true, true, true]);
        expect(await page.$$eval('.topbar a', (links) => links.map((link) => link.textContent?.trim()))).toEqual(
          expect.arrayContaining(['Sign in', 'Register']),
        );
        expect(await page.$eval('form[aria-label="Search parking"] button[type="submit"]', (button) => button.textContent)).toBe('Find parking');
        await screenshot(page, 'landing-desktop');

        // The first Tab lands on the skip link, which is shown when focused and leads to <main>.
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
        expect(focused).toEqual({ text: 'Skip to main content', href: '#main' });

        // On a phone the pitch, the place and the button fit the first screen, with nothing sideways.
        const phone = await openPage(context, 'phone');
        await visit(phone, '/');
        await phone.waitForSelector('form[aria-label="Search parking"]');
        const layout = await phone.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          placeBottom: document.querySelector('input[name="place"]')!.getBoundingClientRect().bottom,
        }));
        expect(layout.width).toBeLessThanOrEqual(375);
        expect(layout.placeBottom).toBeLessThan(812);
        await screenshot(phone, 'landing-375');
      } finally {
        await context.close();
      }
    });

    it('keeps operators, investors and admins on their own homes', async () => {
      const account = await createAccount('operator');
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await visit(page, '/login');
        await signIn(page, account.email, account.password);
        await waitForPath(page, '/operator');
        await visit(page, '/');
        await waitForPath(page, '/operator');
      } finally {
        await context.close();
      }
    });
  });

  describe('/login', () => {
    it('announces a wrong password in the live region and keeps the person on the form', async () => {
      const account = await createAccount('driver');
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await visit(page, '/login');
        await signIn(page, account.email, 'not-the-password-at-all');
        await page.waitForSelector('.form-alert-region .form-alert');
        const region = await page.$eval('.form-alert-region', (element) => ({ live: element.getAttribute('aria-live'), text: element.textContent ?? '' }));
        expect(region.live).toBe('assertive');
        expect(region.text.length).toBeGreaterThan(0);
        expect(pathOf(page)).toBe('/login');
      } finally {
        await context.close();
      }
    });
  });

  describe.each(['driver', 'operator', 'investor', 'admin'] as const)('signing in as %s', (role) => {
    it(`lands on the ${role} home with the ${role} navigation only`, async () => {
      const account = await createAccount(role);
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await visit(page, '/login');
        await signIn(page, account.email, account.password);
        await waitForPath(page, HOME_OF[role]);

        expect(await signedInName(page)).toBe(account.name);
        // Each section's page arrives in a chunk of its own: wait for it to replace the loading state.
        await page.waitForFunction(
          (source, flags) => new RegExp(source, flags).test(document.querySelector('main')?.textContent ?? ''),
          {},
          COMING_SOON[role].source,
          COMING_SOON[role].flags,
        );
        expect(await page.$eval('main', (main) => main.textContent)).toMatch(COMING_SOON[role]);
        expect(await mainNavigation(page)).toEqual(NAVIGATION_OF[role]);
        // The live badge is there whether or not the /ws gateway answers.
        expect(await page.$eval('[data-connection-state]', (badge) => badge.getAttribute('data-connection-state'))).toMatch(/^(connecting|live|reconnecting)$/);
        await screenshot(page, `${role}-home-desktop`);

        // A phone in the same browser profile: the stored session opens the home directly.
        // (A new page, because puppeteer reloads a page whose isMobile setting changes.)
        await page.close();
        const phone = await openPage(context, 'phone');
        await visit(phone, HOME_OF[role]);
        await phone.waitForSelector('nav[aria-label="Main"]');
        expect(await signedInName(phone)).toBe(account.name);
        // Nothing may stick out sideways on a phone.
        expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await screenshot(phone, `${role}-home-375`);
      } finally {
        await context.close();
      }
    });
  });

  describe('registration', () => {
    it('says beside the password that it is too short or common, then asks to check email, and the emailed link signs the new driver in', async () => {
      const context = await chromium.newContext();
      try {
        const page = await openPage(context, 'phone');
        await visit(page, '/register');
        const email = `new-driver-${Date.now().toString(36)}@example.test`;
        await fillByLabel(page, 'Full name', 'Nina Newcomer');
        await fillByLabel(page, 'Email', email);
        await fillByLabel(page, 'Password', 'short');
        await page.click('button[type="submit"]');

        const fieldError = await page.waitForSelector('[data-field-error="password"]');
        // Caught before the request, in the same words the API's code would get.
        expect(await fieldError!.evaluate((element) => element.textContent)).toBe('Use at least 10 characters.');
        // The message belongs to the password input: screen readers read it with the field.
        const described = await page.$eval('input[name="password"]', (input) => ({
          invalid: input.getAttribute('aria-invalid'),
          describedBy: input.getAttribute('aria-describedby') ?? '',
          focused: document.activeElement === input,
        }));
        const errorId = await fieldError!.evaluate((element) => element.id);
        expect(described.invalid).toBe('true');
        expect(described.describedBy.split(' ')).toContain(errorId);
        await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'password');
        expect(await page.$eval('.form-alert-region', (region) => region.textContent)).toMatch(/correct/i);
        await screenshot(page, 'register-field-error-375');

        // A well-known password is refused with the reason beside the field.
        await fillByLabel(page, 'Password', 'password12');
        await page.click('button[type="submit"]');
        await page.waitForFunction(() => /commonly used password/.test(document.querySelector('[data-field-error="password"]')?.textContent ?? ''));

        await fillByLabel(page, 'Password', 'a-long-enough-password-42');
        await page.click('button[type="submit"]');
        const checkEmail = await page.waitForSelector('[data-testid="check-email"]');
        expect(await headingText(page)).toBe('Check your email');
        expect(await checkEmail!.evaluate((element) => element.textContent ?? '')).toContain(email);
        await screenshot(page, 'register-check-email-375');

        // The emailed link confirms the address and signs the new driver in.
        await openVerificationLink(page, email);
        await waitForPath(page, '/');
        expect(await signedInName(page)).toBe('Nina Newcomer');
        expect(pathOf(page)).toBe('/');
      } finally {
        await context.close();
      }
    });
  });

  describe('/account', () => {
    it('changes the password, refusing a common one with the reason beside the field', async () => {
      const driver = await createAccount('driver');
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await visit(page, '/login');
        await signIn(page, driver.email, driver.password);
        await waitForPath(page, '/');
        await visit(page, '/account');
        await page.waitForSelector('form[aria-label="Change password"]');
        // The form renders at once; the account's details (and whether the email is confirmed) load after it.
        await waitForText(page, 'main', 'Confirmed');

        await fillByLabel(page, 'Current password', driver.password);
        await fillByLabel(page, 'New password', '1234567890');
        await page.click('form[aria-label="Change password"] button[type="submit"]');
        await page.waitForFunction(() => /most used passwords/.test(document.querySelector('[data-field-error="newPassword"]')?.textContent ?? ''));

        await fillByLabel(page, 'New password', 'a-brand-new-passphrase-for-2030');
        await page.click('form[aria-label="Change password"] button[type="submit"]');
        await page.waitForFunction(() => /Password changed/.test(document.querySelector('form[aria-label="Change password"] .notice')?.textContent ?? ''));
        await screenshot(page, 'account-password-changed');
      } finally {
        await context.close();
      }
    });
  });

  describe('session', () => {
    it('keeps the person signed in across a reload', async () => {
      const account = await createAccount('driver');
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await visit(page, '/login');
        await signIn(page, account.email, account.password);
        await waitForPath(page, '/');

        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.waitForSelector('nav[aria-label="Main"]');
        expect(pathOf(page)).toBe('/');
        expect(await signedInName(page)).toBe(account.name);
        // The SocketProvider reaches the /ws gateway on the page's own origin.
        await page.waitForSelector('[data-connection-state="live"]');

        // The account page reads /api/auth/me with the renewed access token.
        await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/account"]');
        await page.waitForSelector('dl.details');
        expect(await page.$eval('dl.details', (list) => list.textContent)).toContain(account.email);
      } finally {
        await context.close();
      }
    });

    it('renews an expired access token once and retries the request', async () => {
      const account = await createAccount('driver');
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await visit(page, '/login');
        await signIn(page, account.email, account.password);
        await waitForPath(page, '/');

        const requests = await expireAccessTokenFor(page, '/api/auth/me');
        // The signed-in frame renders just after the address changes.
        await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/account"]');
        await page.waitForSelector('dl.details');
        expect(await page.$eval('dl.details', (list) => list.textContent)).toContain(account.email);
        expect(requests).toEqual(['GET /api/auth/me', 'POST /api/auth/refresh', 'GET /api/auth/me']);
      } finally {
        await context.close();
      }
    });

    it('signs out to /login, saying why, when the session cannot be renewed', async () => {
      const account = await createAccount('driver');
      const context = await chromium.newContext();
      const pool = testPool();
      try {
        const page = await openPage(context);
        await visit(page, '/login');
        await signIn(page, account.email, account.password);
        await waitForPath(page, '/');
        // Away from the marketplace, whose live counts refetch whenever anyone books: a refetch
        // would meet the revoked session before the click this test is about.
        await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/driver/bookings"]');
        await waitForPath(page, '/driver/bookings');

        await pool.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [account.email]);
        await expireAccessTokenFor(page, '/api/auth/me');
        await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/account"]');
        const notice = await page.waitForSelector('main .notice');
        expect(await notice!.evaluate((element) => element.textContent)).toMatch(/session has ended/i);
        expect(pathOf(page)).toBe('/login?next=%2Faccount');
      } finally {
        await pool.end();
        await context.close();
      }
    });

    it('sends a signed-out visitor of a deep link to sign in, and back to that page afterwards', async () => {
      const account = await createAccount('operator');
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await visit(page, '/account');
        await waitForPath(page, '/login');
        expect(pathOf(page)).toBe('/login?next=%2Faccount');

        await signIn(page, account.email, account.password);
        await waitForPath(page, '/account');
        await page.waitForSelector('dl.details');
        expect(await page.$eval('dl.details', (list) => list.textContent)).toContain(account.email);
      } finally {
        await context.close();
      }
    });

    it('signs out to the sign-in page from a signed-in page, stays on the open search as a visitor, and a reload stays signed out', async () => {
      const account = await createAccount('driver');
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await visit(page, '/login');
        await signIn(page, account.email, account.password);
        await waitForPath(page, '/');

        // On the open search, signing out leaves a visitor there, offered Sign in and Register.
        const signOut = await page.waitForSelector('::-p-text(Sign out)');
        await signOut!.click();
        await page.waitForSelector('.topbar a[href="/login"]');
        expect(pathOf(page)).toBe('/');

        await signIn(await goToLogin(page), account.email, account.password);
        await waitForPath(page, '/');
        await visit(page, '/driver/bookings');
        await page.waitForSelector('::-p-text(Sign out)');
        await (await page.waitForSelector('::-p-text(Sign out)'))!.click();
        await waitForPath(page, '/login');
        await page.reload({ waitUntil: 'domcontentloaded' });
        expect(await headingText(page)).toBe('Sign in');
      } finally {
        await context.close();
      }
    });
  });

  describe('access by role', () => {
    it('refuses a driver who opens /admin and offers the way home', async () => {
      const account = await createAccount('driver');
      const context = await chromium.newContext();
      try {
        const page = await openPage(context);
        await visit(page, '/login');
        await signIn(page, account.email, account.password);
        await waitForPath(page, '/');

        await visit(page, '/admin');
        expect(await headingText(page)).toBe('This area is not part of your account');
        expect(await page.$eval('main', (main) => main.textContent)).not.toMatch(/system status page is coming/i);
        expect(await mainNavigation(page)).toEqual(NAVIGATION_OF.driver);
      } finally {
        await context.close();
      }
    });
  });
});
