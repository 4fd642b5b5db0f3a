import type pg from 'pg';
import request from 'supertest';
import { SANDBOX_TEST_CARDS, type BookingView } from '@aiparksit/shared';
import { GOOD_CARD, holdBooking, paidBooking, postPayment, windowAhead } from '../support/booking-helpers.js';
import { createOperatorWithFacility } from '../support/facility-factories.js';
import { bearer, signedInUser } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { startSmtpTestServer, type ReceivedMessage, type SmtpTestServer } from '../notifications/smtp-test-server.js';
import { scratchPool } from '../notifications/scratch-pool.js';

const HOUR = 3_600_000;
const PUBLIC_URL = 'https://parking.example';
const MASTERCARD = { ...GOOD_CARD, number: SANDBOX_TEST_CARDS.succeedsMastercard };

/**
 * The emails of a booking's life after it is paid (extension, plate change, cancellation), each
 * written to the outbox with its change and delivered to a real SMTP server started here. The API
 * runs on a database of its own, so no other API's worker takes the messages.
 */
describe('booking life-cycle emails over SMTP', () => {
  const database = `booking_emails_${process.pid}`;
  let smtp: SmtpTestServer;
  let api: RunningApi;
  let pool: pg.Pool;

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(database);
    smtp = await startSmtpTestServer();
    api = await startApiServer({ DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, PUBLIC_URL, OUTBOX_POLL_INTERVAL_MS: '100' }, 90_000);
    pool = scratchPool(databaseUrl);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await smtp?.stop();
    await pool?.end();
    await dropScratchDatabase(database);
  });

  const mailTo = (to: string, subject: string): Promise<ReceivedMessage> => smtp.waitForMessageTo(to, subject);

  it('confirms, then tells of a paid extension, a plate change and the cancellation with its refund per card', async () => {
    const { account, tokens } = await signedInUser(pool, api.url, 'driver');
    const { facility } = await createOperatorWithFacility(pool, { name: 'Harbour Garage', spaces: { standard: 1 }, hourlyCents: { standard: 400 } });
    const window = windowAhead(5, 2, 7); // 08:00–10:00 in Berlin (CET)
    const { booking } = await paidBooking(api.url, tokens, {
      facilityId: facility.id,
      ...window,
      spaceType: 'standard',
      vehiclePlate: 'B-AB 123',
    });
    const bookingUrl = `${PUBLIC_URL}/driver/bookings/${booking.id}`;
    const confirmation = await mailTo(account.email, 'Booking confirmed');
    expect(confirmation.mail.text).toContain(`See or cancel your booking: ${bookingUrl}`);

    // An extension, paid with another card.
    const newEnd = new Date(Date.parse(window.end) + HOUR).toISOString();
    const extension = await request(api.url).post(`/api/bookings/${booking.id}/extend`).set('authorization', bearer(tokens)).send({ end: newEnd });
    expect(extension.status).toBe(201);
    expect((await postPayment(api.url, tokens, { bookingId: booking.id, extensionId: extension.body.id, card: MASTERCARD })).status).toBe(201);
    const extended = await mailTo(account.email, 'Booking extended');
    expect(extended.mail.subject).toContain(booking.code);
    expect(extended.mail.text).toContain('Extra:     €4.00, paid with Mastercard •••• 4444');
    expect(extended.mail.text).toContain(bookingUrl);
    expect(extended.mail.html).toContain(`href="${bookingUrl}"`);

    // The booking page names each payment's card.
    const view = (await request(api.url).get(`/api/bookings/${booking.id}`).set('authorization', bearer(tokens))).body as BookingView;
    expect(view.payments.map((p) => [p.purpose, p.amountCents, p.cardBrand, p.cardLast4])).toEqual([
      ['booking', 800, 'visa', '4242'],
      ['extension', 400, 'mastercard', '4444'],
    ]);

    // A plate change.
    const plate = await request(api.url).patch(`/api/bookings/${booking.id}/vehicle`).set('authorization', bearer(tokens)).send({ vehiclePlate: 'm-xy 99' });
    expect(plate.status).toBe(200);
    const changed = await mailTo(account.email, 'Vehicle changed');
    expect(changed.mail.subject).toBe(`Vehicle changed: ${booking.code} is now for M-XY 99`);
    expect(changed.mail.text).toContain('(was B-AB 123)');
    expect(changed.mail.text).toContain(bookingUrl);

    // The cancellation: free this far ahead, so both payments go back, each to its own card.
    const cancel = await request(api.url).post(`/api/bookings/${booking.id}/cancel`).set('authorization', bearer(tokens));
    expect(cancel.status).toBe(200);
    expect(cancel.body.refundedCents).toBe(1200);
    const cancelled = await mailTo(account.email, 'Booking cancelled');
    expect(cancelled.mail.subject).toBe(`Booking cancelled: ${booking.code} at Harbour Garage, €12.00 refunded`);
    const text = cancelled.mail.text ?? '';
    expect(text).toContain('Refund:  €12.00');
    expect(text).toContain('€8.00 to Visa •••• 4242');
    expect(text).toContain('€4.00 to Mastercard •••• 4444');
    expect(text).toContain('within 5–10 business days');
    expect(text).toContain('paid in test mode');
    expect(cancelled.mail.html).toContain(`href="${bookingUrl}"`);

    const after = (await request(api.url).get(`/api/bookings/${booking.id}`).set('authorization', bearer(tokens))).body as BookingView;
    expect(after.payments.map((p) => [p.cardLast4, p.status, p.refunds.map((r) => r.amountCents)])).toEqual([
      ['4242', 'refunded', [800]],
      ['4444', 'refunded', [400]],
    ]);

    const kinds = await pool.query<{ kind: string; status: string }>(`SELECT kind, status::text FROM outbox WHERE payload->>'bookingId' = $1 ORDER BY id`, [
      booking.id,
    ]);
    expect(kinds.rows).toEqual([
      { kind: 'email.booking_confirmation', status: 'sent' },
      { kind: 'email.booking_extension', status: 'sent' },
      { kind: 'email.vehicle_change', status: 'sent' },
      { kind: 'email.booking_cancellation', status: 'sent' },
    ]);
  });

  it('sends no cancellation email for a hold that was never paid', async () => {
    const { tokens } = await signedInUser(pool, api.url, 'driver');
    const { facility } = await createOperatorWithFacility(pool);
    const hold = await holdBooking(api.url, tokens, { facilityId: facility.id, ...windowAhead(7), spaceType: 'standard', vehiclePlate: 'B-AB 123' });
    expect((await request(api.url).post(`/api/bookings/${hold.id}/cancel`).set('authorization', bearer(tokens))).status).toBe(200);
    const rows = await pool.query(`SELECT kind FROM outbox WHERE payload->>'bookingId' = $1`, [hold.id]);
    expect(rows.rows).toEqual([]);
  });

  it('sends no notice when the plate is set to the one it already has', async () => {
    const { tokens } = await signedInUser(pool, api.url, 'driver');
    const { facility } = await createOperatorWithFacility(pool);
    const { booking } = await paidBooking(api.url, tokens, { facilityId: facility.id, ...windowAhead(6), spaceType: 'standard', vehiclePlate: 'B-AB 123' });
    const res = await request(api.url).patch(`/api/bookings/${booking.id}/vehicle`).set('authorization', bearer(tokens)).send({ vehiclePlate: 'b-ab 123' });
    expect(res.status).toBe(200);
    const rows = await pool.query(`SELECT 1 FROM outbox WHERE kind = 'email.vehicle_change' AND payload->>'bookingId' = $1`, [booking.id]);
    expect(rows.rowCount).toBe(0);
  });
});
