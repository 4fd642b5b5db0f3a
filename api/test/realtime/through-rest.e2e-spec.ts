import type pg from 'pg';
import { WS_OPERATOR_PATH, WS_PATH, type AuthTokens } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { holdBooking, postPayment, windowAhead } from '../support/booking-helpers.js';
import { testPool } from '../support/db.js';
import { loginAs, signedInUser } from '../support/factories.js';
import { createOperatorWithFacility } from '../support/facility-factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { toWebSocketUrl } from '../../../test/support/websocket-client.js';
import { RecordingSocket } from './realtime-support.js';

describe('Real-time events of bookings made through the REST API', () => {
  let pool: pg.Pool;
  let driver: AuthTokens;
  let instanceB: RunningApi;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    pool = testPool();
    driver = (await signedInUser(pool, apiUrl(), 'driver')).tokens;
    instanceB = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'] });
  });

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await instanceB?.stop();
    await pool.end();
  });

  it('a booking and payment through instance A reach subscribers and the operator on instance B', async () => {
    const { operator, facility } = await createOperatorWithFacility(pool, { spaces: { standard: 2 }, hourlyCents: { standard: 400 } });
    const operatorTokens = await loginAs(apiUrl(), operator.owner);
    const subscriber = await RecordingSocket.open(toWebSocketUrl(instanceB.url, `${WS_PATH}?token=${driver.accessToken}`));
    const feed = await RecordingSocket.open(toWebSocketUrl(instanceB.url, `${WS_OPERATOR_PATH}?token=${operatorTokens.accessToken}`));
    sockets.push(subscriber, feed);
    await feed.waitFor((m) => m.type === 'welcome');
    await subscriber.request({ type: 'subscribe', facilityIds: [facility.id] });

    const window = windowAhead(2, 2);
    const booking = await holdBooking(apiUrl(), driver, { facilityId: facility.id, ...window, spaceType: 'standard', vehiclePlate: 'HH-RT 42' });

    const availability = await subscriber.waitForEvent('availability_changed', (d) => d.period !== null);
    // A booking two days ahead leaves now's count alone; its period tells clients which window changed.
    expect(availability.data).toEqual({ facilityId: facility.id, spaceType: 'standard', period: window, availableNow: 2, capacity: 2, level: 'few' });
    expect((await feed.waitForEvent('booking_created')).data).toMatchObject({
      id: booking.id,
      code: booking.code,
      status: 'pending_payment',
      amountCents: 800,
      vehiclePlate: 'HH-RT 42',
    });

    const paid = await postPayment(apiUrl(), driver, { bookingId: booking.id });
    expect(paid.status).toBe(201);
    expect((await feed.waitForEvent('revenue_updated')).data).toEqual({ facilityId: facility.id, currency: 'EUR', todayCents: 800, monthToDateCents: 800 });
  });
});
