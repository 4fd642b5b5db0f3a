import type pg from 'pg';
import { DateTime } from 'luxon';
import request from 'supertest';
import { SYSTEM_ACTIONS, type AuditPage, type SystemActionResult, type SystemErrorsPage } from '@aiparksit/shared';
import { insertBooking, insertLedger } from '../analytics/analytics-helpers.js';
import { BROWSER, clientOf } from '../harvest/harvest-client.js';
import { scratchPool } from '../notifications/scratch-pool.js';
import { startSmtpTestServer, type SmtpTestServer } from '../notifications/smtp-test-server.js';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { createFacility, createOperator, createOperatorWithFacility, type TestFacility, type TestOperator } from '../support/facility-factories.js';
import { bearer, createUser, loginAs, type TestAccount } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';

const START_TIMEOUT_MS = 90_000;
const HOUR = 3_600_000;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The status page's quick actions, each done for real on two API instances sharing a database of
 * this file's own (blocks in each instance's memory, as without Redis), with a real SMTP server.
 */
describe('quick actions (POST /api/system/actions/:name) and the audit (GET /api/system/audit)', () => {
  const database = `admin_actions_${process.pid}`;
  let databaseUrl: string;
  let pool: pg.Pool;
  let smtp: SmtpTestServer;
  let a: RunningApi;
  let b: RunningApi;
  let admin: TestAccount;
  let adminToken: string;
  let adminTokenB: string;

  beforeAll(async () => {
    databaseUrl = await createScratchDatabase(database);
    pool = scratchPool(databaseUrl);
    smtp = await startSmtpTestServer();
    const env = {
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtp.url,
      OUTBOX_POLL_INTERVAL_MS: '200',
      ERROR_LOG_FLUSH_MS: '200',
      TRUST_PROXY: '127.0.0.1',
      HARVEST_CANARY_REFRESH_MS: '86400000',
      // The lifecycle job must not release the test's lapsed hold before the action does.
      BOOKING_JOBS_INTERVAL_SECONDS: '3600',
    };
    [a, b] = await Promise.all([startApiServer(env, START_TIMEOUT_MS), startApiServer(env, START_TIMEOUT_MS)]);
    admin = await createUser(pool, { role: 'admin', name: 'Ada Admin' });
    adminToken = (await loginAs(a.url, admin)).accessToken;
    adminTokenB = (await loginAs(b.url, admin)).accessToken;
  }, 3 * START_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.stop();
    await pool?.end();
    await dropScratchDatabase(database);
  });

  function act(name: string, body: Record<string, unknown> = {}, api = a, token = adminToken) {
    return request(api.url).post(`/api/system/actions/${name}`).set('authorization', bearer(token)).send(body);
  }

  async function auditEntry(id: string) {
    const page = (await request(a.url).get('/api/system/audit?pageSize=100').set('authorization', bearer(adminToken)).expect(200)).body as AuditPage;
    return page.items.find((entry) => entry.id === id);
  }

  async function expectAudited(result: SystemActionResult, target: string | null) {
    expect(await auditEntry(result.auditId)).toMatchObject({
      action: result.action,
      actor: { id: admin.id, email: admin.email, name: 'Ada Admin' },
      target,
      outcome: result.outcome,
      message: result.message,
      details: result.details,
    });
  }

  it('refuses every action and the audit to non-admins, and audits nothing for them', async () => {
    const before = ((await request(a.url).get('/api/system/audit').set('authorization', bearer(adminToken)).expect(200)).body as AuditPage).total;
    for (const role of ['driver', 'operator', 'investor'] as const) {
      const token = (await loginAs(a.url, await createUser(pool, { role }))).accessToken;
      for (const name of SYSTEM_ACTIONS.filter((n) => n !== 'export-diagnostics')) {
        expect((await act(name, {}, a, token)).status).toBe(403);
      }
      expect((await request(a.url).get('/api/system/audit').set('authorization', bearer(token))).status).toBe(403);
    }
    expect((await request(a.url).post('/api/system/actions/retry-failed-emails').send({})).status).toBe(401);
    expect(((await request(a.url).get('/api/system/audit').set('authorization', bearer(adminToken))).body as AuditPage).total).toBe(before);
  });

  it('answers a bad request with the 400 envelope naming the field, and an unknown action with 404, before doing anything', async () => {
    const missing = await act('recompute-rollups', { from: '2026-03-01' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      statusCode: 400,
      details: { code: 'invalid_action_request', fields: [{ field: 'to' }] },
      requestId: expect.any(String),
    });
    expect((await act('recompute-rollups', { from: '2025-01-01', to: '2026-01-02' })).body).toMatchObject({ details: { fields: [{ field: 'to' }] } });
    expect((await act('recompute-rollups', { from: '2026-03-02', to: '2026-03-01' })).status).toBe(400);
    expect((await act('recompute-rollups', { from: '2026-02-30', to: '2026-03-01' })).status).toBe(400);
    expect((await act('lift-harvest-block', {})).body).toMatchObject({ statusCode: 400, details: { fields: [{ field: 'client' }] } });
    expect((await act('lift-harvest-block', { client: 'DROP TABLE' })).status).toBe(400);
    expect((await act('send-test-email', { recipient: 'not an address' })).status).toBe(400);
    expect((await act('retry-failed-emails', { client: 'user:x' })).body).toMatchObject({ statusCode: 400, details: { fields: [{ field: 'client' }] } });
    expect((await act('retry-failed-emails', { surprise: 1 })).status).toBe(400);
    expect((await act('reboot-the-world')).status).toBe(404);
  });

  it('retry-failed-emails queues failed emails again with their attempts reset, and the worker delivers them over SMTP', async () => {
    const recipient = await createUser(pool, { role: 'driver', name: 'Fay Failed' });
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO outbox (kind, payload, status, attempts, last_error)
       VALUES ('email.account_notice', jsonb_build_object('userId', $1::text, 'subject', 'Once failed', 'message', 'Delivered at last.'), 'failed', 8, '421 try later')
       RETURNING id::text`,
      [recipient.id],
    );
    const res = await act('retry-failed-emails');
    expect(res.status).toBe(200);
    const result = res.body as SystemActionResult;
    expect(result).toMatchObject({
      action: 'retry-failed-emails',
      outcome: 'succeeded',
      message: '1 failed email queued again.',
      details: { queued: 1, outboxIds: [rows[0]!.id] },
    });

    await waitFor('the email over SMTP', async () => smtp.received.find((m) => m.rcptTo.includes(recipient.email)));
    const delivered = smtp.received.find((m) => m.rcptTo.includes(recipient.email))!;
    expect(delivered.mail.subject).toBe('Once failed');
    const row = await waitFor('the row sent', async () => {
      const { rows: r } = await pool.query<{ status: string; attempts: number }>(`SELECT status::text AS status, attempts FROM outbox WHERE id = $1`, [
        rows[0]!.id,
      ]);
      return r[0]?.status === 'sent' ? r[0] : undefined;
    });
    expect(row.attempts).toBe(1);
    await expectAudited(result, null);
  });

  it('release-lapsed-holds releases a hold whose time is up, now', async () => {
    const { facility } = await createOperatorWithFacility(pool, {});
    const driver = await createUser(pool, { role: 'driver' });
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at)
       VALUES ('PKLAPSED1', $1, $2, $3, 'standard', tstzrange(now() + interval '1 day', now() + interval '1 day 2 hours'), 'pending_payment', 'B-LA 1', 600, 'EUR',
               now() - interval '1 minute')
       RETURNING id`,
      [driver.id, facility.id, facility.spaces.standard![0]],
    );
    const res = await act('release-lapsed-holds', {}, b, adminTokenB);
    expect(res.status).toBe(200);
    const result = res.body as SystemActionResult;
    expect(result.outcome).toBe('succeeded');
    expect(result.details['expiredHolds']).toBeGreaterThanOrEqual(1);
    expect(result.message).toMatch(/^Released \d+ lapsed holds? and \d+ lapsed extensions?; completed \d+ finished bookings?\.$/);
    const { rows: after } = await pool.query<{ status: string }>(`SELECT status::text AS status FROM bookings WHERE id = $1`, [rows[0]!.id]);
    expect(after[0]!.status).toBe('expired');
    await expectAudited(result, null);
  });

  it('reload-canaries loads a new canary, and lift-harvest-block on another instance lets the client it trapped in again', async () => {
    const operator = await createOperator(pool);
    const honest = await createFacility(pool, operator, { name: 'Honest Garage' });
    const canary = await createFacility(pool, operator, { name: 'Trap Garage', isCanary: true, published: false });
    const scraper = clientOf(a.url, '198.51.100.77', BROWSER);

    const reload = (await act('reload-canaries')).body as SystemActionResult;
    expect(reload).toMatchObject({ outcome: 'succeeded', details: { canaryFacilities: 1 } });
    await expectAudited(reload, null);

    expect((await scraper.facility(canary.id)).status).toBe(404);
    expect((await scraper.facility(honest.id)).status).toBe(429);

    // The admin finds the client in the recent errors, as the block is recorded there.
    const block = await waitFor('the harvesting block among the recent errors', async () => {
      const page = (await request(a.url).get('/api/system/errors?service=Security').set('authorization', bearer(adminToken))).body as SystemErrorsPage;
      return page.items.find((g) => g.type === 'Harvesting block');
    });
    expect(block).toMatchObject({ service: 'Security', critical: false, count: 1 });
    const client = /anon:[0-9a-f]+/.exec(block.message)?.[0];
    expect(client).toBeDefined();

    // Lifted through instance B; the block lives in instance A's memory.
    const res = await act('lift-harvest-block', { client }, b, adminTokenB);
    expect(res.status).toBe(200);
    const lift = res.body as SystemActionResult;
    expect(lift).toMatchObject({ action: 'lift-harvest-block', outcome: 'succeeded', details: { client, heldHere: false } });
    await expectAudited(lift, client!);

    // Instance A looks the lift up when it next refuses the client (at most once a second).
    await waitFor('the client admitted on instance A', async () => ((await scraper.facility(honest.id)).status === 200 ? true : undefined));
    // Only the lifted client: another reading the canary is still trapped.
    const other = clientOf(a.url, '198.51.100.78', BROWSER);
    expect((await other.facility(canary.id)).status).toBe(404);
    expect((await other.facility(honest.id)).status).toBe(429);
    // A lift on the instance that holds the block ends it there at once.
    const otherClient = await waitFor('the second block', async () => {
      const page = (await request(a.url).get('/api/system/errors?service=Security').set('authorization', bearer(adminToken))).body as SystemErrorsPage;
      const found = page.items.find((g) => g.type === 'Harvesting block' && g.count === 2);
      return found ? /anon:[0-9a-f]+/.exec(found.message)?.[0] : undefined;
    });
    expect(otherClient).not.toBe(client);
    expect(((await act('lift-harvest-block', { client: otherClient })).body as SystemActionResult).details).toMatchObject({ heldHere: true });
    expect((await other.facility(honest.id)).status).toBe(200);
  });

  it('send-test-email sends through the outbox and SMTP to the admin, or to the recipient given', async () => {
    const own = (await act('send-test-email')).body as SystemActionResult;
    expect(own).toMatchObject({ action: 'send-test-email', outcome: 'succeeded', details: { to: admin.email } });
    const mine = await waitFor('the test email to the admin', async () => smtp.received.find((m) => m.rcptTo.includes(admin.email)));
    expect(mine.mail.subject).toBe('AIParksit test email');
    expect(mine.mail.text).toContain(`Ada Admin (${admin.email}) asked for on the system status page`);
    await expectAudited(own, admin.email);

    const other = (await act('send-test-email', { recipient: 'ops-team@example.test' })).body as SystemActionResult;
    expect(other.details['to']).toBe('ops-team@example.test');
    await waitFor('the test email to the recipient', async () => smtp.received.find((m) => m.rcptTo.includes('ops-team@example.test')));
    await expectAudited(other, 'ops-team@example.test');
  });

  describe('recompute-rollups', () => {
    let operator: TestOperator;
    let facilities: TestFacility[];
    const zones = new Map<string, string>();

    /** Local day of the UTC hour that starts at `utcMs`, in the facility's zone (the rollups' filing rule). */
    const localDay = (facilityId: string, utcMs: number) => DateTime.fromMillis(utcMs, { zone: zones.get(facilityId)! }).toFormat('yyyy-MM-dd');

    /** Booked microseconds and gross/refund/fee/net/bookings per facility and local day, computed the obvious way. */
    async function naive(from: string, to: string) {
      const ids = facilities.map((f) => f.id);
      const occupancy = new Map<string, number>();
      const bookings = await pool.query<{ facility_id: string; status: string; s: string; e: string }>(
        `SELECT facility_id, status::text AS status, (extract(epoch FROM lower(period)) * 1000)::bigint::text AS s, (extract(epoch FROM upper(period)) * 1000)::bigint::text AS e
           FROM bookings WHERE facility_id = ANY($1)`,
        [ids],
      );
      for (const row of bookings.rows) {
        if (row.status !== 'confirmed' && row.status !== 'completed') continue;
        const [start, end] = [Number(row.s), Number(row.e)];
        for (let h = Math.floor(start / HOUR) * HOUR; h < end; h += HOUR) {
          const day = localDay(row.facility_id, h);
          if (day < from || day > to) continue;
          const key = `${row.facility_id}|${day}`;
          occupancy.set(key, (occupancy.get(key) ?? 0) + (Math.min(end, h + HOUR) - Math.max(start, h)) * 1000);
        }
      }
      const revenue = new Map<string, number[]>();
      const lines = await pool.query<{ facility_id: string; at: string; account: string; amount: string }>(
        `SELECT facility_id, (extract(epoch FROM occurred_at) * 1000)::bigint::text AS at, account::text AS account, amount_cents::text AS amount
           FROM ledger_entries WHERE facility_id = ANY($1)`,
        [ids],
      );
      for (const line of lines.rows) {
        const day = localDay(line.facility_id, Math.floor(Number(line.at) / HOUR) * HOUR);
        if (day < from || day > to) continue;
        const key = `${line.facility_id}|${day}`;
        const sums = revenue.get(key) ?? [0, 0, 0, 0, 0];
        const amount = Number(line.amount);
        if (line.account === 'gross') sums[0]! += amount;
        if (line.account === 'refund') sums[1]! += amount;
        if (line.account === 'platform_fee' || line.account === 'refund_platform_fee') sums[2]! += amount;
        if (line.account === 'operator_net' || line.account === 'refund_operator_net') sums[3]! += amount;
        if (line.account === 'gross') sums[4]! += 1;
        revenue.set(key, sums);
      }
      return { occupancy, revenue };
    }

    async function stored(from: string, to: string) {
      const ids = facilities.map((f) => f.id);
      const occupancy = await pool.query<{ k: string; us: string }>(
        `SELECT facility_id || '|' || to_char(day, 'YYYY-MM-DD') AS k, booked_us::text AS us FROM analytics_occupancy_daily
          WHERE facility_id = ANY($1) AND day BETWEEN $2 AND $3 AND booked_us <> 0`,
        [ids, from, to],
      );
      const revenue = await pool.query<{ k: string; g: string; r: string; f: string; n: string; b: number }>(
        `SELECT facility_id || '|' || to_char(day, 'YYYY-MM-DD') AS k, gross_cents::text AS g, refund_cents::text AS r, fee_cents::text AS f, net_cents::text AS n, bookings AS b
           FROM analytics_revenue_daily WHERE facility_id = ANY($1) AND day BETWEEN $2 AND $3`,
        [ids, from, to],
      );
      return {
        occupancy: new Map(occupancy.rows.map((r) => [r.k, Number(r.us)])),
        revenue: new Map(revenue.rows.map((r) => [r.k, [Number(r.g), Number(r.r), Number(r.f), Number(r.n), r.b]])),
      };
    }

    const sorted = <V>(map: Map<string, V>) => new Map([...map].sort(([x], [y]) => x.localeCompare(y)));

    beforeAll(async () => {
      operator = await createOperator(pool);
      // A half-hour zone and one behind UTC: local days start inside UTC hours and on other dates.
      facilities = [
        await createFacility(pool, operator, { timeZone: 'Asia/Kolkata', spaces: { standard: 3 } }),
        await createFacility(pool, operator, { timeZone: 'America/New_York', spaces: { standard: 3 } }),
      ];
      zones.set(facilities[0]!.id, 'Asia/Kolkata').set(facilities[1]!.id, 'America/New_York');
      // Bookings across the range's month ends and the DST change of 8 March 2026 in New York, and one cancelled.
      const periods: [string, string, 'confirmed' | 'completed' | 'cancelled'][] = [
        ['2026-02-27T20:10:00Z', '2026-03-01T07:45:00Z', 'completed'],
        ['2026-03-07T22:00:00Z', '2026-03-09T03:30:00Z', 'completed'],
        ['2026-03-15T09:15:00Z', '2026-03-15T13:05:00Z', 'cancelled'],
        ['2026-04-30T17:00:00Z', '2026-05-01T09:20:00Z', 'completed'],
        ['2026-05-20T10:00:00Z', '2026-05-20T12:00:00Z', 'completed'],
      ];
      for (const facility of facilities) {
        for (const [i, [start, end, status]] of periods.entries()) {
          const bookingId = await insertBooking(pool, { facilityId: facility.id, spaceId: facility.spaces.standard![i % 3]!, start, end, status });
          await insertLedger(pool, { bookingId, operatorId: operator.id, facilityId: facility.id, at: start, grossCents: 1200 + i, feeCents: 120 });
          if (status === 'cancelled') {
            await insertLedger(pool, {
              bookingId,
              operatorId: operator.id,
              facilityId: facility.id,
              at: end,
              grossCents: 1200 + i,
              feeCents: 120,
              kind: 'refund',
            });
          }
        }
      }
    });

    it('rewrites the rollups of the range (widened to whole months) to equal a naive recomputation, leaving other months alone', async () => {
      const ids = facilities.map((f) => f.id);
      // Damage inside the widened range (1 March to 30 April) and outside it (May).
      await pool.query(
        `UPDATE analytics_revenue_daily SET gross_cents = gross_cents + 777 WHERE facility_id = ANY($1) AND day BETWEEN '2026-03-01' AND '2026-04-30'`,
        [ids],
      );
      await pool.query(`DELETE FROM analytics_occupancy_daily WHERE facility_id = $1 AND day BETWEEN '2026-03-01' AND '2026-03-31'`, [ids[0]]);
      await pool.query(
        `UPDATE analytics_occupancy_daily SET booked_us = booked_us + 5 WHERE facility_id = ANY($1) AND day BETWEEN '2026-04-01' AND '2026-04-30'`,
        [ids],
      );
      await pool.query(`UPDATE analytics_revenue_daily SET gross_cents = gross_cents + 1 WHERE facility_id = ANY($1) AND day >= '2026-05-01'`, [ids]);
      const mayBefore = await stored('2026-05-01', '2026-05-31');

      const res = await act('recompute-rollups', { from: '2026-03-10', to: '2026-04-05' });
      expect(res.status).toBe(200);
      const result = res.body as SystemActionResult;
      expect(result).toMatchObject({ action: 'recompute-rollups', outcome: 'succeeded', details: { from: '2026-03-10', to: '2026-04-05', analyticsDays: 61 } });
      await expectAudited(result, '2026-03-10..2026-04-05');

      const [expected, actual] = [await naive('2026-03-01', '2026-04-30'), await stored('2026-03-01', '2026-04-30')];
      expect(actual.occupancy.size).toBeGreaterThan(0);
      expect(sorted(actual.occupancy)).toEqual(sorted(expected.occupancy));
      expect(sorted(actual.revenue)).toEqual(sorted(expected.revenue));
      // The month × weekday rows of the range are the recomputed days' slots summed.
      const { rows: weekdays } = await pool.query<{ bad: number }>(
        `SELECT count(*)::int AS bad FROM (
           SELECT w.facility_id, w.month, w.weekday, (SELECT sum(x) FROM unnest(w.booked_us_by_hour) x) AS stored,
                  (SELECT coalesce(sum(d.booked_us), 0) FROM analytics_occupancy_daily d WHERE d.facility_id = w.facility_id
                      AND date_trunc('month', d.day::timestamp)::date = w.month AND extract(isodow FROM d.day) = w.weekday) AS days
             FROM analytics_occupancy_weekdays w WHERE w.facility_id = ANY($1) AND w.month IN ('2026-03-01', '2026-04-01')) c
          WHERE c.stored <> c.days`,
        [ids],
      );
      expect(weekdays[0]!.bad).toBe(0);
      // May was outside the range: its damage is still there.
      expect(sorted((await stored('2026-05-01', '2026-05-31')).revenue)).toEqual(sorted(mayBefore.revenue));
    });
  });

  it('lists the audit newest first, paged and by action', async () => {
    const page = (await request(a.url).get('/api/system/audit?pageSize=3').set('authorization', bearer(adminToken)).expect(200)).body as AuditPage;
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeGreaterThanOrEqual(8);
    const times = page.items.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const second = (await request(a.url).get('/api/system/audit?pageSize=3&page=2').set('authorization', bearer(adminToken)).expect(200)).body as AuditPage;
    expect(second.items.map((e) => e.id)).not.toContain(page.items[0]!.id);
    const lifts = (await request(a.url).get('/api/system/audit?action=lift-harvest-block').set('authorization', bearer(adminToken)).expect(200))
      .body as AuditPage;
    expect(lifts.total).toBe(2);
    expect(lifts.items.every((e) => e.action === 'lift-harvest-block')).toBe(true);
    expect((await request(a.url).get('/api/system/audit?action=nonsense').set('authorization', bearer(adminToken))).status).toBe(400);
  });
});
