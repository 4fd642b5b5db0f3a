import pg from 'pg';
import request from 'supertest';
import type { AuthTokens, GrowthMetrics, InvestorOverview, MarketMetrics, RevenueMetrics } from '@aiparksit/shared';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { holdBooking, postPayment } from '../support/booking-helpers.js';
import { unique } from '../support/db.js';
import { createFacility, createOperator, type TestFacility, type TestOperator } from '../support/facility-factories.js';
import { bearer, createUser, loginAs } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import {
  naiveActive,
  naiveBookedUs,
  naiveCancelled,
  naiveCohorts,
  naiveFunnel,
  naiveHeatmap,
  naiveListedFacilities,
  naiveMoney,
  naiveSignups,
  naiveSupply,
  type Money,
} from './naive.js';
import { prng } from '../support/random.js';

/**
 * The investor metrics on a database of their own (platform-wide figures must not see other test
 * files' rows): roles, input checks, an empty platform, then randomised history (SQL, backdated)
 * and live bookings (API: payments, extensions, cancellations with refunds) in five zones and
 * currencies, every figure held equal to a naive recomputation over the raw rows.
 */

const DAY = 86_400_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

const round = (x: number, d: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10 ** d)) / 10 ** d;
const pct = (a: number, b: number, d = 2) => (b === 0 ? null : round((a / b) * 100, d));
const total = (m: Map<string, Money>, key = 'all') => m.get(key) ?? { gross: 0, fee: 0, refund: 0, refundFee: 0, paid: 0 };
const amounts = (m: Money) => ({
  gmvCents: m.gross,
  feeCents: m.fee,
  refundCents: m.refund,
  netRevenueCents: m.fee + m.refundFee,
  operatorPayoutCents: m.gross + m.refund - (m.fee + m.refundFee),
  paidBookings: m.paid,
});
const strip = <T extends { generatedAt: string }>(x: T) => ({ ...x, generatedAt: '' });

const CITIES = [
  { city: 'Berlin', country: 'DE', timeZone: 'Europe/Berlin', currency: 'EUR', openingHours: null },
  {
    city: 'Zürich',
    country: 'CH',
    timeZone: 'Europe/Zurich',
    currency: 'CHF',
    openingHours: { mon: [['07:00', '22:00']], tue: [['07:00', '22:00']], fri: [['22:00', '02:00']], sat: [['00:00', '24:00']] },
  },
  { city: 'London', country: 'GB', timeZone: 'Europe/London', currency: 'GBP', openingHours: null },
  { city: 'New York', country: 'US', timeZone: 'America/New_York', currency: 'USD', openingHours: null },
  { city: 'Kolkata', country: 'IN', timeZone: 'Asia/Kolkata', currency: 'EUR', openingHours: null },
] as const;

