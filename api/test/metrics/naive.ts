import type pg from 'pg';
import { DateTime } from 'luxon';

/**
 * The investor figures recomputed the obvious way from raw rows (ledger lines, bookings, payments,
 * users, operators, listings, spaces), without any rollup: what the metrics answers must equal.
 */

export interface Money {
  gross: number;
  fee: number;
  refund: number;
  refundFee: number;
  paid: number;
}
const zero = (): Money => ({ gross: 0, fee: 0, refund: 0, refundFee: 0, paid: 0 });

/**
 * Ledger money per slice in [from, to] (facility-local days of payment), converted into EUR: sums
 * per slice, currency and rate in force (latest on or before the day), each rounded half away
 * from zero; a currency without a rate is left out (and listed). Also the raw sums per currency.
 */
export async function naiveMoney(pool: pg.Pool, from: string, to: string, slice: string) {
  const { rows } = await pool.query<{ slice: string; currency: string; rate: string | null; g: string; f: string; r: string; rf: string; p: string }>(
    `WITH lines AS (
       SELECT l.*, f.country_code, f.city, b.space_type, (l.occurred_at AT TIME ZONE f.time_zone)::date AS day, (l.account = 'gross' AND p.extension_id IS NULL) AS first_payment
         FROM ledger_entries l JOIN facilities f ON f.id = l.facility_id JOIN bookings b ON b.id = l.booking_id LEFT JOIN payments p ON p.id = l.payment_id
     ), inside AS (
       SELECT lines.*, (SELECT r.units_per_eur FROM fx_rates r WHERE r.currency = lines.currency AND r.date <= lines.day ORDER BY r.date DESC LIMIT 1) AS rate
         FROM lines WHERE day BETWEEN $1 AND $2
     )
     SELECT ${slice} AS slice, currency, rate::text,
            coalesce(sum(amount_cents) FILTER (WHERE account = 'gross'), 0) AS g, coalesce(sum(amount_cents) FILTER (WHERE account = 'platform_fee'), 0) AS f,
            coalesce(sum(amount_cents) FILTER (WHERE account = 'refund'), 0) AS r, coalesce(sum(amount_cents) FILTER (WHERE account = 'refund_platform_fee'), 0) AS rf,
            count(*) FILTER (WHERE first_payment) AS p
       FROM inside GROUP BY 1, 2, 3`,
    [from, to],
  );
  const converted = new Map<string, Money>();
  const raw = new Map<string, Map<string, Money>>();
  const missing = new Set<string>();
  const conv = (amount: number, rate: string | null, currency: string) => {
    if (currency === 'EUR') return amount;
    const r = Number(rate);
    return Math.sign(amount) * Math.round(Math.abs(amount) / r);
  };
  for (const row of rows) {
    const m = converted.get(row.slice) ?? zero();
    converted.set(row.slice, m);
    const perCurrency = raw.get(row.slice) ?? new Map<string, Money>();
    raw.set(row.slice, perCurrency);
    const c = perCurrency.get(row.currency) ?? zero();
    perCurrency.set(row.currency, c);
    const values = [Number(row.g), Number(row.f), Number(row.r), Number(row.rf)] as const;
    c.gross += values[0];
    c.fee += values[1];
    c.refund += values[2];
    c.refundFee += values[3];
    c.paid += Number(row.p);
    m.paid += Number(row.p);
    if (row.currency !== 'EUR' && row.rate === null) {
      missing.add(row.currency);
      continue;
    }
    m.gross += conv(values[0], row.rate, row.currency);
    m.fee += conv(values[1], row.rate, row.currency);
    m.refund += conv(values[2], row.rate, row.currency);
    m.refundFee += conv(values[3], row.rate, row.currency);
  }
  return { converted, raw, missing };
}

/** Booked space-microseconds of confirmed and completed bookings inside [from, to] (each facility's local days), per slice. */
export async function naiveBookedUs(pool: pg.Pool, from: string, to: string, slice: string): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ slice: string; us: string }>(
    `SELECT ${slice} AS slice, sum(extract(epoch FROM upper(x.r) - lower(x.r)) * 1000000)::bigint::text AS us
       FROM (SELECT b.*, f.country_code, f.city, b.period * tstzrange($1::date::timestamp AT TIME ZONE f.time_zone, ($2::date + 1)::timestamp AT TIME ZONE f.time_zone) AS r
               FROM bookings b JOIN facilities f ON f.id = b.facility_id WHERE b.status IN ('confirmed', 'completed')) x
      WHERE NOT isempty(x.r) GROUP BY 1`,
    [from, to],
  );
  return new Map(rows.map((r) => [r.slice, Number(r.us)]));
}

