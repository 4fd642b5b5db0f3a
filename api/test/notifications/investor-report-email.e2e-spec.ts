import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, InvestorOverview } from '@aiparksit/shared';
import { SUMMARY_METRICS, summaryLine } from '../../src/notifications/templates/investor-report.template.js';
import { bearer, createUser, loginAs, type TestAccount } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { settledOutboxRow } from './notification-fixtures.js';
import { pdfText } from '../../../test/support/pdf-text.js';
import { scratchPool } from './scratch-pool.js';
import { startSmtpTestServer, type DataReply, type SmtpTestServer } from './smtp-test-server.js';

/**
 * `POST /api/notifications/email` with the investor-report template, delivered over SMTP to a
 * real SMTP server started here. The API has a database of its own, so no other worker takes
 * these messages; short outbox intervals keep retries quick.
 */
describe('investor report emails over SMTP', () => {
  const database = `notifications_reports_${process.pid}`;
  let smtp: SmtpTestServer;
  let api: RunningApi;
  let pool: pg.Pool;
  const nextReplies: DataReply[] = [];
  let investor: TestAccount;
  let investorTokens: AuthTokens;
  let adminTokens: AuthTokens;

  const email = (tokens: AuthTokens | undefined, body: object) => {
    const req = request(api.url).post('/api/notifications/email');
    return tokens ? req.set('authorization', bearer(tokens)).send(body) : req.send(body);
  };
  const report = { type: 'revenue', from: '2026-09-01', to: '2026-09-30', comparison: 'same_period_last_year' };

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(database);
    smtp = await startSmtpTestServer(() => nextReplies.shift() ?? { accept: true });
    api = await startApiServer({
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'AIParksit <reports@parking.example>',
      PUBLIC_URL: 'https://parking.example',
      OUTBOX_POLL_INTERVAL_MS: '100',
      OUTBOX_RETRY_BASE_MS: '300',
      OUTBOX_RETRY_MAX_MS: '3000',
      OUTBOX_MAX_ATTEMPTS: '4',
    });
    pool = scratchPool(databaseUrl);
    investor = await createUser(pool, { role: 'investor', name: 'Ivy Investor' });
    investorTokens = await loginAs(api.url, investor);
    adminTokens = await loginAs(api.url, await createUser(pool, { role: 'admin' }));
  }, 150_000);

  afterAll(async () => {
    await api?.stop();
    await smtp?.stop();
    await pool?.end();
    await dropScratchDatabase(database);
  });

  beforeEach(() => {
    nextReplies.length = 0;
    smtp.received.length = 0;
    smtp.attempts.length = 0;
  });

  it('sends an investor their own report as a PDF attachment whose text names the period', async () => {
    const res = await email(investorTokens, { userId: investor.id, template: 'investor-report', report }).expect(202);
    expect(res.body).toEqual({ outboxId: expect.stringMatching(/^\d+$/), status: 'pending' });

    const [message] = await smtp.waitForMessages(1, 60_000);
    const { mail, rcptTo } = message!;
    expect(rcptTo).toEqual([investor.email]);
    expect(mail.subject).toBe('Revenue report: September 2026');
    expect(mail.text).toContain('Hello Ivy Investor,');
    expect(mail.text).toContain('revenue report for September 2026 (2026-09-01 to 2026-09-30), compared with the same period last year.');
    // Its headline figures are the API's for the same period.
    const overview = (
      await request(api.url)
        .get('/api/proxy/investor')
        .query({ from: report.from, to: report.to, comparison: report.comparison })
        .set('authorization', bearer(investorTokens))
        .expect(200)
    ).body as InvestorOverview;
    for (const metric of SUMMARY_METRICS) {
      const line = summaryLine(metric, overview.figures[metric]);
      expect(mail.text).toContain(`- ${line.label}: ${line.value}`);
    }

    const pdfs = mail.attachments.filter((a) => a.contentType === 'application/pdf');
    expect(pdfs).toHaveLength(1);
    const pdf = pdfs[0]!;
    expect(pdf.contentDisposition).toBe('attachment');
    expect(pdf.filename).toMatch(/\.pdf$/);
    expect(pdf.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    // The report's cover names the period it covers.
    expect((await pdfText(pdf.content)).replace(/\s+/g, ' ')).toContain('1 September 2026 – 30 September 2026');
    expect(await settledOutboxRow(pool, res.body.outboxId)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('lets an admin send a report to another investor, retrying a first refusal, and it arrives once', async () => {
    nextReplies.push({ refuse: 451, message: '4.3.0 Try again later' });
    const other = await createUser(pool, { role: 'investor', name: 'Otto Other' });
    const res = await email(adminTokens, {
      userId: other.id,
      template: 'investor-report',
      report: { type: 'market', from: '2026-10-01', to: '2026-10-31' },
    }).expect(202);

    const [message] = await smtp.waitForMessages(1, 60_000);
    expect(message!.rcptTo).toEqual([other.email]);
    expect(message!.mail.subject).toBe('Market analysis report: October 2026');
    expect(message!.mail.text).toContain('compared with the period of the same length just before');
    expect(message!.mail.attachments.some((a) => a.content.subarray(0, 4).toString('latin1') === '%PDF')).toBe(true);
    const row = await settledOutboxRow(pool, res.body.outboxId);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(row.lastError).toMatch(/451/);
    expect(smtp.attempts.map((a) => a.reply)).toEqual(['451', 'accept']);
    expect(smtp.received).toHaveLength(1);
  });

  it('lets an admin send a report to an admin, and to nobody else (422 for a driver)', async () => {
    const otherAdmin = await createUser(pool, { role: 'admin' });
    await email(adminTokens, { userId: otherAdmin.id, template: 'investor-report', report }).expect(202);
    const driver = await createUser(pool, { role: 'driver' });
    const res = await email(adminTokens, { userId: driver.id, template: 'investor-report', report }).expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, details: { code: 'recipient_not_investor' } });
    await smtp.waitForMessages(1, 60_000);
    expect(smtp.received.map((m) => m.rcptTo[0])).toEqual([otherAdmin.email]);
  });

  it('refuses an investor sending a report to someone else, or any other template, with 403', async () => {
    const other = await createUser(pool, { role: 'investor' });
    const res = await email(investorTokens, { userId: other.id, template: 'investor-report', report }).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, details: { code: 'recipient_not_allowed' } });
    await email(investorTokens, { userId: investor.id, template: 'account_notice', subject: 'Hi', message: 'Hello' }).expect(403);
  });

  it('refuses drivers and operators with 403 and anonymous callers with 401', async () => {
    for (const role of ['driver', 'operator'] as const) {
      const account = await createUser(pool, { role });
      const tokens = await loginAs(api.url, account);
      await email(tokens, { userId: account.id, template: 'investor-report', report }).expect(403);
    }
    await email(undefined, { userId: investor.id, template: 'investor-report', report }).expect(401);
  });

  it('validates the report like the export does: type, real dates, order, length', async () => {
    const send = (r: object) => email(investorTokens, { userId: investor.id, template: 'investor-report', report: r });
    const missing = await email(investorTokens, { userId: investor.id, template: 'investor-report' }).expect(400);
    expect(JSON.stringify(missing.body.details)).toContain('report');
    const badType = await send({ ...report, type: 'everything' }).expect(400);
    expect(JSON.stringify(badType.body.details)).toContain('report.type');
    const badDate = await send({ ...report, from: '2026-02-30' }).expect(400);
    expect(JSON.stringify(badDate.body.details)).toContain('report.from');
    await send({ ...report, comparison: 'last_week' }).expect(400);
    const reversed = await send({ ...report, from: '2026-10-01', to: '2026-09-30' }).expect(400);
    expect(reversed.body.details).toMatchObject({ code: 'invalid_report_period', fields: [{ field: 'report.to' }] });
    await send({ ...report, from: '2020-01-01', to: '2026-01-01' }).expect(400);
  });

  it('answers 429 with Retry-After while three reports for the recipient are still waiting', async () => {
    const busy = await createUser(pool, { role: 'investor' });
    const tokens = await loginAs(api.url, busy);
    // Three asked-for reports and one monthly one, all waiting (due in an hour, so no worker takes them).
    await pool.query(
      `INSERT INTO outbox (kind, payload, next_attempt_at)
       SELECT 'email.investor_report', jsonb_build_object('userId', $1::text, 'report', $2::jsonb) || extra, now() + interval '1 hour'
         FROM (VALUES ('{}'::jsonb), ('{}'), ('{}'), (jsonb_build_object('subscriptionId', gen_random_uuid()::text))) AS v (extra)`,
      [busy.id, JSON.stringify({ ...report, comparison: 'previous_period' })],
    );
    const res = await email(tokens, { userId: busy.id, template: 'investor-report', report }).expect(429);
    expect(res.body.details).toMatchObject({ code: 'report_emails_pending' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);

    await pool.query(
      `DELETE FROM outbox WHERE payload->>'userId' = $1 AND NOT payload ? 'subscriptionId' AND id = (SELECT min(id) FROM outbox WHERE payload->>'userId' = $1)`,
      [busy.id],
    );
    await email(tokens, { userId: busy.id, template: 'investor-report', report }).expect(202);
    await smtp.waitForMessages(1, 60_000);
  });

  it('sends nothing to an account disabled after the report was asked for', async () => {
    const leaving = await createUser(pool, { role: 'investor' });
    // Enqueued as the route would, then disabled before the worker takes it.
    const { rows } = await pool.query<{ id: string }>(
      `WITH disabled AS (UPDATE users SET disabled_at = now() WHERE id = $1)
       INSERT INTO outbox (kind, payload) VALUES ('email.investor_report', jsonb_build_object('userId', $1::text, 'report', $2::jsonb)) RETURNING id::text`,
      [leaving.id, JSON.stringify({ ...report, comparison: 'previous_period' })],
    );
    const row = await settledOutboxRow(pool, rows[0]!.id, 30_000);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/disabled/);
    expect(smtp.received).toHaveLength(0);
  });
});
