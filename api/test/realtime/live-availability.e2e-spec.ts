import type pg from 'pg';
import { WS_PATH } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { createApiKey, signedInUser, type TestAccount } from '../support/factories.js';
import { createFacility, createOperator, createOperatorWithFacility, type TestOperator } from '../support/facility-factories.js';
import { toWebSocketUrl } from '../../../test/support/websocket-client.js';
import { closeCodeOf, insertBooking, RecordingSocket, sleep, uniqueSpot, type EventFrame } from './realtime-support.js';

const wsUrl = (query = '') => toWebSocketUrl(apiUrl(), `${WS_PATH}${query}`);

describe('WebSocket /ws: live availability from the database', () => {
  let pool: pg.Pool;
  let driver: TestAccount;
  let driverToken: string;
  let operator: TestOperator;
  const sockets: RecordingSocket[] = [];

  const open = async (query = '') => {
    const socket = await RecordingSocket.open(wsUrl(query));
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    pool = testPool();
    const signedIn = await signedInUser(pool, apiUrl(), 'driver');
    driver = signedIn.account;
    driverToken = signedIn.tokens.accessToken;
    operator = await createOperator(pool);
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await pool.end();
  });

  it('sends availability_changed with the new count after a booking is committed', async () => {
    const facility = await createFacility(pool, operator, { spaces: { standard: 3, ev: 2 } });
    const socket = await open(`?token=${driverToken}`);
    expect(await socket.request({ type: 'subscribe', facilityIds: [facility.id] })).toEqual({
      type: 'subscribed',
      facilityIds: [facility.id],
      boundingBoxes: [],
    });

    const start = new Date(Date.now() - 5 * 60_000);
    const end = new Date(Date.now() + 55 * 60_000);
    await insertBooking(pool, driver.id, facility, { spaceType: 'ev', start, end });

    const event = await socket.waitFor((m) => m.type === 'event' && (m as { data: { period: unknown } }).data.period !== null);
    expect(event).toEqual({
      type: 'event',
      event: 'availability_changed',
      at: expect.any(String),
      data: {
        facilityId: facility.id,
        spaceType: 'ev',
        availableNow: 1,
        capacity: 2,
        level: 'few',
        period: { start: start.toISOString(), end: end.toISOString() },
      },
    });
  });

  it('gives anonymous sockets the level only, as the HTTP API does', async () => {
    const facility = await createFacility(pool, operator, { spaces: { standard: 30 } });
    const socket = await open();
    await socket.request({ type: 'subscribe', facilityIds: [facility.id] });
    await insertBooking(pool, driver.id, facility);
    const event = await socket.waitForEvent('availability_changed', (d) => d.period !== null);
    expect(event.data).toMatchObject({ facilityId: facility.id, availableNow: null, capacity: null, level: 'many' });
  });

  it('announces nothing for a rolled-back booking', async () => {
    const facility = await createFacility(pool, operator, { spaces: { standard: 3 } });
    const socket = await open(`?token=${driverToken}`);
    await socket.request({ type: 'subscribe', facilityIds: [facility.id] });

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await insertBooking(client, driver.id, facility, { spaceIndex: 0 });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await insertBooking(pool, driver.id, facility, { spaceIndex: 1 });

    // The only booking announced is the committed one: one space taken, not two.
    await socket.waitForEvent('availability_changed', (d) => d.period !== null);
    await sleep(200);
    expect(socket.bookingEvents().map((e) => e.data.availableNow)).toEqual([2]);
  });

  it('stops sending a facility after unsubscribe', async () => {
    const a = await createFacility(pool, operator);
    const b = await createFacility(pool, operator);
    const socket = await open(`?token=${driverToken}`);
    await socket.request({ type: 'subscribe', facilityIds: [a.id, b.id] });
    expect(await socket.request({ type: 'unsubscribe', facilityIds: [a.id] })).toMatchObject({ type: 'subscribed', facilityIds: [b.id] });

    await insertBooking(pool, driver.id, a);
    await insertBooking(pool, driver.id, b);
    await socket.waitForEvent('availability_changed', (d) => d.facilityId === b.id && d.period !== null);
    await sleep(200);
    expect(socket.bookingEvents().map((e) => e.data.facilityId)).toEqual([b.id]);
  });

  it('announces capacity changes when a space is added or deactivated', async () => {
    const facility = await createFacility(pool, operator, { spaces: { standard: 2 } });
    const socket = await open(`?token=${driverToken}`);
    await socket.request({ type: 'subscribe', facilityIds: [facility.id] });

    await pool.query(`UPDATE spaces SET active = false WHERE id = $1`, [facility.spaces.standard![0]]);
    const event = await socket.waitForEvent('availability_changed', (d) => d.capacity === 1);
    expect(event.data).toMatchObject({ spaceType: 'standard', availableNow: 1, capacity: 1, period: null });
  });

  it('counts a blackout in force as taken, as the search does, and announces when it is lifted', async () => {
    const facility = await createFacility(pool, operator, { spaces: { standard: 3, ev: 1 } });
    const socket = await open(`?token=${driverToken}`);
    await socket.request({ type: 'subscribe', facilityIds: [facility.id] });

    const start = new Date(Date.now() - 10 * 60_000);
    const end = new Date(Date.now() + 50 * 60_000);
    const blackout = await pool.query<{ id: string }>(
      `INSERT INTO facility_blackouts (facility_id, space_ids, period) VALUES ($1, $2::uuid[], tstzrange($3, $4)) RETURNING id`,
      [facility.id, facility.spaces.standard!.slice(0, 2), start, end],
    );
    // The blackout's own event names its period. Under load the recount that follows the car park's
    // creation can run after the blackout is in force too: it counts it as well, but names no period.
    const closed = await socket.waitForEvent('availability_changed', (d) => d.spaceType === 'standard' && d.availableNow === 1 && d.period !== null);
    expect(closed.data).toMatchObject({ spaceType: 'standard', availableNow: 1, capacity: 3, period: { start: start.toISOString(), end: end.toISOString() } });

    await pool.query(`DELETE FROM facility_blackouts WHERE id = $1`, [blackout.rows[0]!.id]);
    const reopened = await socket.waitForEvent('availability_changed', (d) => d.spaceType === 'standard' && d.availableNow === 3);
    expect(reopened.data).toMatchObject({ spaceType: 'standard', capacity: 3 });
    // The ev space was never under the blackout: no event with a period for its type.
    expect(socket.bookingEvents().filter((e) => e.data.spaceType === 'ev')).toEqual([]);
  });

  it('follows the public facilities inside a bounding box, including one published later', async () => {
    const spot = uniqueSpot();
    const box = { minLat: spot.lat - 0.01, minLng: spot.lng - 0.01, maxLat: spot.lat + 0.01, maxLng: spot.lng + 0.01 };
    const inside = await createFacility(pool, operator, { lat: spot.lat, lng: spot.lng });
    const later = await createFacility(pool, operator, { lat: spot.lat + 0.005, lng: spot.lng, published: false });
    await createFacility(pool, operator, { lat: spot.lat + 0.5, lng: spot.lng });

    const socket = await open(`?token=${driverToken}`);
    expect(await socket.request({ type: 'subscribe', bbox: box })).toEqual({ type: 'subscribed', facilityIds: [inside.id], boundingBoxes: [box] });

    await insertBooking(pool, driver.id, inside);
    await socket.waitForEvent('availability_changed', (d) => d.facilityId === inside.id);

    await pool.query(`UPDATE facilities SET published = true WHERE id = $1`, [later.id]);
    await socket.waitForEvent('availability_changed', (d) => d.facilityId === later.id);
    await insertBooking(pool, driver.id, later);
    const event = await socket.waitForEvent('availability_changed', (d) => d.facilityId === later.id && d.availableNow === 2);
    expect(event.data.capacity).toBe(3);
  });

  it('never sends events of an unpublished facility to public subscribers', async () => {
    const hidden = await createFacility(pool, operator, { published: false });
    const visible = await createFacility(pool, operator);
    const socket = await open(`?token=${driverToken}`);
    await socket.request({ type: 'subscribe', facilityIds: [hidden.id, visible.id] });
    await insertBooking(pool, driver.id, hidden);
    await insertBooking(pool, driver.id, visible);
    await socket.waitForEvent('availability_changed', (d) => d.facilityId === visible.id && d.period !== null);
    await sleep(200);
    expect(socket.events().map((e) => e.data.facilityId)).not.toContain(hidden.id);
  });

  it('coalesces a burst of bookings in one facility into a few recounts ending at the right count', async () => {
    const facility = await createFacility(pool, operator, { spaces: { standard: 40 } });
    const socket = await open(`?token=${driverToken}`);
    await socket.request({ type: 'subscribe', facilityIds: [facility.id] });
    await Promise.all(Array.from({ length: 40 }, (_, i) => insertBooking(pool, driver.id, facility, { spaceIndex: i })));
    await socket.waitForEvent('availability_changed', (d) => d.availableNow === 0, 10_000);
    expect(socket.bookingEvents().length).toBeLessThan(40);
  });

  it('announces every booking of a burst of two space types with its own type, period and the final counts', async () => {
    const facility = await createFacility(pool, operator, { spaces: { standard: 24, ev: 8 } });
    const socket = await open(`?token=${driverToken}`);
    await socket.request({ type: 'subscribe', facilityIds: [facility.id] });
    const hour = 3_600_000;
    const now = Date.now();
    // Standard bookings end within a day; EV ones a week later, so a period lent across types shows.
    const bookings = [
      ...Array.from({ length: 24 }, (_, i) => ({
        spaceType: 'standard' as const,
        spaceIndex: i,
        start: new Date(now - (i + 1) * 60_000),
        end: new Date(now + (i + 1) * hour),
      })),
      ...Array.from({ length: 8 }, (_, i) => ({
        spaceType: 'ev' as const,
        spaceIndex: i,
        start: new Date(now - 60_000),
        end: new Date(now + (7 * 24 + i) * hour),
      })),
    ];
    await Promise.all(bookings.map((b) => insertBooking(pool, driver.id, facility, b)));

    await socket.waitForEvent('availability_changed', (d) => d.spaceType === 'standard' && d.availableNow === 0, 10_000);
    await socket.waitForEvent('availability_changed', (d) => d.spaceType === 'ev' && d.availableNow === 0, 10_000);
    // A recount may see a booking committed before its own notice is merged into the next one, so
    // the zero can come first: each booking is announced by some event, possibly a later one.
    for (const booking of bookings) {
      const covering = (d: EventFrame) =>
        d.period !== null && d.spaceType === booking.spaceType && d.period.start <= booking.start.toISOString() && d.period.end >= booking.end.toISOString();
      await socket.waitForEvent('availability_changed', covering, 10_000);
    }
    const events = socket.bookingEvents().map((e) => e.data);
    expect(events.filter((d) => d.spaceType === 'ev').at(-1)?.availableNow).toBe(0);
    expect(events.filter((d) => d.spaceType === 'standard').at(-1)?.availableNow).toBe(0);
    const standardEnds = events.filter((d) => d.spaceType === 'standard').map((d) => Date.parse(d.period.end));
    expect(Math.max(...standardEnds)).toBe(now + 24 * hour);
  });

  it('announces each booking of a steady stream in one facility with the count after it', async () => {
    const facility = await createFacility(pool, operator, { spaces: { standard: 15 } });
    const socket = await open(`?token=${driverToken}`);
    await socket.request({ type: 'subscribe', facilityIds: [facility.id] });
    for (let i = 0; i < 15; i++) {
      const end = new Date(Date.now() + 3_600_000 + i * 1000);
      await insertBooking(pool, driver.id, facility, { spaceIndex: i, end });
      const event = await socket.waitForEvent('availability_changed', (d) => d.period !== null && d.period.end === end.toISOString(), 5000);
      expect(event.data.availableNow).toBe(15 - (i + 1));
    }
  });

  it('accepts an API key (exact counts) and refuses a bad one with 4401', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'operator');
    const key = await createApiKey(apiUrl(), tokens);
    const { facility } = await createOperatorWithFacility(pool);
    const socket = await open(`?apiKey=${encodeURIComponent(key.key)}`);
    await socket.request({ type: 'subscribe', facilityIds: [facility.id] });
    await insertBooking(pool, driver.id, facility);
    expect((await socket.waitForEvent('availability_changed', (d) => d.period !== null)).data).toMatchObject({ availableNow: 2, capacity: 3 });

    expect(await closeCodeOf(wsUrl('?apiKey=apk_not_a_real_key'))).toBe(4401);
  });

  it('refuses a bad access token with 4401 rather than treating it as anonymous', async () => {
    expect(await closeCodeOf(wsUrl('?token=not.a.token'))).toBe(4401);
  });
});