/** Paid bookings cancelled in [from, to] (local day of the cancellation). */
export async function naiveCancelled(pool: pg.Pool, from: string, to: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM bookings b JOIN facilities f ON f.id = b.facility_id
      WHERE b.status = 'cancelled' AND (b.cancelled_at AT TIME ZONE f.time_zone)::date BETWEEN $1 AND $2
        AND EXISTS (SELECT 1 FROM payments p WHERE p.booking_id = b.id AND p.extension_id IS NULL AND p.status IN ('succeeded', 'refunded', 'partially_refunded'))`,
    [from, to],
  );
  return rows[0]!.n;
}

/** Distinct drivers (or approved operators) with a paid booking (first payment) in [from, to]. */
export async function naiveActive(pool: pg.Pool, kind: 'driver' | 'operator', from: string, to: string): Promise<number> {
  const member = kind === 'driver' ? 'b.driver_id' : 'l.operator_id';
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(DISTINCT ${member})::int AS n
       FROM ledger_entries l JOIN facilities f ON f.id = l.facility_id JOIN bookings b ON b.id = l.booking_id LEFT JOIN payments p ON p.id = l.payment_id
       JOIN operators o ON o.id = l.operator_id
      WHERE l.account = 'gross' AND p.extension_id IS NULL AND (l.occurred_at AT TIME ZONE f.time_zone)::date BETWEEN $1 AND $2
        AND (${kind === 'driver' ? 'true' : "o.status = 'approved'"})`,
    [from, to],
  );
  return rows[0]!.n;
}

/** Accounts of a role created in [from, to] on the reporting zone's calendar. */
export async function naiveSignups(pool: pg.Pool, role: string, from: string, to: string, zone = 'Europe/Berlin'): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE role = $1::user_role AND (created_at AT TIME ZONE $4)::date BETWEEN $2 AND $3`,
    [role, from, to, zone],
  );
  return rows[0]!.n;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Open minutes per ISO weekday (index 0 = Monday) of an opening-hours document. */
export function openMinutes(hours: Record<string, [string, string][]> | null): number[] {
  if (hours === null) return new Array<number>(7).fill(1440);
  return WEEKDAYS.map((d) =>
    (hours[d] ?? []).reduce((n, [a, b]) => {
      const [x, y] = [minutes(a), minutes(b)];
      return n + (y > x ? y - x : y < x ? 1440 - x + y : 0);
    }, 0),
  );
}

interface ListedSpace {
  key: string;
  facilityFrom: string;
  facilityUntil: string | null;
  spaceFrom: string | null;
  spaceType: string | null;
  open: number[];
}

/** Listings with each active space: local days a facility (and each space) started and stopped being listed. */
async function listings(pool: pg.Pool): Promise<ListedSpace[]> {
  const { rows } = await pool.query<{
    key: string;
    facility_from: string;
    facility_until: string | null;
    space_from: string | null;
    space_type: string | null;
    opening_hours: Record<string, [string, string][]> | null;
  }>(
    `SELECT f.country_code || ':' || f.city AS key, (l.listed_from AT TIME ZONE f.time_zone)::date::text AS facility_from,
            (l.listed_until AT TIME ZONE f.time_zone)::date::text AS facility_until,
            (greatest(l.listed_from, s.created_at) AT TIME ZONE f.time_zone)::date::text AS space_from, s.space_type::text, f.opening_hours
       FROM metrics_facility_listings l JOIN facilities f ON f.id = l.facility_id AND NOT f.is_canary
       LEFT JOIN spaces s ON s.facility_id = f.id AND s.active AND (l.listed_until IS NULL OR greatest(l.listed_from, s.created_at) < l.listed_until)`,
  );
  return rows.map((r) => ({
    key: r.key,
    facilityFrom: r.facility_from,
    facilityUntil: r.facility_until,
    spaceFrom: r.space_from,
    spaceType: r.space_type,
    open: openMinutes(r.opening_hours),
  }));
}

/** Listed facilities and spaces at the end of `day`, and open space-minutes over [from, to], per city ('all' for the platform). */
export async function naiveSupply(pool: pg.Pool, from: string, to: string) {
  const rows = await listings(pool);
  const listedOn = (r: ListedSpace, day: string) => r.facilityFrom <= day && (r.facilityUntil === null || r.facilityUntil > day);
  const at = (day: string) => {
    const out = new Map<string, { facilities: Set<string>; spaces: number; byType: Map<string, number> }>();
    const get = (k: string) => {
      let v = out.get(k);
      if (!v) out.set(k, (v = { facilities: new Set(), spaces: 0, byType: new Map() }));
      return v;
    };
    rows.forEach((r, i) => {
      if (!listedOn(r, day)) return;
      for (const k of [r.key, 'all']) {
        get(k).facilities.add(`${r.key}|${r.facilityFrom}|${i}`);
        if (r.spaceType !== null && r.spaceFrom! <= day) {
          get(k).spaces += 1;
          get(k).byType.set(r.spaceType, (get(k).byType.get(r.spaceType) ?? 0) + 1);
        }
      }
    });
    return out;
  };
  const open = new Map<string, number>();
  for (let d = DateTime.fromISO(from, { zone: 'UTC' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
    const day = d.toISODate()!;
    for (const r of rows) {
      if (!listedOn(r, day) || r.spaceType === null || r.spaceFrom! > day) continue;
      const minutesOpen = r.open[d.weekday - 1]!;
      open.set(r.key, (open.get(r.key) ?? 0) + minutesOpen);
      open.set('all', (open.get('all') ?? 0) + minutesOpen);
    }
  }
  return { at, open };
}

/** Facilities counted once each (a listing row per space in `listings`). */
export async function naiveListedFacilities(pool: pg.Pool, day: string, key?: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM metrics_facility_listings l JOIN facilities f ON f.id = l.facility_id AND NOT f.is_canary
      WHERE (l.listed_from AT TIME ZONE f.time_zone)::date <= $1 AND (l.listed_until IS NULL OR (l.listed_until AT TIME ZONE f.time_zone)::date > $1)
        AND ($2::text IS NULL OR f.country_code || ':' || f.city = $2)`,
    [day, key ?? null],
  );
  return rows[0]!.n;
}

