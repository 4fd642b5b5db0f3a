import type pg from 'pg';
import request from 'supertest';
import { renderBookingQr } from '../../src/notifications/templates/booking-qr.js';
import { bearer, createUser, loginAs } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { createConfirmedBooking, enqueueConfirmation, enqueueNotice, outboxRow, settledOutboxRow } from './notification-fixtures.js';
import { startSmtpTestServer, type DataReply, type SmtpTestServer } from './smtp-test-server.js';
import { scratchPool } from './scratch-pool.js';

/**
 * Delivery over SMTP to a real SMTP server started here. The API runs on a database of its own,
 * so no other API's worker takes these messages; short intervals keep the retries quick.
 */
describe('confirmation email over SMTP', () => {
  const database = `notifications_smtp_${process.pid}`;
  let smtp: SmtpTestServer;
  let api: RunningApi;
  let pool: pg.Pool;
  /** Answers to the next DATA commands; once used up, the server accepts. */
  const nextReplies: DataReply[] = [];

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(database);
    smtp = await startSmtpTestServer(() => nextReplies.shift() ?? { accept: true });
    api = await startApiServer(
      {
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'AIParksit <bookings@parking.example>',
        PUBLIC_URL: 'https://parking.example',
        OUTBOX_POLL_INTERVAL_MS: '100',
        OUTBOX_RETRY_BASE_MS: '400',
        OUTBOX_RETRY_MAX_MS: '5000',
        OUTBOX_MAX_ATTEMPTS: '4',
      },
      90_000,
    );
    pool = scratchPool(databaseUrl);
  }, 120_000);

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

  it('sends the driver the code, QR code, address, local window, price and cancel link', async () => {
    const booking = await createConfirmedBooking(pool, {
      start: new Date('2030-01-15T07:00:00Z'),
      end: new Date('2030-01-15T09:30:00Z'),
      amountCents: 1250,
      currency: 'EUR',
      facility: { timeZone: 'Europe/Berlin' },
    });
    const outboxId = await enqueueConfirmation(pool, booking.id);

    const [message] = await smtp.waitForMessages(1);
    const { mail, rcptTo } = message!;
    expect(rcptTo).toEqual([booking.driver.email]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : undefined).toBe(booking.driver.email);
    expect(mail.from?.value).toEqual([{ name: 'AIParksit', address: 'bookings@parking.example' }]);
    expect(mail.subject).toBe(`Booking confirmed: ${booking.code} at Central Garage`);
    expect(mail.messageId).toMatch(new RegExp(`^<outbox-${outboxId}\\.\\d+@parking\\.example>$`));

    const text = mail.text ?? '';
    expect(text).toContain(`Booking code: ${booking.code}`);
    expect(text).toContain('Central Garage');
    expect(text).toContain('1 Test Street');
    expect(text).toContain('10115 Testville');
    expect(text).toContain('From:    Tuesday 15 January 2030, 08:00 CET');
    expect(text).toContain('Until:   Tuesday 15 January 2030, 10:30 CET');
    expect(text).toContain('€12.50, paid with Visa •••• 4242');
    expect(text).toContain(`https://parking.example/driver/bookings/${booking.id}`);

    const html = mail.html || '';
    expect(html).toContain(booking.code);
    expect(html).toContain('Tuesday 15 January 2030, 08:00 CET');
    expect(html).toContain(`href="https://parking.example/driver/bookings/${booking.id}"`);
    expect(html).toContain('src="cid:booking-qr@aiparksit"');

    expect(mail.attachments).toHaveLength(1);
    const qr = mail.attachments[0]!;
    expect(qr.contentType).toBe('image/png');
    expect(qr.contentDisposition).toBe('inline');
    expect(qr.cid).toBe('booking-qr@aiparksit');
    expect(qr.content.equals(await renderBookingQr(booking.code))).toBe(true);

    const row = await settledOutboxRow(pool, outboxId);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('retries a server that answers 451 with growing, jittered delays, then sends, recording every attempt', async () => {
    nextReplies.push({ refuse: 451, message: '4.7.1 Greylisted, try again later' }, { refuse: 451, message: '4.7.1 Greylisted, try again later' });
    const driver = await createUser(pool, { name: 'Grey Listed' });
    const outboxId = await enqueueNotice(pool, driver.id, 'Third time lucky');

    const [message] = await smtp.waitForMessages(1);
    expect(message!.mail.subject).toBe('Third time lucky');
    expect(smtp.attempts.map((a) => a.reply)).toEqual(['451', '451', 'accept']);
    // Equal jitter: after attempt n the wait is between half and all of 400 ms × 2^(n-1).
    const [first, second, third] = smtp.attempts.map((a) => a.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(200);
    expect(third - second).toBeGreaterThanOrEqual(400);

    const row = await settledOutboxRow(pool, outboxId);
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(row.lastError).toMatch(/451.*Greylisted/);
  });

  it('gives up after OUTBOX_MAX_ATTEMPTS refusals and marks the message failed', async () => {
    for (let i = 0; i < 4; i++) nextReplies.push({ refuse: 421, message: '4.3.2 Service shutting down' });
    const driver = await createUser(pool);
    const outboxId = await enqueueNotice(pool, driver.id, 'Never arrives');

    const row = await settledOutboxRow(pool, outboxId, 30_000);
    expect(row).toMatchObject({ status: 'failed', attempts: 4 });
    expect(row.lastError).toMatch(/421/);
    expect(smtp.received).toHaveLength(0);
  });

  it('does not retry a message the server rejects for good (5xx)', async () => {
    nextReplies.push({ refuse: 550, message: '5.1.1 Mailbox unavailable' });
    const driver = await createUser(pool);
    const outboxId = await enqueueNotice(pool, driver.id, 'Bounced');

    const row = await settledOutboxRow(pool, outboxId);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/550.*Mailbox unavailable/);
  });

  it('fails a confirmation for a booking that no longer exists without retrying', async () => {
    const outboxId = await enqueueConfirmation(pool, '00000000-0000-4000-8000-000000000000');
    const row = await settledOutboxRow(pool, outboxId);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/does not exist/);
  });

  it("POST /api/notifications/email sends an admin's notice through the outbox and answers 202 at once", async () => {
    const admin = await createUser(pool, { role: 'admin' });
    const driver = await createUser(pool, { name: 'Notice Reader' });
    const tokens = await loginAs(api.url, admin);

    const res = await request(api.url)
      .post('/api/notifications/email')
      .set('authorization', bearer(tokens))
      .send({ userId: driver.id, template: 'account_notice', subject: 'Level 2 closed', message: 'Level 2 is closed on Sunday.\n\nPlease use level 3.' })
      .expect(202);
    expect(res.body).toEqual({ outboxId: expect.stringMatching(/^\d+$/), status: 'pending' });

    const [message] = await smtp.waitForMessages(1);
    expect(message!.rcptTo).toEqual([driver.email]);
    expect(message!.mail.subject).toBe('Level 2 closed');
    expect(message!.mail.text).toContain('Hello Notice Reader,\n\nLevel 2 is closed on Sunday.\n\nPlease use level 3.');
    expect((await settledOutboxRow(pool, res.body.outboxId)).status).toBe('sent');
  });

  it('leaves a message another worker holds a live lease on, and sends it once the lease has run out', async () => {
    const driver = await createUser(pool);
    // As a worker that claimed the row and then died would leave it: attempt 1 taken, lease 1.5 s.
    // Written claimed in one statement: a row inserted first and claimed after could be picked up
    // by the live worker in between.
    const { rows } = await pool.query<{ id: string; leaseEnd: Date }>(
      `INSERT INTO outbox (kind, payload, attempts, claim_token, claimed_by, claimed_at, next_attempt_at)
       VALUES ('email.account_notice', jsonb_build_object('userId', $1::text, 'subject', 'Picked up after a crash', 'message', 'A message from the platform.'),
               1, gen_random_uuid(), 'crashed-worker', now(), now() + interval '1500 milliseconds')
       RETURNING id::text AS id, next_attempt_at AS "leaseEnd"`,
      [driver.id],
    );
    const outboxId = rows[0]!.id;
    expect((await outboxRow(pool, outboxId)).status).toBe('pending');

    const [message] = await smtp.waitForMessages(1);
    expect(message!.mail.subject).toBe('Picked up after a crash');
    expect(message!.receivedAt).toBeGreaterThanOrEqual(rows[0]!.leaseEnd.getTime() - 50);
    const row = await settledOutboxRow(pool, outboxId);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(row.claimedBy).not.toBe('crashed-worker');
  });
});
