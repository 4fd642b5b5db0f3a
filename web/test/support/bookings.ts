import { SANDBOX_TEST_CARDS, type BookingView } from '@aiparksit/shared';
import { apiUrl } from '../../../api/test/support/api-url.js';
import { bearer, loginAs } from '../../../api/test/support/factories.js';
import type { TestAccount } from './accounts.js';

/**
 * A driver's confirmed two-hour standard booking three days ahead (inside the free-cancellation
 * time), held and paid with the sandbox's succeeding card through the API — for browser tests
 * whose subject is what happens after a booking, not the checkout itself.
 */
export async function confirmedBookingThroughApi(driver: TestAccount, facilityId: string, vehiclePlate: string): Promise<BookingView> {
  const tokens = await loginAs(apiUrl(), driver);
  const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 72 * 3_600_000);
  const end = new Date(start.getTime() + 2 * 3_600_000);
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${apiUrl()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: bearer(tokens), 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const booking = await post<BookingView>('/api/bookings', {
    facilityId,
    start: start.toISOString(),
    end: end.toISOString(),
    spaceType: 'standard',
    vehiclePlate,
  });
  await post('/api/payments', { bookingId: booking.id, card: { number: SANDBOX_TEST_CARDS.succeeds, expMonth: 12, expYear: 2039, cvc: '123' } });
  return booking;
}
