import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { MetricsGranularity } from '@aiparksit/shared';
import type { FxRateRow } from './fx.js';

/** The two periods of an answer and the rate-change dates their money sums are split at. */
export interface PeriodParams {
  from: string;
  to: string;
  comparisonFrom: string;
  comparisonTo: string;
  granularity: MetricsGranularity;
  /** Sorted rate-change dates inside the span of both periods; segment i starts at bounds[i − 1]. */
  bounds: string[];
}

export interface MoneyRow {
  p: number;
  seg: number;
  bucket: string | null;
  country: string;
  city: string;
  currency: string;
  spaceType: string;
  gross: number;
  fee: number;
  refund: number;
  refundFee: number;
  paid: number;
}

export interface StayRow {
  p: number;
  bucket: string | null;
  country: string;
  city: string;
  spaceType: string;
  bookedUs: number;
  cancelled: number;
}

export interface SupplyRow {
  day: string;
  country: string;
  city: string;
  currency: string;
  facilities: number;
  spaces: number[];
  open: number[];
}

export interface TopRow {
  p: number;
  seg: number;
  id: string;
  currency: string;
  gross: number;
  fee: number;
  refund: number;
  refundFee: number;
  paid: number;
}

/** The instant a local date starts in a zone (ISO, UTC). */
const localMidnight = (date: string, zone: string) => DateTime.fromISO(date, { zone }).toUTC().toISO()!;

const bucketSql = (g: MetricsGranularity, column: string) =>
  g === 'day' ? `${column}::text` : g === 'week' ? `(${column} - (extract(isodow FROM ${column})::int - 1))::text` : `to_char(${column}, 'YYYY-MM')`;

const MONEY_SUMS = `sum(gross_cents)::float8 AS gross, sum(fee_cents)::float8 AS fee, sum(refund_cents)::float8 AS refund,
  sum(refund_fee_cents)::float8 AS "refundFee", sum(paid_bookings)::float8 AS paid`;

