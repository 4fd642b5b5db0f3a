import type pg from 'pg';
import request from 'supertest';
import { WS_PATH, type AuthTokens, type WaitlistEntryList, type WaitlistEntryView } from '@aiparksit/shared';
import { holdBooking, postPayment, windowAhead } from '../support/booking-helpers.js';
import { createOperatorWithFacility } from '../support/facility-factories.js';
import { bearer, signedInUser, type TestAccount } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { startSmtpTestServer, type ReceivedMessage, type SmtpTestServer } from '../notifications/smtp-test-server.js';
import { scratchPool } from '../notifications/scratch-pool.js';
import { RecordingSocket } from '../realtime/realtime-support.js';
import { toWebSocketUrl } from '../../../test/support/websocket-client.js';

const PUBLIC_URL = 'https://parking.example';

/**
 * The waitlist end to end: two API instances on a database of their own, each offering freed
 * spaces every 200 ms, plus the offering step called straight from several connections at once,
 * as more instances would. Emails go to a real SMTP server.
 */
describe('waitlist: the first in line gets the freed space', () => {
  const database = `waitlist_${process.pid}`;
  let smtp: SmtpTestServer;
  let apis: RunningApi[];
  let api: string;
  let pool: pg.Pool;

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(database);
    smtp = await startSmtpTestServer();
    const env = {
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      OUTBOX_POLL_INTERVAL_MS: '100',
      WAITLIST_OFFER_INTERVAL_MS: '200',
      BOOKING_JOBS_INTERVAL_SECONDS: '1',
    };
    apis = [await startApiServer(env, 90_000)];
    apis.push(await startApiServer(env, 90_000));
    api = apis[0]!.url;
    pool = scratchPool(databaseUrl);
  }, 200_000);

  afterAll(async () => {
    await Promise.all((apis ?? []).map((a) => a.stop()));
    await smtp?.stop();
    await pool?.end();
    await dropScratchDatabase(database);
  });

  const mailTo = (to: string, subject: string): Promise<ReceivedMessage> => smtp.waitForMessageTo(to, subject);

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const entryOf = async (tokens: AuthTokens, id: string) =>
    (await request(api).get(`/api/waitlist/${id}`).set('authorization', bearer(tokens)).expect(200)).body as WaitlistEntryView;

  it('serves the line in order, one hold per freed space, and passes a lapsed offer on', async () => {
    const { facility } = await createOperatorWithFacility(pool, { name: 'Waitlist Garage', spaces: { standard: 1 }, hourlyCents: { standard: 300 } });
    const window = windowAhead(9, 2, 8);
    const stay = { facilityId: facility.id, spaceType: 'standard' as const, vehiclePlate: 'B-WL 1', ...window };
    const holder = await signedInUser(pool, api, 'driver');

    // With the space free there is nothing to wait for.
    const early = await request(api).post('/api/waitlist').set('authorization', bearer(holder.tokens)).send(stay);
    expect(early.status).toBe(409);
    expect(early.body.details).toMatchObject({ code: 'space_available', free: 1 });

    const held = await holdBooking(api, holder.tokens, stay);
    const waiters: { account: TestAccount; tokens: AuthTokens; entry: WaitlistEntryView }[] = [];
    for (let i = 0; i < 20; i++) {
      const driver = await signedInUser(pool, api, 'driver');
      const res = await request(api)
        .post('/api/waitlist')
        .set('authorization', bearer(driver.tokens))
        .send({ ...stay, vehiclePlate: `B-WL ${i + 10}` });
      expect(res.status).toBe(201);
      waiters.push({ ...driver, entry: res.body as WaitlistEntryView });
    }
    expect(waiters.map((w) => w.entry.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(waiters[0]!.entry).toMatchObject({ status: 'waiting', amountCents: 600, currency: 'EUR', booking: null, facility: { name: 'Waitlist Garage' } });
    const again = await request(api)
      .post('/api/waitlist')
      .set('authorization', bearer(waiters[0]!.tokens))
      .send({ ...stay, vehiclePlate: 'B-WL 10' });
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({ code: 'already_waiting', entryId: waiters[0]!.entry.id });

    // The first in line has the app open: a live notice reaches their socket (and no one else's).
    const firstSocket = await RecordingSocket.open(toWebSocketUrl(apis[1]!.url, `${WS_PATH}?token=${waiters[0]!.tokens.accessToken}`));
    const secondSocket = await RecordingSocket.open(toWebSocketUrl(apis[0]!.url, `${WS_PATH}?token=${waiters[1]!.tokens.accessToken}`));

    // The space frees; two instances' jobs and eight more "instances" race to offer it.
    await request(api).post(`/api/bookings/${held.id}/cancel`).set('authorization', bearer(holder.tokens)).expect(200);
    const racers = await Promise.all(
      Array.from({ length: 8 }, () => pool.query<{ entry_id: string }>(`SELECT entry_id FROM waitlist_offer($1, 'standard', 10)`, [facility.id])),
    );
    const first = await until(
      () => entryOf(waiters[0]!.tokens, waiters[0]!.entry.id),
      (e) => e.status === 'offered',
      'the first in line to be offered the space',
    );
    expect(racers.flatMap((r) => r.rows.map((row) => row.entry_id)).every((id) => id === waiters[0]!.entry.id)).toBe(true);
    const offered = await pool.query(`SELECT id FROM waitlist_entries WHERE facility_id = $1 AND status = 'offered'`, [facility.id]);
    expect(offered.rows).toEqual([{ id: waiters[0]!.entry.id }]);
    const holds = await pool.query(`SELECT driver_id FROM bookings WHERE facility_id = $1 AND status = 'pending_payment'`, [facility.id]);
    expect(holds.rows).toEqual([{ driver_id: waiters[0]!.account.id }]);
    expect(first.booking).toMatchObject({ status: 'pending_payment', holdExpiresAt: expect.any(String) });
    const second = await entryOf(waiters[1]!.tokens, waiters[1]!.entry.id);
    expect(second).toMatchObject({ status: 'waiting', position: 1 });
    const notice = (await firstSocket.waitForEvent('waitlist_offered')).data;
    expect(notice).toMatchObject({ entryId: waiters[0]!.entry.id, bookingId: first.booking!.id, facilityId: facility.id, spaceType: 'standard' });
    expect(notice.period).toEqual({ start: window.start, end: window.end });
    expect(Date.parse(notice.holdExpiresAt)).toBe(Date.parse(first.booking!.holdExpiresAt!));
    expect(secondSocket.events('waitlist_offered')).toEqual([]);

    // The email says where to pay and until when.
    const mail = await mailTo(waiters[0]!.account.email, 'A space freed up at Waitlist Garage');
    expect(mail.mail.text).toContain(`Pay now: ${PUBLIC_URL}/driver/checkout/${first.booking!.id}`);
    expect(mail.mail.text).toContain('Price:  €6.00');
    expect(mail.mail.html).toContain(`href="${PUBLIC_URL}/driver/checkout/${first.booking!.id}"`);

    // The first lets the hold lapse: the next in line gets the space.
    await pool.query(`UPDATE bookings SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [first.booking!.id]);
    const next = await until(
      () => entryOf(waiters[1]!.tokens, waiters[1]!.entry.id),
      (e) => e.status === 'offered',
      'the second in line to be offered the lapsed space',
    );
    expect((await entryOf(waiters[0]!.tokens, waiters[0]!.entry.id)).status).toBe('lapsed');
    expect((await secondSocket.waitForEvent('waitlist_offered')).data.entryId).toBe(waiters[1]!.entry.id);
    await Promise.all([firstSocket.close(), secondSocket.close()]);

    // The second pays: booked, and the line moves no further for this space.
    expect((await postPayment(api, waiters[1]!.tokens, { bookingId: next.booking!.id })).status).toBe(201);
    await until(
      () => entryOf(waiters[1]!.tokens, waiters[1]!.entry.id),
      (e) => e.status === 'booked',
      'the paid offer to count as booked',
    );
    const third = await entryOf(waiters[2]!.tokens, waiters[2]!.entry.id);
    expect(third).toMatchObject({ status: 'waiting', position: 1, booking: null });
    const live = await pool.query(`SELECT count(*)::int AS n FROM bookings WHERE facility_id = $1 AND status IN ('pending_payment', 'confirmed')`, [
      facility.id,
    ]);
    expect(live.rows[0].n).toBe(1);
  });

  it('lets a driver see and leave only their own entries, and refuses what could not be booked', async () => {
    const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 1 }, openingHours: { mon: [['08:00', '18:00']] } });
    const other = await createOperatorWithFacility(pool, { spaces: { standard: 1 } });
    const window = windowAhead(10, 2, 9);
    const me = await signedInUser(pool, api, 'driver');
    const someoneElse = await signedInUser(pool, api, 'driver');
    await holdBooking(api, someoneElse.tokens, { facilityId: other.facility.id, spaceType: 'standard', vehiclePlate: 'B-X 1', ...window });
    const joined = await request(api)
      .post('/api/waitlist')
      .set('authorization', bearer(me.tokens))
      .send({ facilityId: other.facility.id, spaceType: 'standard', vehiclePlate: 'B-ME 1', ...window })
      .expect(201);
    const entry = joined.body as WaitlistEntryView;

    const mine = (await request(api).get('/api/waitlist').set('authorization', bearer(me.tokens)).expect(200)).body as WaitlistEntryList;
    expect(mine.items.map((e) => e.id)).toEqual([entry.id]);
    expect((await request(api).get('/api/waitlist').set('authorization', bearer(someoneElse.tokens)).expect(200)).body.items).toEqual([]);
    await request(api).get(`/api/waitlist/${entry.id}`).set('authorization', bearer(someoneElse.tokens)).expect(404);
    await request(api).delete(`/api/waitlist/${entry.id}`).set('authorization', bearer(someoneElse.tokens)).expect(404);

    const left = await request(api).delete(`/api/waitlist/${entry.id}`).set('authorization', bearer(me.tokens)).expect(200);
    expect(left.body).toMatchObject({ status: 'left', position: null });
    const twice = await request(api).delete(`/api/waitlist/${entry.id}`).set('authorization', bearer(me.tokens)).expect(409);
    expect(twice.body).toMatchObject({ statusCode: 409, details: { code: 'entry_not_waiting', status: 'left' }, requestId: expect.any(String) });

    // The rules of a booking hold for the line too.
    const closed = await request(api)
      .post('/api/waitlist')
      .set('authorization', bearer(me.tokens))
      .send({ facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-ME 1', ...windowAhead(10, 2, 22) });
    expect(closed.status).toBe(400);
    expect(closed.body.details.code).toBe('outside_opening_hours');
    const unknown = await request(api)
      .post('/api/waitlist')
      .set('authorization', bearer(me.tokens))
      .send({ facilityId: '5a0c1c2e-7d4b-4f0e-9a53-2b1f0c9e8d7a', spaceType: 'standard', vehiclePlate: 'B-ME 1', ...window });
    expect(unknown.status).toBe(404);
    const malformed = await request(api).post('/api/waitlist').set('authorization', bearer(me.tokens)).send({ facilityId: 'x', start: 'soon' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['end', 'facilityId', 'spaceType', 'start', 'vehiclePlate']);
    await request(api).get('/api/waitlist').expect(401);
    const operator = await signedInUser(pool, api, 'operator');
    await request(api).get('/api/waitlist').set('authorization', bearer(operator.tokens)).expect(403);
  });
});