/** Booked hours per local weekday (1 = Monday) and hour over [from, to], stepping through each stay's local hours. */
export async function naiveHeatmap(pool: pg.Pool, from: string, to: string): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ zone: string; s: string; e: string }>(
    `SELECT f.time_zone AS zone, (extract(epoch FROM lower(b.period)) * 1000000)::bigint::text AS s, (extract(epoch FROM upper(b.period)) * 1000000)::bigint::text AS e
       FROM bookings b JOIN facilities f ON f.id = b.facility_id WHERE b.status IN ('confirmed', 'completed')`,
  );
  const cells = new Map<string, number>();
  for (const row of rows) {
    const end = Number(row.e);
    for (let t = Number(row.s); t < end;) {
      const local = DateTime.fromMillis(Math.floor(t / 1000), { zone: row.zone });
      const next = Math.min(end, local.startOf('hour').plus({ hours: 1 }).toMillis() * 1000);
      const day = local.toISODate()!;
      if (day >= from && day <= to) {
        const key = `${local.weekday}:${local.hour}`;
        cells.set(key, (cells.get(key) ?? 0) + (next - t));
      }
      t = next;
    }
  }
  return cells;
}

/** Retention cells: drivers by month of first paid booking and month active (facility-local days). */
export async function naiveCohorts(pool: pg.Pool): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ cohort: string; month: string; n: number }>(
    `WITH days AS (
       SELECT b.driver_id, (l.occurred_at AT TIME ZONE f.time_zone)::date AS day
         FROM ledger_entries l JOIN facilities f ON f.id = l.facility_id JOIN bookings b ON b.id = l.booking_id LEFT JOIN payments p ON p.id = l.payment_id
        WHERE l.account = 'gross' AND p.extension_id IS NULL
     ), firsts AS (SELECT driver_id, to_char(min(day), 'YYYY-MM') AS cohort FROM days GROUP BY 1)
     SELECT f.cohort, to_char(d.day, 'YYYY-MM') AS month, count(DISTINCT d.driver_id)::int AS n FROM days d JOIN firsts f USING (driver_id) GROUP BY 1, 2`,
  );
  return new Map(rows.map((r) => [`${r.cohort}|${r.month}`, r.n]));
}

/** Operators who applied in [from, to] (reporting zone) with the instants of their later steps. */
export async function naiveFunnel(pool: pg.Pool, from: string, to: string) {
  const { rows } = await pool.query<{ applied: Date; approved: Date | null; published: Date | null; paid: Date | null }>(
    `SELECT o.submitted_at AS applied, CASE WHEN o.status = 'approved' THEN o.reviewed_at END AS approved,
            (SELECT min(l.listed_from) FROM metrics_facility_listings l JOIN facilities f ON f.id = l.facility_id WHERE f.operator_id = o.id) AS published,
            (SELECT min(l.occurred_at) FROM ledger_entries l LEFT JOIN payments p ON p.id = l.payment_id WHERE l.operator_id = o.id AND l.account = 'gross' AND p.extension_id IS NULL) AS paid
       FROM operators o WHERE (o.submitted_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN $1 AND $2`,
    [from, to],
  );
  return rows;
}