/** Hand-written reads of the metrics rollups (see the investor metrics migration). */
@Injectable()
export class MetricsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every metrics rollup rebuilt from the base tables (the function takes the fold's advisory lock). */
  async recomputeRollups(): Promise<void> {
    await this.dataSource.query('SELECT metrics_recompute_rollups()');
  }

  fxRates(): Promise<FxRateRow[]> {
    return this.dataSource.query(`SELECT currency, date::text AS date, units_per_eur::text AS "unitsPerEur" FROM fx_rates ORDER BY currency, date`);
  }

  async putFxRates(rates: { currency: string; date: string; unitsPerEur: number }[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO fx_rates (currency, date, units_per_eur)
       SELECT * FROM unnest($1::text[], $2::date[], $3::numeric[]) ORDER BY 1, 2
       ON CONFLICT (currency, date) DO UPDATE SET units_per_eur = EXCLUDED.units_per_eur, updated_at = now()`,
      [rates.map((r) => r.currency), rates.map((r) => r.date), rates.map((r) => String(r.unitsPerEur))],
    );
  }

  /** Ledger sums per period, rate segment, bucket (main period only), city, currency and space type. */
  money(p: PeriodParams): Promise<MoneyRow[]> {
    const select = (period: number, from: string, to: string, bucket: string) => `
      SELECT ${period} AS p, width_bucket(day, $5::date[]) AS seg, ${bucket} AS bucket, country_code AS country, city, currency, space_type::text AS "spaceType", ${MONEY_SUMS}
        FROM metrics_city_revenue_daily WHERE day BETWEEN ${from} AND ${to} GROUP BY 1, 2, 3, 4, 5, 6, 7`;
    return this.dataSource.query(
      `${select(0, '$1::date', '$2::date', bucketSql(p.granularity, 'day'))} UNION ALL ${select(1, '$3::date', '$4::date', 'NULL')}`,
      [p.from, p.to, p.comparisonFrom, p.comparisonTo, p.bounds],
    );
  }

  /** Booked space-time and paid cancellations per period, bucket (main period only), city and space type. */
  stays(p: PeriodParams): Promise<StayRow[]> {
    const select = (period: number, from: string, to: string, bucket: string) => `
      SELECT ${period} AS p, ${bucket} AS bucket, country_code AS country, city, space_type::text AS "spaceType",
             sum(booked_us)::float8 AS "bookedUs", sum(cancelled_bookings)::float8 AS cancelled
        FROM metrics_city_stays_daily WHERE day BETWEEN ${from} AND ${to} GROUP BY 1, 2, 3, 4, 5`;
    return this.dataSource.query(
      `${select(0, '$1::date', '$2::date', bucketSql(p.granularity, 'day'))} UNION ALL ${select(1, '$3::date', '$4::date', 'NULL')}`,
      [p.from, p.to, p.comparisonFrom, p.comparisonTo],
    );
  }

  /**
   * Distinct active members (drivers or operators) of each range: per member, the gap ending on its
   * first active day in the range starts before the range (or is its first day ever, `fresh`).
   */
  async activeMembers(kind: 'driver' | 'operator', ranges: { from: string; to: string }[]): Promise<{ active: number; fresh: number }[]> {
    if (!ranges.length) return [];
    const rows: { i: number; active: number; fresh: number }[] = await this.dataSource.query(
      `SELECT r.i, coalesce(sum(g.members), 0)::float8 AS active, coalesce(sum(g.members) FILTER (WHERE g.prev_day = '-infinity'), 0)::float8 AS fresh
         FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS r(s, e, i)
         LEFT JOIN metrics_active_gaps g ON g.kind = $1 AND g.next_day BETWEEN r.s AND r.e AND g.prev_day < r.s
        GROUP BY r.i`,
      [kind, ranges.map((r) => r.from), ranges.map((r) => r.to)],
    );
    const out = ranges.map(() => ({ active: 0, fresh: 0 }));
    for (const row of rows) out[Number(row.i) - 1] = { active: Number(row.active), fresh: Number(row.fresh) };
    return out;
  }

  /** Every supply change up to `to` (a few per city and day at most). */
  async supply(to: string): Promise<SupplyRow[]> {
    // Plain columns: node-postgres parses arrays far slower than numbers.
    const rows: Record<string, string | number>[] = await this.dataSource.query(
      `SELECT day::text AS day, country_code AS country, city, currency, facilities, spaces_standard AS s1, spaces_ev AS s2, spaces_accessible AS s3,
              spaces_oversize AS s4, spaces_motorcycle AS s5, open_mon::float8 AS o1, open_tue::float8 AS o2, open_wed::float8 AS o3, open_thu::float8 AS o4,
              open_fri::float8 AS o5, open_sat::float8 AS o6, open_sun::float8 AS o7
         FROM metrics_supply_changes WHERE day <= $1 ORDER BY day`,
      [to],
    );
    return rows.map((r) => ({
      day: r['day'] as string,
      country: r['country'] as string,
      city: r['city'] as string,
      currency: r['currency'] as string,
      facilities: Number(r['facilities']),
      spaces: [r['s1'], r['s2'], r['s3'], r['s4'], r['s5']].map(Number),
      open: [r['o1'], r['o2'], r['o3'], r['o4'], r['o5'], r['o6'], r['o7']].map(Number),
    }));
  }

  /**
   * Sign-ups per period, bucket (main period only) and role, on the reporting zone's calendar: the
   * local midnights are worked out once (`localMidnight`) and the hours compared with them as instants.
   */
  signups(
    p: PeriodParams,
    buckets: { label: string; from: string }[],
    timeZone: string,
  ): Promise<{ p: number; bucket: string | null; role: string; users: number }[]> {
    const at = (date: string) => localMidnight(date, timeZone);
    const next = (date: string) => at(DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!);
    return this.dataSource.query(
      `SELECT 0 AS p, ($4::text[])[width_bucket(hour, $1::timestamptz[])] AS bucket, role::text AS role, sum(users)::float8 AS users
         FROM metrics_signups_hourly WHERE hour >= $2 AND hour < $3 GROUP BY 1, 2, 3
       UNION ALL
       SELECT 1, NULL, role::text, sum(users)::float8 FROM metrics_signups_hourly WHERE hour >= $5 AND hour < $6 GROUP BY 1, 2, 3`,
      [buckets.map((b) => at(b.from)), at(p.from), next(p.to), buckets.map((b) => b.label), at(p.comparisonFrom), next(p.comparisonTo)],
    );
  }

  cohorts(fromMonth: string, toMonth: string): Promise<{ cohort: string; month: string; drivers: number }[]> {
    return this.dataSource.query(
      `SELECT to_char(cohort_month, 'YYYY-MM') AS cohort, to_char(active_month, 'YYYY-MM') AS month, sum(drivers)::int AS drivers
         FROM metrics_driver_cohorts WHERE cohort_month BETWEEN $1::date AND $2::date GROUP BY cohort_month, active_month HAVING sum(drivers) <> 0 ORDER BY 1, 2`,
      [`${fromMonth}-01`, `${toMonth}-01`],
    );
  }

  /** Operators who applied in the period (reporting zone) with the times of their later steps. */
  funnel(
    from: string,
    to: string,
    timeZone: string,
  ): Promise<{ appliedAt: Date; approvedAt: Date | null; firstPublishedAt: Date | null; firstPaidAt: Date | null }[]> {
    return this.dataSource.query(
      `SELECT o.submitted_at AS "appliedAt", CASE WHEN o.status = 'approved' THEN o.reviewed_at END AS "approvedAt",
              m.first_published_at AS "firstPublishedAt", m.first_paid_at AS "firstPaidAt"
         FROM operators o LEFT JOIN metrics_operator_milestones m ON m.operator_id = o.id
        WHERE o.submitted_at >= ($1::date::timestamp AT TIME ZONE $3) AND o.submitted_at < (($2::date + 1)::timestamp AT TIME ZONE $3)`,
      [from, to, timeZone],
    );
  }

  /** Booked space-time per local ISO weekday and hour over the period. */
  heatmap(from: string, to: string): Promise<{ weekday: number; hour: number; bookedUs: number }[]> {
    return this.dataSource.query(
      `SELECT extract(isodow FROM day)::int AS weekday, hour, sum(booked_us)::float8 AS "bookedUs"
         FROM metrics_demand_hourly WHERE day BETWEEN $1 AND $2 GROUP BY 1, 2`,
      [from, to],
    );
  }

  /** Hourly list prices of listed facilities' rates, per city: count, mean and percentiles. */
  prices(): Promise<
    {
      country: string;
      city: string;
      latitude: number;
      longitude: number;
      rates: number;
      average: number | null;
      p10: number | null;
      p50: number | null;
      p90: number | null;
    }[]
  > {
    return this.dataSource.query(
      // One sort per city for the three percentiles (an array of fractions), not three.
      `SELECT country, city, latitude, longitude, rates, average, p[1] AS p10, p[2] AS p50, p[3] AS p90
         FROM (SELECT f.country_code AS country, f.city, avg(f.latitude)::float8 AS latitude, avg(f.longitude)::float8 AS longitude, count(r.id)::int AS rates,
                      avg(r.hourly_cents)::float8 AS average, percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY r.hourly_cents) AS p
                 FROM facilities f LEFT JOIN rates r ON r.facility_id = f.id
                WHERE f.published AND NOT f.is_canary
                GROUP BY 1, 2) c`,
    );
  }

  /**
   * Top facilities or operators by converted GMV of the main period: ledger sums of whole months
   * (`months`) and single days (`days`) per period, converted in SQL at the given factors (pairs of
   * rate millionths per currency and segment) and ranked; then every row of the top ids.
   */
  async top(
    by: 'facility' | 'operator',
    months: [string[], string[]],
    days: [string[], string[]],
    bounds: string[],
    factors: { currency: string; seg: number; key: string; from: string; to: string }[],
    limit: number,
  ): Promise<TopRow[]> {
    const idColumn = by === 'facility' ? 'facility_id' : 'operator_id';
    const union = `
      SELECT 0 AS p, width_bucket(month, $5::date[]) AS seg, ${idColumn} AS id, currency, ${MONEY_SUMS} FROM metrics_facility_revenue_monthly WHERE month = ANY($1::date[]) GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT 0, width_bucket(day, $5::date[]), ${idColumn}, currency, ${MONEY_SUMS} FROM metrics_facility_revenue_daily WHERE day = ANY($2::date[]) GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT 1, width_bucket(month, $5::date[]), ${idColumn}, currency, ${MONEY_SUMS} FROM metrics_facility_revenue_monthly WHERE month = ANY($3::date[]) GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT 1, width_bucket(day, $5::date[]), ${idColumn}, currency, ${MONEY_SUMS} FROM metrics_facility_revenue_daily WHERE day = ANY($4::date[]) GROUP BY 1, 2, 3, 4`;
    return this.dataSource.query(
      `WITH rows AS MATERIALIZED (${union}),
       fx AS (SELECT * FROM unnest($6::text[], $7::int[], $8::numeric[], $9::numeric[], $11::text[]) AS f(currency, seg, rate_from, rate_to, key)),
       ranked AS (
         SELECT c.id FROM (
           SELECT r.id, round(sum(r.gross)::numeric * fx.rate_to / fx.rate_from) AS gmv
             FROM rows r JOIN fx ON fx.currency = r.currency AND fx.seg = r.seg
            WHERE r.p = 0
            GROUP BY r.id, fx.currency, fx.key, fx.rate_from, fx.rate_to) c
          GROUP BY c.id ORDER BY sum(c.gmv) DESC, c.id LIMIT $10)
       SELECT rows.p, rows.seg, rows.id::text AS id, rows.currency, rows.gross, rows.fee, rows.refund, rows."refundFee", rows.paid
         FROM rows JOIN ranked ON ranked.id = rows.id`,
      [
        months[0],
        days[0],
        months[1],
        days[1],
        bounds,
        factors.map((f) => f.currency),
        factors.map((f) => f.seg),
        factors.map((f) => f.from),
        factors.map((f) => f.to),
        limit,
        factors.map((f) => f.key),
      ],
    );
  }

  /**
   * Each city's top 5 operators by converted GMV of the main period (whole months and edge days,
   * as `top`), and the rest as one row with a null id: converted in SQL per operator, currency and
   * rate pair, so only a handful of rows per city leave the database.
   */
  cityOperators(
    days: [string[], string[]],
    bounds: string[],
    factors: { currency: string; seg: number; key: string; from: string; to: string }[],
  ): Promise<{ country: string; city: string; id: string | null; gmv: number }[]> {
    const [months, edgeDays] = days;
    return this.dataSource.query(
      `WITH rows AS (
         SELECT f.country_code AS country, f.city, t.operator_id, t.currency, width_bucket(t.month, $3::date[]) AS seg, sum(t.gross_cents) AS gross
           FROM metrics_facility_revenue_monthly t JOIN facilities f ON f.id = t.facility_id WHERE t.month = ANY($1::date[]) GROUP BY 1, 2, 3, 4, 5
         UNION ALL
         SELECT f.country_code, f.city, t.operator_id, t.currency, width_bucket(t.day, $3::date[]), sum(t.gross_cents)
           FROM metrics_facility_revenue_daily t JOIN facilities f ON f.id = t.facility_id WHERE t.day = ANY($2::date[]) GROUP BY 1, 2, 3, 4, 5
       ), fx AS (SELECT * FROM unnest($4::text[], $5::int[], $6::numeric[], $7::numeric[], $8::text[]) AS f(currency, seg, rate_from, rate_to, key)),
       converted AS (
         SELECT r.country, r.city, r.operator_id, round(sum(r.gross)::numeric * fx.rate_to / fx.rate_from) AS gmv
           FROM rows r JOIN fx ON fx.currency = r.currency AND fx.seg = r.seg
          GROUP BY r.country, r.city, r.operator_id, fx.currency, fx.key, fx.rate_from, fx.rate_to
       ), ranked AS (
         SELECT country, city, operator_id, sum(gmv) AS gmv, row_number() OVER (PARTITION BY country, city ORDER BY sum(gmv) DESC, operator_id) AS rank
           FROM converted GROUP BY 1, 2, 3
       )
       SELECT country, city, CASE WHEN rank <= 5 THEN operator_id::text END AS id, sum(gmv)::float8 AS gmv FROM ranked GROUP BY 1, 2, 3`,
      [
        months,
        edgeDays,
        bounds,
        factors.map((f) => f.currency),
        factors.map((f) => f.seg),
        factors.map((f) => f.from),
        factors.map((f) => f.to),
        factors.map((f) => f.key),
      ],
    );
  }

  /** Public labels: facility name with its city, operator display name. */
  labels(by: 'facility' | 'operator', ids: string[]): Promise<{ id: string; label: string; country: string | null; city: string | null }[]> {
    if (!ids.length) return Promise.resolve([]);
    return by === 'facility'
      ? this.dataSource.query(`SELECT id::text, name || ', ' || city AS label, country_code AS country, city FROM facilities WHERE id = ANY($1::uuid[])`, [ids])
      : this.dataSource.query(`SELECT id::text, display_name AS label, NULL AS country, NULL AS city FROM operators WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
