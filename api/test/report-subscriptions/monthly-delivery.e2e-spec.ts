import type pg from 'pg';
import request from 'supertest';
import type { ReportSubscription } from '@aiparksit/shared';
import { bearer, createUser, loginAs, type TestAccount } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { pdfText } from '../../../test/support/pdf-text.js';
import { scratchPool } from '../notifications/scratch-pool.js';
import { startSmtpTestServer, type DataReply, type SmtpTestServer } from '../notifications/smtp-test-server.js';

/** The last calendar month before now, in UTC: what a subscriber in UTC receives. */
function lastMonthUtc(): { from: string; to: string; month: string } {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(start), to: day(end), month: day(start).slice(0, 7) };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Monthly reports with two API instances on one database, both running the subscription job
 * every 100 ms and both running an outbox worker, delivering to a real SMTP server started here.
 * Subscriptions are made due by moving `next_send_at` into the past in SQL, all in one statement,
 * so both instances find them due at the same moment.
 */
describe('monthly report emails with two API instances', () => {
  const database = `report_subscriptions_${process.pid}`;
  let smtp: SmtpTestServer;
  const apis: RunningApi[] = [];
  let pool: pg.Pool;
  const nextReplies: DataReply[] = [];

  async function subscribe(account: TestAccount, type: string, timeZone = 'UTC'): Promise<string> {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO report_subscriptions (user_id, report_type, time_zone, comparison, next_send_at) VALUES ($1, $2, $3, 'previous_period', now() + interval '1 day') RETURNING id`,
      [account.id, type, timeZone],
    );
    return rows[0]!.id;
  }

  async function makeDue(ids: string[]): Promise<void> {
    await pool.query(`UPDATE report_subscriptions SET next_send_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Every given subscription has been claimed and moved on to a future month. */
  function allMovedOn(ids: string[]): Promise<true> {
    return waitFor('every subscription moving on to next month', async () => {
      const { rows } = await pool.query<{ pending: number }>(
        `SELECT count(*)::int AS pending FROM report_subscriptions WHERE id = ANY($1::uuid[]) AND next_send_at <= now() + interval '1 hour'`,
        [ids],
      );
      return rows[0]!.pending === 0 || undefined;
    });
  }

  /** No investor-report email is pending in the outbox any more. */
  function outboxSettled(): Promise<true> {
    return waitFor('the outbox settling', async () => {
      const { rows } = await pool.query<{ pending: number }>(
        `SELECT count(*)::int AS pending FROM outbox WHERE kind = 'email.investor_report' AND status = 'pending'`,
      );
      return rows[0]!.pending === 0 || undefined;
    });
  }

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(database);
    smtp = await startSmtpTestServer(() => nextReplies.shift() ?? { accept: true });
    const env = {
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'AIParksit <reports@parking.example>',
      PUBLIC_URL: 'https://parking.example',
      OUTBOX_POLL_INTERVAL_MS: '100',
      OUTBOX_RETRY_BASE_MS: '300',
      OUTBOX_RETRY_MAX_MS: '3000',
      REPORT_SUBSCRIPTIONS_INTERVAL_MS: '100',
    };
    // One after the other: the first migrates the database.
    apis.push(await startApiServer(env));
    apis.push(await startApiServer(env));
    pool = scratchPool(databaseUrl);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await smtp?.stop();
    await pool?.end();
    await dropScratchDatabase(database);
  });

  beforeEach(() => {
    nextReplies.length = 0;
    smtp.received.length = 0;
    smtp.attempts.length = 0;
  });

  it('sends exactly one email per subscription, and none to disabled or demoted subscribers', async () => {
    const investors = await Promise.all(Array.from({ length: 6 }, (_, i) => createUser(pool, { role: 'investor', name: `Investor ${i}` })));
    const admin = await createUser(pool, { role: 'admin', name: 'Admin Reader' });
    const disabled = await createUser(pool, { role: 'investor' });
    const demoted = await createUser(pool, { role: 'investor' });
    const eligible: { account: TestAccount; id: string }[] = [];
    for (const account of investors) eligible.push({ account, id: await subscribe(account, 'platform-overview') });
    eligible.push({ account: investors[0]!, id: await subscribe(investors[0]!, 'market') });
    eligible.push({ account: admin, id: await subscribe(admin, 'revenue') });
    const silent = [await subscribe(disabled, 'revenue'), await subscribe(demoted, 'growth')];
    await pool.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [disabled.id]);
    await pool.query(`UPDATE users SET role = 'driver' WHERE id = $1`, [demoted.id]);
    const all = [...eligible.map((s) => s.id), ...silent];

    await makeDue(all);
    await smtp.waitForMessages(eligible.length, 90_000);
    await allMovedOn(all);
    await outboxSettled();

    // Nothing can be due before next month now, and nothing is left in the outbox: what arrived is all there is.
    expect(smtp.received).toHaveLength(eligible.length);
    const recipients = smtp.received.map((m) => m.rcptTo[0]).sort();
    expect(recipients).toEqual(eligible.map((s) => s.account.email).sort());
    expect(recipients).not.toContain(disabled.email);
    expect(recipients).not.toContain(demoted.email);
    const { rows } = await pool.query<{ kind: string; count: number }>(
      `SELECT status::text AS kind, count(*)::int AS count FROM outbox WHERE kind = 'email.investor_report' GROUP BY status`,
    );
    expect(rows).toEqual([{ kind: 'sent', count: eligible.length }]);

    const { from, to, month } = lastMonthUtc();
    const market = smtp.received.find((m) => m.rcptTo[0] === investors[0]!.email && /market/i.test(m.mail.subject ?? ''))!;
    expect(market.mail.subject).toMatch(/^Your monthly market analysis report: /);
    expect(market.mail.text).toContain(`(${from} to ${to})`);
    const pdf = market.mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const longDate = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
    expect((await pdfText(pdf.content)).replace(/\s+/g, ' ')).toContain(`${longDate(from)} – ${longDate(to)}`);

    const tokens = await loginAs(apis[1]!.url, investors[0]!);
    const listed = (await request(apis[1]!.url).get('/api/reports/subscriptions').set('authorization', bearer(tokens)).expect(200))
      .body as ReportSubscription[];
    expect(listed.map((s) => s.lastSentMonth)).toEqual([month, month]);
    expect(listed.every((s) => new Date(s.nextSendAt).getUTCDate() === 1 && new Date(s.nextSendAt).getUTCHours() === 6)).toBe(true);
  });

  it('never sends a month twice, even when a subscription is made due again', async () => {
    const investor = await createUser(pool, { role: 'investor' });
    const id = await subscribe(investor, 'growth');
    await makeDue([id]);
    await smtp.waitForMessages(1, 90_000);
    await allMovedOn([id]);
    await outboxSettled();

    await makeDue([id]);
    await allMovedOn([id]);
    await outboxSettled();
    expect(smtp.received).toHaveLength(1);
    const { rows } = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM report_subscription_deliveries WHERE subscription_id = $1`, [id]);
    expect(rows[0]!.count).toBe(1);
  });

  it('retries a delivery the SMTP server refuses at first, and the email then arrives once', async () => {
    nextReplies.push({ refuse: 451, message: '4.7.1 Greylisted, try again later' });
    const investor = await createUser(pool, { role: 'investor' });
    const id = await subscribe(investor, 'revenue', 'Europe/Berlin');
    await makeDue([id]);

    const [message] = await smtp.waitForMessages(1, 90_000);
    expect(message!.rcptTo).toEqual([investor.email]);
    await allMovedOn([id]);
    await outboxSettled();
    expect(smtp.attempts.map((a) => a.reply)).toEqual(['451', 'accept']);
    expect(smtp.received).toHaveLength(1);
    const { rows } = await pool.query<{ status: string; attempts: number; lastError: string }>(
      `SELECT o.status::text AS status, o.attempts, o.last_error AS "lastError"
         FROM report_subscription_deliveries d JOIN outbox o ON o.id = d.outbox_id WHERE d.subscription_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ status: 'sent', attempts: 2, lastError: expect.stringMatching(/451/) }]);
  });

  it('sends nothing for a subscription cancelled after its email was queued', async () => {
    const investor = await createUser(pool, { role: 'investor' });
    const id = await subscribe(investor, 'market');
    // Queued as the job would, then the subscription is deleted before the worker takes the email.
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO outbox (kind, payload, next_attempt_at)
       VALUES ('email.investor_report', jsonb_build_object('userId', $1::text, 'subscriptionId', $2::text,
               'report', jsonb_build_object('type', 'market', 'from', '2026-10-01', 'to', '2026-10-31', 'comparison', 'previous_period')), now() + interval '1 second')
       RETURNING id::text`,
      [investor.id, id],
    );
    await pool.query(`DELETE FROM report_subscriptions WHERE id = $1`, [id]);
    const row = await waitFor('the cancelled email failing', async () => {
      const { rows: found } = await pool.query<{ status: string; lastError: string }>(
        `SELECT status::text AS status, last_error AS "lastError" FROM outbox WHERE id = $1`,
        [rows[0]!.id],
      );
      return found[0]!.status !== 'pending' ? found[0] : undefined;
    });
    expect(row).toEqual({ status: 'failed', lastError: expect.stringMatching(/cancelled/) });
    expect(smtp.received).toHaveLength(0);
  });
});
