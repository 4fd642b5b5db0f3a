import type pg from 'pg';
import { WS_INVESTOR_PATH, type AuthTokens } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { holdBooking, postPayment, windowAhead } from '../support/booking-helpers.js';
import { testPool } from '../support/db.js';
import { createUser, loginAs, signedInUser } from '../support/factories.js';
import { createFacility, createOperatorWithFacility } from '../support/facility-factories.js';
import { toWebSocketUrl } from '../../../test/support/websocket-client.js';
import { closeCodeOf, insertBooking, RecordingSocket, type EventFrame } from './realtime-support.js';

const feedUrl = (query = '') => toWebSocketUrl(apiUrl(), `${WS_INVESTOR_PATH}${query}`);

describe('WebSocket /ws/investor', () => {
  let pool: pg.Pool;
  const sockets: RecordingSocket[] = [];

  /** The platform feed of a freshly signed-in account of the role, open and greeted. */
  const openFeed = async (role: 'investor' | 'admin') => {
    const { tokens } = await signedInUser(pool, apiUrl(), role);
    const socket = await RecordingSocket.open(feedUrl(`?token=${tokens.accessToken}`));
    sockets.push(socket);
    await socket.waitFor((m) => m.type === 'welcome');
    return socket;
  };

  beforeAll(() => {
    pool = testPool();
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await pool.end();
  });

  describe('handshake', () => {
    it('closes with 4401 without a token or with a bad one', async () => {
      expect(await closeCodeOf(feedUrl())).toBe(4401);
      expect(await closeCodeOf(feedUrl('?token=abc'))).toBe(4401);
    });

    it('closes with 4403 for a driver and for an operator', async () => {
      for (const role of ['driver', 'operator'] as const) {
        const { tokens } = await signedInUser(pool, apiUrl(), role);
        expect(await closeCodeOf(feedUrl(`?token=${tokens.accessToken}`))).toBe(4403);
      }
    });

    it('greets an investor and an admin, with no facilities', async () => {
      for (const role of ['investor', 'admin'] as const) {
        const socket = await openFeed(role);
        expect(socket.messages[0]).toEqual({ type: 'welcome', role, operatorFacilityIds: [], limits: expect.objectContaining({ maxSubscriptions: 200 }) });
      }
    });
  });

  describe('revenue_updated', () => {
    let driver: AuthTokens;

    beforeAll(async () => {
      driver = (await signedInUser(pool, apiUrl(), 'driver')).tokens;
    });

    it('reaches an investor after a payment through the API, naming no facility, operator, amount or person', async () => {
      const investor = await openFeed('investor');
      const { operator, facility } = await createOperatorWithFacility(pool, { spaces: { standard: 1 }, hourlyCents: { standard: 450 } });
      const booking = await holdBooking(apiUrl(), driver, { facilityId: facility.id, ...windowAhead(3, 2), spaceType: 'standard', vehiclePlate: 'INV-RT 7' });
      expect((await postPayment(apiUrl(), driver, { bookingId: booking.id })).status).toBe(201);

      const event = await investor.waitForEvent('revenue_updated');
      expect(event.data).toEqual({ scope: 'platform', changes: expect.any(Number) });
      expect(event.data.changes).toBeGreaterThanOrEqual(1);
      const frames = JSON.stringify(investor.messages);
      for (const secret of [facility.id, operator.id, booking.id, booking.code, 'INV-RT 7']) expect(frames).not.toContain(secret);
    });

    it('reaches an admin as well, and the operator feed is not what it gets', async () => {
      const admin = await openFeed('admin');
      const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 1 } });
      const booking = await holdBooking(apiUrl(), driver, { facilityId: facility.id, ...windowAhead(4, 1), spaceType: 'standard', vehiclePlate: 'ADM-RT 1' });
      expect((await postPayment(apiUrl(), driver, { bookingId: booking.id })).status).toBe(201);
      expect((await admin.waitForEvent('revenue_updated')).data).toMatchObject({ scope: 'platform' });
      expect(admin.events('booking_created')).toEqual([]);
    });

    it('coalesces a burst: payments in 24 facilities committed at once make one or two events, not 24', async () => {
      const investor = await openFeed('investor');
      const owner = await createUser(pool, { role: 'driver' });
      const { operator, facility: first } = await createOperatorWithFacility(pool, { spaces: { standard: 1 } });
      const facilities = [first];
      while (facilities.length < 24) facilities.push(await createFacility(pool, operator, { spaces: { standard: 1 } }));
      const bookings = [];
      for (const facility of facilities) bookings.push({ facility, booking: await insertBooking(pool, owner.id, facility) });

      // One statement, one commit: 24 distinct revenue notices reach the listener together.
      const seen = investor.messages.length;
      await pool.query(
        `INSERT INTO ledger_entries (booking_id, operator_id, facility_id, account, amount_cents, currency)
         SELECT b, $1, f, 'gross', 1000, 'EUR' FROM unnest($2::uuid[], $3::uuid[]) AS t(b, f)`,
        [operator.id, bookings.map((each) => each.booking.id), bookings.map((each) => each.facility.id)],
      );

      // Other tests' payments may share these events; wait until ours are all accounted for.
      const after = (): EventFrame[] => investor.messages.slice(seen).filter((m) => m.type === 'event') as EventFrame[];
      await investor.waitFor(
        () => after().reduce((sum, event) => sum + Number(event.data.changes), 0) >= facilities.length,
        30_000,
        'events covering the 24 revenue changes',
      );
      expect(after().length).toBeLessThanOrEqual(3);
    });
  });

  it('takes the access token as a subprotocol and answers without echoing it', async () => {
    const account = await createUser(pool, { role: 'investor' });
    const tokens = await loginAs(apiUrl(), account);
    const socket = await RecordingSocket.open(feedUrl(), { protocols: ['aiparksit.v1', `bearer.${tokens.accessToken}`] });
    sockets.push(socket);
    expect(socket.socket.protocol).toBe('aiparksit.v1');
    expect(await socket.waitFor((m) => m.type === 'welcome')).toMatchObject({ role: 'investor' });
  });
});
