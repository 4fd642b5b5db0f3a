import { testPool, unique } from '../../api/test/support/db.js';
import { waitForEmail } from '../../api/test/support/mailbox.js';
import { createAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickWhenReady, fillByLabel, headingOnceItReads, signIn, visit, waitForPath, waitForText } from './support/spa.js';

const INVITATION_SUBJECT = /^You are invited to AIParksit/;
const PASSWORD = 'harbour lantern juniper oboe';

/** The invitation link emailed to `email` (local mailbox of the test API), as path and fragment on the test server. */
async function invitationPathFor(email: string): Promise<string> {
  const pool = testPool();
  try {
    const delivered = await waitForEmail(pool, email, INVITATION_SUBJECT);
    const match = /https?:\/\/\S+\/invitation#token=[A-Za-z0-9_%-]+/.exec(delivered.text);
    if (!match) throw new Error(`No invitation link in: ${delivered.text}`);
    const link = new URL(match[0]);
    return `${link.pathname}${link.hash}`;
  } finally {
    await pool.end();
  }
}

describeInBrowser('Admin accounts in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('an admin invites an investor, who sets a password from the emailed link and lands on the investor portal; the admin then disables them', async () => {
    const admin = await createAccount('admin');
    const investorEmail = `${unique('ivy')}@example.test`;
    const adminContext = await chromium.newContext();
    const investorContext = await chromium.newContext();
    try {
      const adminPage = await openPage(adminContext);
      await visit(adminPage, '/login');
      await signIn(adminPage, admin.email, admin.password);
      await waitForPath(adminPage, '/admin');
      await clickWhenReady(adminPage, 'nav[aria-label="Main"] a[href="/admin/accounts"]');
      expect(await headingOnceItReads(adminPage, 'Accounts')).toBe('Accounts');

      await fillByLabel(adminPage, 'Full name', 'Ivy Investor');
      await fillByLabel(adminPage, 'Email', investorEmail);
      await adminPage.click('form[aria-label="New account"] button[type="submit"]');
      await waitForText(adminPage, '[data-testid="invitation-sent"]', investorEmail);
      const invitedRow = `tr[data-account-email="${investorEmail}"]`;
      await waitForText(adminPage, `${invitedRow} [data-testid="account-state"]`, 'Invited');
      await screenshot(adminPage, 'admin-accounts-desktop');

      // The investor opens the link from the email, in a browser of their own.
      const invitationPath = await invitationPathFor(investorEmail);
      const investorPage = await openPage(investorContext);
      await visit(investorPage, invitationPath);
      expect(await headingOnceItReads(investorPage, 'Choose your password')).toBe('Choose your password');
      // The secret leaves the address bar at once.
      expect(await investorPage.evaluate(() => window.location.hash)).toBe('');
      await fillByLabel(investorPage, 'Password', 'password123');
      await investorPage.click('button[type="submit"]');
      await investorPage.waitForSelector('[data-field-error="password"]');
      await fillByLabel(investorPage, 'Password', PASSWORD);
      await investorPage.click('button[type="submit"]');
      await waitForPath(investorPage, '/investor');
      await screenshot(investorPage, 'invitation-accepted-investor-desktop');

      // The same link again, as a person clicking it twice would: it says why it no longer works.
      const again = await openPage(investorContext);
      await visit(again, invitationPath);
      await fillByLabel(again, 'Password', PASSWORD);
      await again.click('button[type="submit"]');
      expect(await headingOnceItReads(again, 'This invitation link does not work')).toBe('This invitation link does not work');
      await waitForText(again, '.auth__lead', 'already used');
      await again.close();

      // The admin finds the investor by a piece of the address, now active with a sign-in.
      await fillByLabel(adminPage, 'Search', investorEmail.slice(0, 12).toUpperCase());
      await waitForText(adminPage, `${invitedRow} [data-testid="account-state"]`, 'Active');
      await clickWhenReady(adminPage, `${invitedRow} .button--danger`);
      await adminPage.waitForSelector('dialog[open][data-testid="confirm-dialog"]');
      await screenshot(adminPage, 'admin-accounts-disable-dialog-desktop');
      await adminPage.click('dialog[open] [data-testid="confirm"]');
      await waitForText(adminPage, `${invitedRow} [data-testid="account-state"]`, 'Disabled');
      await waitForText(adminPage, '[data-testid="account-outcome"]', 'signed out everywhere');
      expect(await adminPage.$('dialog[open]')).toBeNull();

      // The investor's session is over: a reload finds no session and asks them to sign in.
      await investorPage.reload({ waitUntil: 'domcontentloaded' });
      await waitForPath(investorPage, '/login');
      await signIn(investorPage, investorEmail, PASSWORD);
      await investorPage.waitForSelector('.form-alert-region .form-alert');
      expect(new URL(investorPage.url()).pathname).toBe('/login');
    } finally {
      await adminContext.close();
      await investorContext.close();
    }
  });

  it('fits a 375 px phone: accounts become cards and nothing scrolls sideways', async () => {
    const admin = await createAccount('admin');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'phone');
      await visit(page, '/login');
      await signIn(page, admin.email, admin.password);
      await waitForPath(page, '/admin');
      await visit(page, `/admin/accounts?q=${encodeURIComponent(admin.email)}`);
      await waitForText(page, `tr[data-account-email="${admin.email}"]`, '(you)');
      // Nobody may disable their own account: the row offers no such button.
      expect(await page.$(`tr[data-account-email="${admin.email}"] .button--danger`)).toBeNull();
      await visit(page, '/admin/accounts');
      await page.waitForSelector('.accounts-table tbody tr');
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      const display = await page.$eval('.accounts-table tbody tr', (row) => getComputedStyle(row).display);
      expect(display).toBe('block');
      await screenshot(page, 'admin-accounts-phone');
    } finally {
      await context.close();
    }
  });
});
