import type pg from 'pg';
import { WS_OPERATOR_PATH } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { createUser, loginAs, signedInUser, type TestAccount } from '../support/factories.js';
import { createFacility, createOperatorWithFacility, type TestFacility, type TestOperator } from '../support/facility-factories.js';
import { toWebSocketUrl } from '../../../test/support/websocket-client.js';
import { closeCodeOf, insertBooking, insertPayment, RecordingSocket, sleep } from './realtime-support.js';

const feedUrl = (query = '') => toWebSocketUrl(apiUrl(), `${WS_OPERATOR_PATH}${query}`);

describe('WebSocket /ws/operator', () => {
  let pool: pg.Pool;
  let driver: TestAccount;
  const sockets: RecordingSocket[] = [];

  /** An operator's feed, open and greeted. */
  const openFeed = async (operator: TestOperator) => {
    const tokens = await loginAs(apiUrl(), operator.owner);
    const socket = await RecordingSocket.open(feedUrl(`?token=${tokens.accessToken}`));
    sockets.push(socket);
    await socket.waitFor((m) => m.type === 'welcome');
    return socket;
  };

  beforeAll(async () => {
    pool = testPool();
    driver = await createUser(pool);
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await pool.end();
  });

  describe('handshake', () => {
    it('closes with 4401 without a token', async () => {
      expect(await closeCodeOf(feedUrl())).toBe(4401);
    });

    it('closes with 4401 for a bad or forged token', async () => {
      expect(await closeCodeOf(feedUrl('?token=abc'))).toBe(4401);
      expect(await closeCodeOf(feedUrl('?token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'))).toBe(4401);
    });

    it('closes with 4403 for a signed-in account that is not an operator', async () => {
      const { tokens } = await signedInUser(pool, apiUrl(), 'driver');
      expect(await closeCodeOf(feedUrl(`?token=${tokens.accessToken}`))).toBe(4403);
    });

    it('greets an operator with its own facilities', async () => {
      const { operator, facility } = await createOperatorWithFacility(pool);
      const second = await createFacility(pool, operator);
      const socket = await openFeed(operator);
      expect(socket.messages[0]).toEqual({
        type: 'welcome',
        role: 'operator',
        operatorFacilityIds: [facility.id, second.id].sort(),
        limits: expect.objectContaining({ maxSubscriptions: 200 }),
      });
    });
  });

  describe('events', () => {
    let mine: { operator: TestOperator; facility: TestFacility };
    let theirs: { operator: TestOperator; facility: TestFacility };

    beforeEach(async () => {
      mine = await createOperatorWithFacility(pool, { spaces: { standard: 2 } });
      theirs = await createOperatorWithFacility(pool, { spaces: { standard: 2 } });
    });

    it('receives booking_created and availability for its own facility without subscribing', async () => {
      const socket = await openFeed(mine.operator);
      const start = new Date(Date.now() - 60_000);
      const end = new Date(Date.now() + 3_600_000);
      const booking = await insertBooking(pool, driver.id, mine.facility, {
        status: 'pending_payment',
        start,
        end,
        vehiclePlate: 'M-AB 1234',
        amountCents: 900,
      });

      expect((await socket.waitForEvent('booking_created')).data).toEqual({
        id: booking.id,
        code: booking.code,
        facilityId: mine.facility.id,
        spaceType: 'standard',
        start: start.toISOString(),
        end: end.toISOString(),
        status: 'pending_payment',
        amountCents: 900,
        currency: 'EUR',
        vehiclePlate: 'M-AB 1234',
      });
      expect((await socket.waitForEvent('availability_changed', (d) => d.period !== null)).data).toMatchObject({
        facilityId: mine.facility.id,
        availableNow: 1,
        capacity: 2,
      });
    });

    it('receives booking_updated saying what happened: paid, extended, expired, cancelled', async () => {
      const socket = await openFeed(mine.operator);
      const start = new Date(Date.now() + 3_600_000);
      const end = new Date(Date.now() + 7_200_000);
      const paid = await insertBooking(pool, driver.id, mine.facility, { status: 'pending_payment', start, end, spaceIndex: 0 });
      const lapsed = await insertBooking(pool, driver.id, mine.facility, { status: 'pending_payment', start, end, spaceIndex: 1 });

      await pool.query(`UPDATE bookings SET status = 'confirmed', confirmed_at = now(), hold_expires_at = NULL WHERE id = $1`, [paid.id]);
      expect((await socket.waitForEvent('booking_updated', (d) => d.id === paid.id)).data).toMatchObject({
        code: paid.code,
        status: 'confirmed',
        change: 'paid',
        previousStatus: 'pending_payment',
        previousEnd: end.toISOString(),
      });

      const later = new Date(end.getTime() + 3_600_000);
      await pool.query(`UPDATE bookings SET period = tstzrange(lower(period), $2) WHERE id = $1`, [paid.id, later]);
      expect((await socket.waitForEvent('booking_updated', (d) => d.id === paid.id && d.change === 'extended')).data).toMatchObject({
        end: later.toISOString(),
        previousEnd: end.toISOString(),
      });

      await pool.query(`UPDATE bookings SET status = 'expired' WHERE id = $1`, [lapsed.id]);
      expect((await socket.waitForEvent('booking_updated', (d) => d.id === lapsed.id)).data).toMatchObject({ change: 'expired', status: 'expired' });

      await pool.query(`UPDATE bookings SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [paid.id]);
      expect((await socket.waitForEvent('booking_updated', (d) => d.id === paid.id && d.change === 'cancelled')).data).toMatchObject({
        previousStatus: 'confirmed',
      });
    });

    it('receives revenue_updated with today and month to date when a payment is booked', async () => {
      const socket = await openFeed(mine.operator);
      const first = await insertBooking(pool, driver.id, mine.facility, { spaceIndex: 0 });
      await insertPayment(pool, first, mine.facility, 1500);
      expect((await socket.waitForEvent('revenue_updated')).data).toEqual({
        facilityId: mine.facility.id,
        currency: 'EUR',
        todayCents: 1500,
        monthToDateCents: 1500,
      });

      const second = await insertBooking(pool, driver.id, mine.facility, { spaceIndex: 1 });
      await insertPayment(pool, second, mine.facility, 700);
      expect((await socket.waitForEvent('revenue_updated', (d) => d.todayCents === 2200)).data).toMatchObject({ monthToDateCents: 2200 });
    });

    it("never receives another operator's events, even when subscribing to its facility", async () => {
      const socket = await openFeed(mine.operator);
      await socket.request({ type: 'subscribe', facilityIds: [theirs.facility.id] });
      const booking = await insertBooking(pool, driver.id, theirs.facility);
      await insertPayment(pool, booking, theirs.facility, 1000);
      // Their availability is public and was asked for; their bookings and revenue are not.
      await socket.waitForEvent('availability_changed', (d) => d.facilityId === theirs.facility.id && d.period !== null);

      await insertBooking(pool, driver.id, mine.facility);
      await socket.waitForEvent('booking_created', (d) => d.facilityId === mine.facility.id);
      await sleep(300);
      expect(socket.events('booking_created').map((e) => e.data.facilityId)).toEqual([mine.facility.id]);
      expect(socket.events('revenue_updated')).toEqual([]);
    });

    it('sends its own facility once even when the feed also subscribes to it', async () => {
      const socket = await openFeed(mine.operator);
      await socket.request({ type: 'subscribe', facilityIds: [mine.facility.id, theirs.facility.id] });
      await insertBooking(pool, driver.id, mine.facility);
      await insertBooking(pool, driver.id, theirs.facility);
      await socket.waitForEvent('availability_changed', (d) => d.facilityId === mine.facility.id && d.period !== null);
      await socket.waitForEvent('availability_changed', (d) => d.facilityId === theirs.facility.id && d.period !== null);
      await sleep(300);
      expect(
        socket
          .bookingEvents()
          .map((e) => e.data.facilityId)
          .sort(),
      ).toEqual([mine.facility.id, theirs.facility.id].sort());
    });

    it('sends an operator only its own events when two operators are connected', async () => {
      const mySocket = await openFeed(mine.operator);
      const theirSocket = await openFeed(theirs.operator);
      await insertBooking(pool, driver.id, mine.facility);
      await insertBooking(pool, driver.id, theirs.facility);
      await mySocket.waitForEvent('booking_created');
      await theirSocket.waitForEvent('booking_created');
      await sleep(300);
      for (const [socket, own] of [
        [mySocket, mine.facility.id],
        [theirSocket, theirs.facility.id],
      ] as const) {
        expect(new Set(socket.events().map((e) => e.data.facilityId))).toEqual(new Set([own]));
      }
    });

    it('covers a facility the operator creates after connecting', async () => {
      const socket = await openFeed(mine.operator);
      const added = await createFacility(pool, mine.operator);
      await insertBooking(pool, driver.id, added);
      expect((await socket.waitForEvent('booking_created')).data.facilityId).toBe(added.id);
    });
  });
});
