import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, MailboxMessage, Page } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { bearer, createUser, loginAs, signedInUser, type TestAccount } from '../support/factories.js';
import { createConfirmedBooking, enqueueConfirmation, settledOutboxRow } from './notification-fixtures.js';

/** The shared API runs without SMTP_URL: its worker delivers into the local mailbox. */
describe('local mailbox (no SMTP_URL)', () => {
  let pool: pg.Pool;
  let admin: AuthTokens;
  let driver: { account: TestAccount; tokens: AuthTokens };

  beforeAll(async () => {
    pool = testPool();
    admin = await loginAs(apiUrl(), await createUser(pool, { role: 'admin' }));
    driver = await signedInUser(pool, apiUrl(), 'driver');
  });

  afterAll(async () => {
    await pool.end();
  });

  const asAdmin = {
    send: (body: object) => request(apiUrl()).post('/api/notifications/email').set('authorization', bearer(admin)).send(body),
    mailbox: (query: Record<string, string | number> = {}) =>
      request(apiUrl()).get('/api/notifications/mailbox').query(query).set('authorization', bearer(admin)),
    message: (id: string) => request(apiUrl()).get(`/api/notifications/mailbox/${id}`).set('authorization', bearer(admin)),
  };

  /** Polls the mailbox for messages to `to` until `count` are there. */
  async function mailTo(to: string, count = 1): Promise<MailboxMessage[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const page = (await asAdmin.mailbox({ to }).expect(200)).body as Page<MailboxMessage>;
      if (page.items.length >= count || Date.now() > deadline) return page.items;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  describe('delivery', () => {
    it('puts a confirmation written to the outbox into the mailbox, QR code as a data URI the SPA can show', async () => {
      const booking = await createConfirmedBooking(pool, {
        start: new Date('2030-07-01T06:00:00Z'),
        end: new Date('2030-07-01T08:00:00Z'),
        amountCents: 990,
        currency: 'GBP',
        facility: { timeZone: 'Europe/London' },
      });
      const outboxId = await enqueueConfirmation(pool, booking.id);

      const [message] = await mailTo(booking.driver.email);
      expect(message).toMatchObject({ to: booking.driver.email, subject: `Booking confirmed: ${booking.code} at Central Garage`, sentAt: expect.any(String) });
      expect(message!.text).toContain(`Booking code: ${booking.code}`);
      expect(message!.text).toContain('From:    Monday 1 July 2030, 07:00 BST');
      expect(message!.text).toContain('£9.90');
      expect(message!.html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="QR code of booking /);
      expect(message!.html).not.toContain('cid:');
      expect(await settledOutboxRow(pool, outboxId)).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('POST /api/notifications/email re-sends the confirmation of a booking of that user (202, receipt)', async () => {
      const booking = await createConfirmedBooking(pool, { start: new Date('2030-02-01T10:00:00Z'), end: new Date('2030-02-01T12:00:00Z') });
      const res = await asAdmin.send({ userId: booking.driver.id, template: 'booking_confirmation', bookingId: booking.id }).expect(202);
      expect(res.body).toEqual({ outboxId: expect.any(String), status: 'pending' });

      const [message] = await mailTo(booking.driver.email);
      expect(message!.subject).toContain(booking.code);
    });

    it('GET /api/notifications/mailbox/:id returns one message', async () => {
      await asAdmin.send({ userId: driver.account.id, template: 'account_notice', subject: 'One <b>message</b>', message: 'Hi & bye' }).expect(202);
      const [listed] = await mailTo(driver.account.email);
      const res = await asAdmin.message(listed!.id).expect(200);
      expect(res.body).toEqual(listed);
      expect(res.body.subject).toBe('One <b>message</b>');
      expect(res.body.html).toContain('<title>One &lt;b&gt;message&lt;/b&gt;</title>');
      expect(res.body.html).toContain('Hi &amp; bye');
    });

    it('lists newest first, paged, with the total', async () => {
      const reader = await createUser(pool);
      for (const subject of ['first', 'second', 'third']) {
        await asAdmin.send({ userId: reader.id, template: 'account_notice', subject, message: subject }).expect(202);
        await mailTo(reader.email, ['first', 'second', 'third'].indexOf(subject) + 1);
      }
      const page1 = (await asAdmin.mailbox({ to: reader.email.toUpperCase(), pageSize: 2 }).expect(200)).body as Page<MailboxMessage>;
      expect(page1).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(page1.items.map((m) => m.subject)).toEqual(['third', 'second']);
      const page2 = (await asAdmin.mailbox({ to: reader.email, pageSize: 2, page: 2 }).expect(200)).body as Page<MailboxMessage>;
      expect(page2.items.map((m) => m.subject)).toEqual(['first']);
    });
  });

  describe('who may use it', () => {
    it('answers 401 without credentials', async () => {
      await request(apiUrl()).get('/api/notifications/mailbox').expect(401);
      await request(apiUrl()).post('/api/notifications/email').send({}).expect(401);
    });

    it('answers 403 to signed-in users who are not admins', async () => {
      const operator = await signedInUser(pool, apiUrl(), 'operator');
      for (const tokens of [driver.tokens, operator.tokens]) {
        await request(apiUrl()).get('/api/notifications/mailbox').set('authorization', bearer(tokens)).expect(403);
        await request(apiUrl()).get('/api/notifications/mailbox/00000000-0000-4000-8000-000000000000').set('authorization', bearer(tokens)).expect(403);
        await request(apiUrl())
          .post('/api/notifications/email')
          .set('authorization', bearer(tokens))
          .send({ userId: driver.account.id, template: 'account_notice', subject: 's', message: 'm' })
          .expect(403);
      }
    });
  });

  describe('POST /api/notifications/email refusals', () => {
    it('answers 404 for an unknown user', async () => {
      const res = await asAdmin.send({ userId: '00000000-0000-4000-8000-000000000000', template: 'account_notice', subject: 's', message: 'm' }).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, details: { code: 'recipient_not_found' }, requestId: expect.any(String) });
    });

    it("answers 404 for a booking that is not that user's, exactly as for one that does not exist", async () => {
      const booking = await createConfirmedBooking(pool, { start: new Date('2030-03-01T10:00:00Z'), end: new Date('2030-03-01T11:00:00Z') });
      const other = await asAdmin.send({ userId: driver.account.id, template: 'booking_confirmation', bookingId: booking.id }).expect(404);
      const missing = await asAdmin
        .send({ userId: driver.account.id, template: 'booking_confirmation', bookingId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
      expect(other.body.message).toBe(missing.body.message);
      expect(other.body.details).toEqual({ code: 'booking_not_found', fields: [{ field: 'bookingId', code: 'invalid', message: expect.any(String) }] });
    });

    it('answers 409 for a booking that is not paid', async () => {
      const booking = await createConfirmedBooking(pool, {
        start: new Date('2030-04-01T10:00:00Z'),
        end: new Date('2030-04-01T11:00:00Z'),
        status: 'pending_payment',
      });
      const res = await asAdmin.send({ userId: booking.driver.id, template: 'booking_confirmation', bookingId: booking.id }).expect(409);
      expect(res.body.details).toMatchObject({ code: 'booking_not_confirmed', status: 'pending_payment' });
    });

    it.each([
      ['an unknown template', { template: 'newsletter', subject: 's', message: 'm' }, 'template'],
      ['a notice without a subject', { template: 'account_notice', message: 'm' }, 'subject'],
      ['a notice with an empty message', { template: 'account_notice', subject: 's', message: '' }, 'message'],
      ['a confirmation without a booking', { template: 'booking_confirmation' }, 'bookingId'],
      ['a user id that is not a UUID', { userId: '42', template: 'account_notice', subject: 's', message: 'm' }, 'userId'],
      ['an unknown field', { template: 'account_notice', subject: 's', message: 'm', cc: 'x@example.com' }, 'cc'],
    ])('answers 400 naming the field for %s', async (_case, body, field) => {
      const res = await asAdmin.send({ userId: driver.account.id, ...body }).expect(400);
      expect(res.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('GET /api/notifications/mailbox refusals', () => {
    it('answers 404 for a message that does not exist and 400 for an id that is not a UUID', async () => {
      await asAdmin.message('00000000-0000-4000-8000-000000000000').expect(404);
      await asAdmin.message('not-an-id').expect(400);
    });

    it('answers 400 for a page size above the maximum', async () => {
      await asAdmin.mailbox({ pageSize: 1000 }).expect(400);
    });
  });
});
