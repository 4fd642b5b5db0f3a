import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SANDBOX_TEST_CARDS, type AuthTokens, type BookingView, type CardInput, type CreateBookingRequest, type PaymentView } from '@aiparksit/shared';
import { bearer } from './factories.js';

const HOUR = 3_600_000;

/** A window `hours` long starting `daysAhead` days from now, on the hour (UTC). */
export function windowAhead(daysAhead: number, hours = 2, startHourUtc = 9): { start: string; end: string } {
  const day = new Date();
  day.setUTCHours(startHourUtc, 0, 0, 0);
  const start = day.getTime() + daysAhead * 24 * HOUR;
  return { start: new Date(start).toISOString(), end: new Date(start + hours * HOUR).toISOString() };
}

export const GOOD_CARD: CardInput = { number: SANDBOX_TEST_CARDS.succeeds, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };

export function postBooking(apiUrl: string, tokens: AuthTokens, body: Partial<CreateBookingRequest>, key: string | null = randomUUID()) {
  const req = request(apiUrl).post('/api/bookings').set('authorization', bearer(tokens));
  if (key !== null) req.set('idempotency-key', key);
  return req.send(body);
}

export async function holdBooking(apiUrl: string, tokens: AuthTokens, body: CreateBookingRequest): Promise<BookingView> {
  const res = await postBooking(apiUrl, tokens, body);
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as BookingView;
}

export function postPayment(
  apiUrl: string,
  tokens: AuthTokens,
  body: { bookingId: string; extensionId?: string; card?: CardInput },
  key: string = randomUUID(),
) {
  return request(apiUrl)
    .post('/api/payments')
    .set('authorization', bearer(tokens))
    .set('idempotency-key', key)
    .send({ card: GOOD_CARD, ...body });
}

export async function paidBooking(apiUrl: string, tokens: AuthTokens, body: CreateBookingRequest): Promise<{ booking: BookingView; payment: PaymentView }> {
  const booking = await holdBooking(apiUrl, tokens, body);
  const res = await postPayment(apiUrl, tokens, { bookingId: booking.id });
  if (res.status !== 201) throw new Error(`payment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { booking, payment: res.body as PaymentView };
}
