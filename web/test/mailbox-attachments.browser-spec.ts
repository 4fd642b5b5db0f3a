import { apiUrl } from '../../api/test/support/api-url.js';
import { testPool } from '../../api/test/support/db.js';
import { bearer, createUser, loginAs } from '../../api/test/support/factories.js';
import { createAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, headingOnceItReads, signIn, visit, waitForPath, waitForText } from './support/spa.js';

describeInBrowser('Mailbox attachments in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('shows an emailed report’s PDF with its size on a phone, and downloads the same bytes with the admin’s session', async () => {
    const admin = await createAccount('admin');
    const pool = testPool();
    let investorEmail: string;
    let stored: Buffer;
    try {
      const investor = await createUser(pool, { role: 'investor' });
      investorEmail = investor.email;
      const tokens = await loginAs(apiUrl(), admin);
      const sent = await fetch(`${apiUrl()}/api/notifications/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: bearer(tokens) },
        body: JSON.stringify({ userId: investor.id, template: 'investor-report', report: { type: 'growth', from: '2026-07-01', to: '2026-07-31' } }),
      });
      expect(sent.status).toBe(202);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { rows } = await pool.query<{ content: Buffer }>(
          `SELECT a.content FROM mailbox_attachments a JOIN mailbox_messages m ON m.id = a.message_id WHERE m.to_address = $1`,
          [investor.email],
        );
        if (rows[0]) {
          stored = rows[0].content;
          break;
        }
        if (Date.now() > deadline) throw new Error('The report did not reach the mailbox within 60 s.');
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await pool.end();
    }

    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'phone');
      await visit(page, '/login');
      await signIn(page, admin.email, admin.password);
      await waitForPath(page, '/admin');
      await visit(page, `/admin/mailbox?to=${encodeURIComponent(investorEmail)}`);
      await waitForText(page, 'table.mailbox', '1 attachment');
      await clickText(page, 'table.mailbox a', 'Growth report: July 2026');
      expect(await headingOnceItReads(page, 'Growth report: July 2026')).toBe('Growth report: July 2026');
      await waitForText(page, '.mail-attachments', 'application/pdf');
      const listed = await page.$eval('.mail-attachments li', (item) => item.textContent ?? '');
      expect(listed).toMatch(/\.pdf/);
      expect(listed).toMatch(/\d+(\.\d)? (kB|MB|bytes)/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await screenshot(page, 'mailbox-attachment');

      // The file handed to the browser's save flow is kept for reading.
      await page.evaluate(() => {
        const original = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          (window as unknown as { savedFile: Promise<number[]> }).savedFile = (blob as Blob).arrayBuffer().then((b) => [...new Uint8Array(b)]);
          return original(blob);
        };
      });
      const download = page.waitForResponse((response) => response.url().includes('/attachments/'));
      await clickText(page, '.mail-attachments button', 'Download');
      const response = await download;
      expect(response.status()).toBe(200);
      expect(response.request().headers()['authorization']).toMatch(/^Bearer /);
      await page.waitForFunction(() => 'savedFile' in window);
      const saved = Buffer.from(await page.evaluate(() => (window as unknown as { savedFile: Promise<number[]> }).savedFile));
      expect(saved.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(saved.equals(stored)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