describe('investor metrics', () => {
  const database = `metrics_${process.pid}`;
  let pool: pg.Pool;
  let api: RunningApi;
  let url: string;
  const tokens: Record<'admin' | 'investor' | 'driver' | 'operator', AuthTokens> = {} as never;
  const operators: TestOperator[] = [];
  const facilities: (TestFacility & { currency: string; zone: string })[] = [];

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(database);
    api = await startApiServer({ DATABASE_URL: databaseUrl, BOOKING_JOBS_INTERVAL_SECONDS: '3600' }, 120_000);
    url = api.url;
    pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    for (const role of ['admin', 'investor', 'driver', 'operator'] as const) tokens[role] = await loginAs(url, await createUser(pool, { role }));
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
    await api?.stop();
    await dropScratchDatabase(database);
  });

  const get = (path: string, who: AuthTokens | null = tokens.investor) => {
    const r = request(url).get(path);
    return who ? r.set('authorization', bearer(who)) : r;
  };
  const ROUTES = ['/api/proxy/investor', '/api/metrics/revenue', '/api/metrics/growth', '/api/metrics/market'];

  it('answers an empty platform with zeros and nulls', async () => {
    const q = '?from=2026-01-01&to=2026-03-31';
    for (const route of ROUTES) expect((await get(route + q)).status).toBe(200);
    const o = (await get(`/api/proxy/investor${q}`)).body as InvestorOverview;
    expect(o.figures.gmv).toMatchObject({ value: 0, comparison: 0, change: 0, changePercent: null, unit: 'money', currency: 'EUR' });
    expect(o.figures.takeRate.value).toBeNull();
    expect(o.figures.averageBookingValue.value).toBeNull();
    expect(o.figures.occupancy.value).toBeNull();
    expect(o.figures.activeDrivers.value).toBe(0);
    expect(o.series).toHaveLength(14); // ISO weeks from Monday 29 December 2025
    const m = (await get(`/api/metrics/market${q}`)).body as MarketMetrics;
    expect(m.cities).toEqual([]);
    expect(m.demandHeatmap).toHaveLength(168);
  });

  it('lets investors and admins in, refuses drivers and operators (403) and anonymous callers (401)', async () => {
    const q = '?from=2026-01-01&to=2026-01-31';
    for (const route of ROUTES) {
      expect((await get(route + q, null)).status).toBe(401);
      expect((await get(route + q, tokens.driver)).status).toBe(403);
      expect((await get(route + q, tokens.operator)).status).toBe(403);
      expect((await get(route + q, tokens.admin)).status).toBe(200);
    }
    expect((await get('/api/admin/fx-rates', tokens.investor)).status).toBe(403);
    expect((await get('/api/admin/fx-rates', null)).status).toBe(401);
    const put = await request(url)
      .put('/api/admin/fx-rates')
      .set('authorization', bearer(tokens.investor))
      .send({ rates: [{ date: '2026-01-01', currency: 'USD', unitsPerEur: 1.1 }] });
    expect(put.status).toBe(403);
  });

  it('answers 400 with the error envelope for bad periods and bad rates', async () => {
    for (const q of [
      'from=2026-02-30&to=2026-03-01',
      'from=2026-03-02&to=2026-03-01',
      'from=2020-01-01&to=2026-01-01',
      'from=2026-01-01',
      'from=2026-01-01&to=2026-01-31&comparison=last_week',
      'from=2026-01-01&to=2026-01-31&granularity=year',
      'from=01/01/2026&to=2026-01-31',
      '',
      'preset=forever',
      'preset=30d&from=2026-01-01&to=2026-01-31',
      'preset=30d&to=2026-01-31',
    ]) {
      for (const route of ROUTES) {
        const res = await get(`${route}?${q}`);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: expect.any(String), message: expect.anything() });
        expect(res.body.requestId).toBeDefined();
      }
    }
    for (const rate of [
      { date: '2026-02-30', currency: 'USD', unitsPerEur: 1.1 },
      { date: '2026-02-01', currency: 'usd', unitsPerEur: 1.1 },
      { date: '2026-02-01', currency: 'USD', unitsPerEur: 0 },
      { date: '2026-02-01', currency: 'USD', unitsPerEur: -1 },
      { date: '2026-02-01', currency: 'USD', unitsPerEur: 'x' },
      { date: '2026-02-01', currency: 'EUR', unitsPerEur: 1 },
    ]) {
      const res = await request(url)
        .put('/api/admin/fx-rates')
        .set('authorization', bearer(tokens.admin))
        .send({ rates: [rate] });
      expect(res.status).toBe(400);
      expect(res.body.statusCode).toBe(400);
    }
  });

  /** Every figure of the four routes for a query, against the naive recomputation. */
  async function expectFiguresMatchNaive(query: { from: string; to: string; comparison?: string; granularity?: string }) {
    const qs = new URLSearchParams(query as Record<string, string>).toString();
    const [o, r, g, m] = (await Promise.all(ROUTES.map((route) => get(`${route}?${qs}`)))) as [
      request.Response,
      request.Response,
      request.Response,
      request.Response,
    ];
    for (const res of [o, r, g, m]) expect(res.status).toBe(200);
    const overview = o.body as InvestorOverview;
    const revenue = r.body as RevenueMetrics;
    const growth = g.body as GrowthMetrics;
    const market = m.body as MarketMetrics;
    const { from, to, comparisonFrom, comparisonTo } = overview.period;
    const periods = [
      [from, to],
      [comparisonFrom, comparisonTo],
    ] as const;

    for (const [i, [a, b]] of periods.entries()) {
      const pick = <T>(value: T, comparison: T) => (i === 0 ? value : comparison);
      const figures = overview.figures;
      const money = await naiveMoney(pool, a, b, `'all'`);
      const t = total(money.converted);
      const us = (await naiveBookedUs(pool, a, b, `'all'`)).get('all') ?? 0;
      const supply = await naiveSupply(pool, a, b);
      const open = supply.open.get('all') ?? 0;
      const end = supply.at(b).get('all');
      const f = (name: keyof InvestorOverview['figures']) => pick(figures[name].value, figures[name].comparison);
      expect(f('gmv')).toBe(t.gross);
      expect(f('netRevenue')).toBe(t.fee + t.refundFee);
      expect(f('takeRate')).toBe(pct(t.fee + t.refundFee, t.gross));
      expect(f('paidBookings')).toBe(t.paid);
      expect(f('bookedHours')).toBe(round(us / 3.6e9, 2));
      expect(f('averageBookingValue')).toBe(t.paid === 0 ? null : Math.round(t.gross / t.paid));
      expect(f('cancellationRate')).toBe(pct(await naiveCancelled(pool, a, b), t.paid));
      expect(f('refundRate')).toBe(pct(-t.refund, t.gross));
      expect(f('activeDrivers')).toBe(await naiveActive(pool, 'driver', a, b));
      expect(f('newDrivers')).toBe(await naiveSignups(pool, 'driver', a, b));
      expect(f('activeOperators')).toBe(await naiveActive(pool, 'operator', a, b));
      expect(f('listedFacilities')).toBe(await naiveListedFacilities(pool, b));
      expect(f('listedSpaces')).toBe(end?.spaces ?? 0);
      expect(f('occupancy')).toBe(pct(us, open * 60_000_000));
      expect(f('revPash')).toBe(open === 0 ? null : round(t.gross / (open / 60), 2));
      const raw = money.raw.get('all') ?? new Map<string, Money>();
      for (const c of figures.gmv.byCurrency!) expect(pick(c.value, c.comparison)).toBe(raw.get(c.currency)?.gross ?? 0);

      // Revenue: totals and every slice.
      expect(pick(revenue.totals, revenue.comparisonTotals)).toEqual(amounts(t));
      for (const [slices, expr] of [
        [revenue.byCountry, 'country_code'],
        [revenue.byCity, `country_code || ':' || city`],
        [revenue.bySpaceType, 'space_type::text'],
      ] as const) {
        const expected = (await naiveMoney(pool, a, b, expr)).converted;
        for (const s of slices)
          expect(
            pick(
              amounts({ ...s, gross: s.gmvCents, fee: s.feeCents, refund: s.refundCents, refundFee: s.netRevenueCents - s.feeCents, paid: s.paidBookings }),
              s.comparison,
            ),
          ).toEqual(amounts(total(expected, s.key)));
        expect(slices.filter((s) => pick(s.gmvCents, s.comparison.gmvCents) !== 0 || pick(s.paidBookings, s.comparison.paidBookings) !== 0).length).toBe(
          [...expected.values()].filter((x) => x.gross !== 0 || x.paid !== 0).length,
        );
      }
      const byCurrency = (await naiveMoney(pool, a, b, 'currency')).raw;
      for (const s of revenue.byCurrency) expect(pick(s.gmvCents, s.comparison.gmvCents)).toBe(byCurrency.get(s.key)?.get(s.key)?.gross ?? 0);
      if (i === 0) {
        for (const [list, expr] of [
          [revenue.topFacilities, 'facility_id::text'],
          [revenue.topOperators, 'operator_id::text'],
        ] as const) {
          // A facility whose every currency lacks a rate has no converted GMV to rank by.
          const naive = await naiveMoney(pool, a, b, expr);
          const expected = [...naive.converted.entries()]
            .filter(([k]) => [...naive.raw.get(k)!.keys()].some((c) => !naive.missing.has(c)))
            .sort((x, y) => y[1].gross - x[1].gross || (x[0] < y[0] ? -1 : 1))
            .slice(0, 10);
          expect(list.map((s) => [s.key, s.gmvCents, s.feeCents, s.refundCents, s.paidBookings])).toEqual(
            expected.map(([k, v]) => [k, v.gross, v.fee, v.refund, v.paid]),
          );
        }
        expect(revenue.topFacilities.every((s) => !/@|Test (driver|operator)/.test(s.label))).toBe(true);
      }

      // Growth.
      for (const role of ['driver', 'operator', 'investor', 'admin'] as const) {
        expect(pick(growth.signupTotals[role].value, growth.signupTotals[role].comparison)).toBe(await naiveSignups(pool, role, a, b));
      }
      expect(pick(growth.activeDriverTotal.value, growth.activeDriverTotal.comparison)).toBe(await naiveActive(pool, 'driver', a, b));
      expect(pick(growth.supplyTotals.facilities.value, growth.supplyTotals.facilities.comparison)).toBe(await naiveListedFacilities(pool, b));
      expect(pick(growth.supplyTotals.spaces.value, growth.supplyTotals.spaces.comparison)).toBe(end?.spaces ?? 0);

      // Market: per city (GMV of both periods, the rest for the main one).
      const cityMoney = (await naiveMoney(pool, a, b, `country_code || ':' || city`)).converted;
      for (const c of market.cities) expect(pick(c.gmvCents, c.comparisonGmvCents)).toBe(total(cityMoney, c.key).gross);
      if (i === 0) {
        const cityUs = await naiveBookedUs(pool, a, b, `country_code || ':' || city`);
        for (const c of market.cities) {
          expect(c.paidBookings).toBe(total(cityMoney, c.key).paid);
          expect(c.bookedHours).toBe(round((cityUs.get(c.key) ?? 0) / 3.6e9, 2));
          const cityOpen = supply.open.get(c.key) ?? 0;
          expect(c.occupancyPercent).toBe(pct(cityUs.get(c.key) ?? 0, cityOpen * 60_000_000));
          expect(c.revPashCents).toBe(cityOpen === 0 ? null : round(total(cityMoney, c.key).gross / (cityOpen / 60), 2));
          expect(c.facilities).toBe(await naiveListedFacilities(pool, b, c.key));
          expect(c.spaces).toBe(supply.at(b).get(c.key)?.spaces ?? 0);
          const prices = await pool.query<{ avg: number | null; p50: number | null; p10: number | null; p90: number | null }>(
            `SELECT avg(r.hourly_cents)::float8 AS avg, percentile_cont(0.5) WITHIN GROUP (ORDER BY r.hourly_cents) AS p50,
                    percentile_cont(0.1) WITHIN GROUP (ORDER BY r.hourly_cents) AS p10, percentile_cont(0.9) WITHIN GROUP (ORDER BY r.hourly_cents) AS p90
               FROM rates r JOIN facilities f ON f.id = r.facility_id WHERE f.published AND NOT f.is_canary AND f.country_code || ':' || f.city = $1`,
            [c.key],
          );
          const p = prices.rows[0]!;
          expect([c.averagePricePerHourCents, c.medianPricePerHourCents, c.p10PricePerHourCents, c.p90PricePerHourCents]).toEqual(
            [p.avg, p.p50, p.p10, p.p90].map((v) => (v === null ? null : Math.round(v))),
          );
          const shareSum = c.operatorShares.reduce((n, s) => n + s.gmvCents, 0);
          expect(Math.abs(shareSum - c.gmvCents)).toBeLessThanOrEqual(c.operatorShares.length);
        }
        const heat = await naiveHeatmap(pool, a, b);
        for (const cell of market.demandHeatmap) expect(cell.bookedHours).toBe(round((heat.get(`${cell.weekday}:${cell.hour}`) ?? 0) / 3.6e9, 2));
      }
    }

    // Series: each bucket is the period's figure over the bucket's days.
    for (const [k, s] of revenue.series.entries()) {
      const bucket = overview.series[k]!;
      expect(bucket.bucket).toBe(s.bucket);
      expect(bucket.gmvCents).toBe(s.gmvCents);
    }
    const buckets = growth.activeDrivers;
    const startOf = (label: string) => (label.length === 7 ? `${label}-01` : label);
    for (const b of [...buckets.slice(0, 3), ...buckets.slice(-2)]) {
      const bFrom = startOf(b.bucket) < from ? from : startOf(b.bucket);
      const next = revenue.series[revenue.series.findIndex((s) => s.bucket === b.bucket) + 1]?.bucket;
      const bTo = next ? new Date(Date.parse(startOf(next)) - DAY).toISOString().slice(0, 10) : to;
      expect(b.drivers).toBe(await naiveActive(pool, 'driver', bFrom, bTo));
      expect(revenue.series.find((s) => s.bucket === b.bucket)!.gmvCents).toBe(total((await naiveMoney(pool, bFrom, bTo, `'all'`)).converted).gross);
    }

    // Cohorts and funnel.
    const cells = await naiveCohorts(pool);
    for (const c of growth.cohorts) {
      expect(c.drivers).toBe(cells.get(`${c.month}|${c.month}`) ?? 0);
      expect(c.retention[0]).toBe(100);
      c.retention.forEach((share, k) => {
        const month = new Date(Date.UTC(Number(c.month.slice(0, 4)), Number(c.month.slice(5, 7)) - 1 + k, 1)).toISOString().slice(0, 7);
        expect(share).toBe(round(((cells.get(`${c.month}|${month}`) ?? 0) / c.drivers) * 100, 1));
      });
    }
    expect(growth.cohorts.map((c) => c.month)).toEqual(
      [...new Set([...cells.keys()].map((k) => k.slice(0, 7)))].filter((mth) => mth >= from.slice(0, 7) && mth <= to.slice(0, 7)).sort(),
    );
    const funnel = await naiveFunnel(pool, from, to);
    const reached = [
      funnel,
      funnel.filter((x) => x.approved),
      funnel.filter((x) => x.approved && x.published),
      funnel.filter((x) => x.approved && x.published && x.paid),
    ];
    expect(growth.operatorFunnel.map((s) => s.operators)).toEqual(reached.map((x) => x.length));
    return { overview, revenue, growth, market };
  }

  it('holds every figure equal to a naive recomputation after randomised history and live bookings', async () => {
    const random = prng(20261207);
    // Operators: applied and reviewed on past dates; one still waiting, one rejected.
    for (let i = 0; i < 3; i++) operators.push(await createOperator(pool, { displayName: unique('Metrics Parking') }));
    const waiting = await createOperator(pool, { status: 'submitted' });
    const rejected = await createOperator(pool, { status: 'rejected' });
    for (const [i, op] of [...operators, waiting, rejected].entries()) {
      await pool.query(
        `UPDATE operators SET submitted_at = $2, reviewed_at = CASE WHEN status IN ('approved', 'rejected') THEN $3::timestamptz END WHERE id = $1`,
        [op.id, new Date(Date.UTC(2026, 5 + i, 3, 10)).toISOString(), new Date(Date.UTC(2026, 5 + i, 9, 15)).toISOString()],
      );
    }
    for (const [i, c] of CITIES.entries()) {
      const facility = await createFacility(pool, operators[i % operators.length]!, {
        city: c.city,
        timeZone: c.timeZone,
        currency: c.currency,
        openingHours: c.openingHours as never,
        spaces: { standard: 5, ev: 2 },
        hourlyCents: { standard: 200 + 50 * i, ev: 400 + 30 * i },
      });
      await pool.query(`UPDATE facilities SET country_code = $2 WHERE id = $1`, [facility.id, c.country]);
      facilities.push({ ...facility, currency: c.currency, zone: c.timeZone });
    }
    await createFacility(pool, operators[0]!, { city: 'Berlin', isCanary: true, published: true });
    // Sign-ups spread over the past 18 months.
    for (let i = 0; i < 30; i++) {
      await pool.query(`INSERT INTO users (email, password_hash, name, role, created_at) VALUES ($1, 'x', 'Someone', $2::user_role, $3)`, [
        `${unique('signup')}@example.test`,
        random.pick(['driver', 'driver', 'driver', 'operator', 'investor']),
        new Date(Date.UTC(2025, 6, 1) + random.int(0, 520) * DAY + random.int(0, 1439) * MINUTE).toISOString(),
      ]);
    }
    const drivers: string[] = [];
    for (let i = 0; i < 12; i++) drivers.push((await createUser(pool, { role: 'driver' })).id);

    // History in SQL: bookings, payments, extensions, cancellations and refunds on past dates,
    // away from DST changes (the heatmap's naive labels repeated hours differently).
    const nearDst = (ms: number) => {
      const md = new Date(ms).toISOString().slice(5, 10);
      return (md >= '03-06' && md <= '04-01') || (md >= '10-23' && md <= '11-04');
    };
    for (let i = 0; i < 140; i++) {
      const facility = random.pick(facilities);
      const spaceType = random.next() < 0.7 ? 'standard' : 'ev';
      const spaceId = random.pick(facility.spaces[spaceType]!);
      const start = Date.UTC(2025, 4, 1) + random.int(0, 530) * DAY + random.int(0, 95) * 15 * MINUTE + random.int(0, 59) * 1000;
      const end = start + random.int(1, 60) * 30 * MINUTE;
      if (nearDst(start) || nearDst(end + 2 * HOUR)) continue;
      const paidAt = start - random.int(10, 20_000) * MINUTE;
      const status = random.pick(['confirmed', 'completed', 'completed', 'cancelled', 'expired', 'pending_payment'] as const);
      const amount = random.int(300, 9000);
      const driver = random.pick(drivers);
      let bookingId: string;
      try {
        bookingId = (
          await pool.query<{ id: string }>(
            `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at, created_at, confirmed_at)
             VALUES ($1, $2, $3, $4, $5::space_type, tstzrange($6, $7), 'pending_payment', 'M-ET 1', $8, $9, now() + interval '10 minutes', $10, NULL) RETURNING id`,
            [
              unique('MX').slice(-24),
              driver,
              facility.id,
              spaceId,
              spaceType,
              new Date(start).toISOString(),
              new Date(end).toISOString(),
              amount,
              facility.currency,
              new Date(paidAt).toISOString(),
            ],
          )
        ).rows[0]!.id;
      } catch {
        continue; // overlaps a live booking of the space
      }
      if (status === 'pending_payment') continue;
      if (status === 'expired') {
        await pool.query(`UPDATE bookings SET status = 'expired', hold_expires_at = NULL WHERE id = $1`, [bookingId]);
        continue;
      }
      const charge = async (cents: number, at: number, extensionId: string | null) => {
        const payment = (
          await pool.query<{ id: string }>(
            `INSERT INTO payments (booking_id, provider, status, amount_cents, currency, created_at, extension_id) VALUES ($1, 'sandbox', 'succeeded', $2, $3, $4, $5) RETURNING id`,
            [bookingId, cents, facility.currency, new Date(at).toISOString(), extensionId],
          )
        ).rows[0]!.id;
        const fee = Math.round(cents * 0.15);
        await pool.query(
          `INSERT INTO ledger_entries (booking_id, payment_id, operator_id, facility_id, account, amount_cents, currency, occurred_at)
           SELECT $1, $2, $3, $4, a.account::ledger_account, a.amount, $5, $6 FROM unnest($7::text[], $8::bigint[]) AS a(account, amount)`,
          [
            bookingId,
            payment,
            facility.operatorId,
            facility.id,
            facility.currency,
            new Date(at).toISOString(),
            ['gross', 'platform_fee', 'operator_net'],
            [cents, fee, cents - fee],
          ],
        );
        return { payment, fee };
      };
      const first = await charge(amount, paidAt, null);
      await pool.query(`UPDATE bookings SET status = 'confirmed', hold_expires_at = NULL, confirmed_at = $2 WHERE id = $1`, [
        bookingId,
        new Date(paidAt).toISOString(),
      ]);
      let finalEnd = end;
      if (random.next() < 0.25) {
        const newEnd = end + random.int(1, 8) * 15 * MINUTE;
        const extra = random.int(100, 2000);
        const ext = (
          await pool.query<{ id: string }>(
            `INSERT INTO booking_extensions (booking_id, previous_end, new_end, amount_cents, currency, status, created_at, confirmed_at)
             VALUES ($1, $2, $3, $4, $5, 'confirmed', $6, $6) RETURNING id`,
            [bookingId, new Date(end).toISOString(), new Date(newEnd).toISOString(), extra, facility.currency, new Date(start + 10 * MINUTE).toISOString()],
          )
        ).rows[0]!.id;
        try {
          await pool.query(`UPDATE bookings SET period = tstzrange(lower(period), $2) WHERE id = $1`, [bookingId, new Date(newEnd).toISOString()]);
          await charge(extra, start + 10 * MINUTE, ext);
          finalEnd = newEnd;
        } catch {
          // the space is taken right after: no extension
        }
      }
      if (status === 'completed') await pool.query(`UPDATE bookings SET status = 'completed' WHERE id = $1`, [bookingId]);
      if (status === 'cancelled') {
        const at = Math.min(start - MINUTE, paidAt + random.int(1, 5000) * MINUTE);
        await pool.query(`UPDATE bookings SET status = 'cancelled', cancelled_at = $2 WHERE id = $1`, [bookingId, new Date(at).toISOString()]);
        if (random.next() < 0.7) {
          const refund = random.int(1, amount);
          const fee = Math.round(refund * 0.15);
          await pool.query(
            `UPDATE payments SET refunded_cents = $2, status = CASE WHEN $2 = amount_cents THEN 'refunded' ELSE 'partially_refunded' END::payment_status WHERE id = $1`,
            [first.payment, refund],
          );
          await pool.query(
            `INSERT INTO ledger_entries (booking_id, payment_id, operator_id, facility_id, account, amount_cents, currency, occurred_at)
             SELECT $1, $2, $3, $4, a.account::ledger_account, a.amount, $5, $6 FROM unnest($7::text[], $8::bigint[]) AS a(account, amount)`,
            [
              bookingId,
              first.payment,
              facility.operatorId,
              facility.id,
              facility.currency,
              new Date(at + MINUTE).toISOString(),
              ['refund', 'refund_platform_fee', 'refund_operator_net'],
              [-refund, -fee, -(refund - fee)],
            ],
          );
        }
      }
      void finalEnd;
    }

    // Live bookings through the API: payments now, extensions, cancellations with refunds.
    const driver = tokens.driver;
    for (let i = 0; i < 10; i++) {
      const facility = random.pick(facilities.filter((f) => f.zone !== 'Europe/Zurich'));
      const startMs = Math.floor(Date.now() / HOUR) * HOUR + random.int(2, 20) * 24 * HOUR + random.int(0, 40) * 15 * MINUTE;
      const endMs = startMs + random.int(2, 16) * 15 * MINUTE;
      let booking;
      try {
        booking = await holdBooking(url, driver, {
          facilityId: facility.id,
          start: new Date(startMs).toISOString(),
          end: new Date(endMs).toISOString(),
          spaceType: 'standard',
          vehiclePlate: 'B-MX 1',
        });
      } catch {
        continue;
      }
      expect((await postPayment(url, driver, { bookingId: booking.id })).status).toBe(201);
      if (random.next() < 0.4) {
        const extended = await request(url)
          .post(`/api/bookings/${booking.id}/extend`)
          .set('authorization', bearer(driver))
          .send({ end: new Date(endMs + 30 * MINUTE).toISOString() });
        if (extended.status === 201) expect((await postPayment(url, driver, { bookingId: booking.id, extensionId: extended.body.id })).status).toBe(201);
      }
      if (random.next() < 0.4)
        expect((await request(url).post(`/api/bookings/${booking.id}/cancel`).set('authorization', bearer(driver)).send()).status).toBe(200);
    }
    const counts = (
      await pool.query(`SELECT count(*) FILTER (WHERE account = 'refund')::int AS refunds, count(DISTINCT currency)::int AS currencies FROM ledger_entries`)
    ).rows[0];
    expect(counts.refunds).toBeGreaterThan(0);
    expect(counts.currencies).toBeGreaterThanOrEqual(4);

    const main = await expectFiguresMatchNaive({ from: '2026-01-01', to: '2026-12-31' });
    expect(main.overview.fx.missing).toEqual(['USD']);
    expect(main.overview.figures.gmv.value).toBeGreaterThan(0);
    expect(main.overview.figures.cancellationRate.value).toBeGreaterThan(0);
    expect(main.growth.cohorts.length).toBeGreaterThan(0);
    const yearly = await expectFiguresMatchNaive({ from: '2026-03-15', to: '2026-10-20', comparison: 'same_period_last_year', granularity: 'month' });
    expect(yearly.overview.period).toMatchObject({ comparisonFrom: '2025-03-15', comparisonTo: '2025-10-20', granularity: 'month' });
    await expectFiguresMatchNaive({ from: '2026-11-20', to: '2026-12-20', granularity: 'day' });

    // The rebuild from base tables gives the very same answers as the triggers kept.
    const before = await Promise.all(ROUTES.map(async (route) => strip((await get(`${route}?from=2025-06-01&to=2026-12-31`)).body)));
    await pool.query('SELECT metrics_recompute_rollups()');
    const after = await Promise.all(ROUTES.map(async (route) => strip((await get(`${route}?from=2025-06-01&to=2026-12-31`)).body)));
    expect(after).toEqual(before);
  }, 300_000);

  it('keeps exact figures under concurrent payments and refunds in several cities, without deadlocks, before and after a fold', async () => {
    const deadlocks = async () => (await pool.query(`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`)).rows[0].n as number;
    const deadlocksBefore = await deadlocks();
    const drivers = await Promise.all(Array.from({ length: 6 }, async () => loginAs(url, await createUser(pool, { role: 'driver' }))));
    const open = facilities.filter((f) => f.zone !== 'Europe/Zurich');
    expect(new Set(open.map((f) => f.zone)).size).toBeGreaterThanOrEqual(3);
    // Six drivers at once, each paying for bookings in every city in turn and cancelling every other one
    // (a refund): payments and refunds of one city and of different cities overlap all the time.
    const outcomes = await Promise.all(
      drivers.map(async (driver, d) => {
        const statuses: number[] = [];
        for (let i = 0; i < open.length * 2; i++) {
          const facility = open[(d + i) % open.length]!;
          const startMs = Math.floor(Date.now() / HOUR) * HOUR + (30 + d * 40 + i) * 24 * HOUR + 9 * HOUR;
          const booking = await holdBooking(url, driver, {
            facilityId: facility.id,
            start: new Date(startMs).toISOString(),
            end: new Date(startMs + 2 * HOUR).toISOString(),
            spaceType: 'standard',
            vehiclePlate: `B-CC ${d}${i}`,
          });
          statuses.push((await postPayment(url, driver, { bookingId: booking.id })).status);
          if (i % 2 === 1) statuses.push((await request(url).post(`/api/bookings/${booking.id}/cancel`).set('authorization', bearer(driver)).send()).status);
        }
        return statuses;
      }),
    );
    expect(outcomes.flat().every((status) => status === 201 || status === 200)).toBe(true);
    expect(await deadlocks()).toBe(deadlocksBefore);
    // Several writers left rows in their own slots; the figures count them all, folded or not.
    expect((await pool.query(`SELECT count(DISTINCT slot)::int AS n FROM metrics_city_revenue_daily`)).rows[0].n).toBeGreaterThan(1);
    const query = { from: '2026-01-01', to: '2027-12-31' };
    await expectFiguresMatchNaive(query);
    const unfolded = await Promise.all(ROUTES.map(async (route) => strip((await get(`${route}?from=${query.from}&to=${query.to}`)).body)));
    await pool.query('SELECT metrics_fold_rollups()');
    expect((await pool.query(`SELECT count(*)::int AS n FROM metrics_city_revenue_daily WHERE slot <> 0`)).rows[0].n).toBe(0);
    const folded = await Promise.all(ROUTES.map(async (route) => strip((await get(`${route}?from=${query.from}&to=${query.to}`)).body)));
    expect(folded).toEqual(unfolded);
    await pool.query('SELECT metrics_recompute_rollups()');
    const rebuilt = await Promise.all(ROUTES.map(async (route) => strip((await get(`${route}?from=${query.from}&to=${query.to}`)).body)));
    expect(rebuilt).toEqual(unfolded);
  }, 300_000);

  it('converts at rates put by an admin, states each rate used, and leaves out a currency without one', async () => {
    const put = await request(url)
      .put('/api/admin/fx-rates')
      .set('authorization', bearer(tokens.admin))
      .send({
        rates: [
          { date: '2025-01-01', currency: 'USD', unitsPerEur: 1.035 },
          { date: '2026-06-15', currency: 'USD', unitsPerEur: 1.162 },
          { date: '2026-08-10', currency: 'CHF', unitsPerEur: 0.9312 },
          { date: '2026-09-01', currency: 'GBP', unitsPerEur: 0.8731 },
        ],
      });
    expect(put.status).toBe(200);
    expect(put.body.rates).toEqual(expect.arrayContaining([{ date: '2026-06-15', currency: 'USD', unitsPerEur: 1.162 }]));
    const listed = await get('/api/admin/fx-rates', tokens.admin);
    expect(listed.body.rates).toEqual(expect.arrayContaining([{ date: '2024-01-01', currency: 'CHF', unitsPerEur: 0.9391 }]));

    const { overview } = await expectFiguresMatchNaive({ from: '2026-01-01', to: '2026-12-31' });
    expect(overview.fx.missing).toEqual([]);
    expect(overview.fx.rates).toEqual(expect.arrayContaining([{ currency: 'USD', date: '2026-06-15', unitsPerEur: 1.162 }]));
    const usd = overview.fx.rates.filter((x) => x.currency === 'USD').map((x) => x.date);
    expect(usd.every((d) => d === '2025-01-01' || d === '2026-06-15')).toBe(true);
    // Correcting a rate changes the converted figures and nothing else.
    await request(url)
      .put('/api/admin/fx-rates')
      .set('authorization', bearer(tokens.admin))
      .send({ rates: [{ date: '2026-06-15', currency: 'USD', unitsPerEur: 2 }] });
    await expectFiguresMatchNaive({ from: '2026-01-01', to: '2026-12-31' });
  }, 120_000);
  it('works a preset out on the platform’s calendar, whatever day the caller’s clock shows, so a payment made now counts at once', async () => {
    // The platform's today (REPORTING_TIME_ZONE, Europe/Berlin here), read either side of the
    // request so a Berlin midnight in between cannot fail the test.
    const berlinToday = () =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
    const expected = {
      '30d': (today: string) => ({ from: daysBefore(today, 29), to: today, days: 30, granularity: 'day' }),
      '3m': (today: string) => {
        const [y, m] = today.split('-').map(Number) as [number, number];
        return { from: new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 10), to: today };
      },
      '12m': (today: string) => {
        const [y, m] = today.split('-').map(Number) as [number, number];
        return { from: new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10), to: today, granularity: 'month' };
      },
      ytd: (today: string) => ({ from: `${today.slice(0, 4)}-01-01`, to: today }),
    } as const;
    for (const [preset, days] of Object.entries(expected)) {
      for (const route of ROUTES) {
        const before = berlinToday();
        const res = await get(`${route}?preset=${preset}&comparison=same_period_last_year`);
        const after = berlinToday();
        expect(res.status).toBe(200);
        const period = (res.body as InvestorOverview).period;
        expect(period.to === before || period.to === after).toBe(true);
        expect(period).toMatchObject({ preset, ...days(period.to), comparison: 'same_period_last_year', reportingTimeZone: 'Europe/Berlin' });
        // The same answer as asking for those days by date, apart from the preset it names.
        const byDays = await get(`${route}?from=${period.from}&to=${period.to}&comparison=same_period_last_year`);
        expect(byDays.body.period.preset).toBeNull();
        expect({ ...strip(byDays.body), period: { ...byDays.body.period, preset } }).toEqual(strip(res.body));
      }
    }

    // A payment made now, in a car park on the platform's calendar, is in "the last 30 days" at
    // once, also in the hour after Berlin's midnight when a UTC clock still shows yesterday.
    const berlin = facilities.find((f) => f.zone === 'Europe/Berlin')!;
    const driver = await loginAs(url, await createUser(pool, { role: 'driver' }));
    const paidBefore = ((await get('/api/proxy/investor?preset=30d')).body as InvestorOverview).figures.paidBookings.value!;
    const startMs = Math.ceil(Date.now() / HOUR) * HOUR + 400 * DAY;
    const booking = await holdBooking(url, driver, {
      facilityId: berlin.id,
      start: new Date(startMs).toISOString(),
      end: new Date(startMs + 2 * HOUR).toISOString(),
      spaceType: 'standard',
      vehiclePlate: 'B-PR 30',
    });
    expect((await postPayment(url, driver, { bookingId: booking.id })).status).toBe(201);
    const paidAfter = ((await get('/api/proxy/investor?preset=30d')).body as InvestorOverview).figures.paidBookings.value!;
    expect(paidAfter).toBe(paidBefore + 1);
  }, 120_000);
});