describe('WebSocket /ws: limits', () => {
  let pool: pg.Pool;
  const sockets: RecordingSocket[] = [];

  beforeAll(() => {
    pool = testPool();
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await pool.end();
  });

  const open = async () => {
    const socket = await RecordingSocket.open(toWebSocketUrl(apiUrl(), WS_PATH));
    sockets.push(socket);
    return socket;
  };

  const someIds = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

  it('refuses more than 200 facilities per socket and keeps the socket open', async () => {
    const socket = await open();
    expect(await socket.request({ type: 'subscribe', facilityIds: someIds(150) })).toMatchObject({ type: 'subscribed' });
    expect(await socket.request({ type: 'subscribe', facilityIds: someIds(201).slice(100) })).toMatchObject({ type: 'error', code: 'too_many_subscriptions' });
    expect(await socket.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });

  it('answers a subscribe without ids or box, and a malformed box, with errors', async () => {
    const socket = await open();
    expect(await socket.request({ type: 'subscribe' })).toMatchObject({ type: 'error', code: 'invalid_message' });
    expect(await socket.request({ type: 'subscribe', bbox: { minLat: 10, minLng: 0, maxLat: 5, maxLng: 1 } })).toMatchObject({
      type: 'error',
      code: 'invalid_message',
    });
    expect(await socket.request({ type: 'subscribe', facilityIds: 'all' })).toMatchObject({ type: 'error', code: 'invalid_message' });
  });

  it('answers messages beyond 20 per second with one rate_limited error, then serves again', async () => {
    const socket = await open();
    for (let i = 0; i < 30; i++) socket.send({ type: 'ping' });
    await socket.waitFor((m) => m.type === 'error');
    await sleep(300);
    expect(socket.messages.filter((m) => m.type === 'pong')).toHaveLength(20);
    expect(socket.messages.filter((m) => m.type === 'error')).toEqual([{ type: 'error', code: 'rate_limited', message: expect.any(String) }]);
    await sleep(1000);
    expect(await socket.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });

  it('closes a socket that keeps flooding far beyond the limit', async () => {
    const socket = await open();
    for (let i = 0; i < 250; i++) socket.send({ type: 'ping' });
    expect(await socket.closed).toBe(4429);
  });
});

describe('WebSocket /ws: credentials by subprotocol', () => {
  it('takes an access token from the bearer.<token> subprotocol and answers with aiparksit.v1 only', async () => {
    const pool = testPool();
    try {
      const { tokens } = await signedInUser(pool, apiUrl(), 'driver');
      const socket = await RecordingSocket.open(toWebSocketUrl(apiUrl(), WS_PATH), { protocols: ['aiparksit.v1', `bearer.${tokens.accessToken}`] });
      expect(socket.socket.protocol).toBe('aiparksit.v1');
      expect(await socket.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
      await socket.close();
      expect(await closeCodeOf(toWebSocketUrl(apiUrl(), WS_PATH), { protocols: ['aiparksit.v1', 'bearer.forged'] })).toBe(4401);
    } finally {
      await pool.end();
    }
  });
});
