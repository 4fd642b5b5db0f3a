import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnalyticsGranularity, OpeningHours } from '@aiparksit/shared';

export interface ScopeFacility {
  id: string;
  operatorId: string;
  ownerId: string;
  timeZone: string;
  openingHours: OpeningHours;
  activeSpaces: number;
}

/** Each facility's own range, in whole UTC hours. */
export interface FacilityRange {
  facilityId: string;
  timeZone: string;
  from: Date;
  to: Date;
}

export interface RevenueRow {
  currency: string;
  bucket: string;
  gross: string;
  refund: string;
  fee: string;
  net: string;
  bookings: string;
}

/** Booked space-microseconds: per bucket (`kind` 'bucket'), per heatmap cell ('cell'), or per ISO weekday for whole days ('weekday', 24 hour slots). */
export interface OccupancyRow {
  kind: 'bucket' | 'cell' | 'weekday';
  bucket: string | null;
  weekday: number | null;
  hour: number | null;
  us: string | null;
  slots: string[] | null;
}

const FACILITY_COLUMNS = `f.id, f.operator_id AS "operatorId", o.owner_id AS "ownerId", f.time_zone AS "timeZone", f.opening_hours AS "openingHours",
  (SELECT count(*)::int FROM spaces s WHERE s.facility_id = f.id AND s.active) AS "activeSpaces"`;

/**
 * Each facility's range on its own local clock: `lf`/`lt` are the local hours of the range's first
 * and end UTC hour; whole days (`full_from` ≤ day < `full_to`) are read from the daily rows, the
 * hours of a first or last day the range covers only in part from the hour slots; whole months
 * within the whole days (`month_from` ≤ month < `month_to`) give the heatmap from the month ×
 * weekday rows. Hour series ($5 = 'hour') read every day by its hours.
 */
const RANGES = `
  ranges AS (
    SELECT m.*,
           -- No whole month: an empty month range at the end, so the days before it are all days.
           CASE WHEN m.first_month < m.end_month THEN m.first_month ELSE m.full_to END AS month_from,
           CASE WHEN m.first_month < m.end_month THEN m.end_month ELSE m.full_to END AS month_to
      FROM (SELECT r.*,
                   CASE WHEN r.full_from = date_trunc('month', r.full_from::timestamp)::date THEN r.full_from
                        ELSE (date_trunc('month', r.full_from::timestamp) + interval '1 month')::date END AS first_month,
                   date_trunc('month', r.full_to::timestamp)::date AS end_month
      FROM (SELECT q.facility_id, l.lf, l.lt,
                   CASE WHEN l.lf = date_trunc('day', l.lf) THEN l.lf::date ELSE l.lf::date + 1 END AS full_from,
                   CASE WHEN $5 = 'hour' THEN l.lf::date ELSE l.lt::date END AS full_to
              FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS q(facility_id, time_zone, from_at, to_at)
             CROSS JOIN LATERAL (SELECT date_trunc('hour', q.from_at AT TIME ZONE q.time_zone) AS lf,
                                        date_trunc('hour', q.to_at AT TIME ZONE q.time_zone) AS lt) AS l) AS r) AS m
  )`;
/**
 * Rows of the days a range covers in part, joined to `ranges g`: its first and last day at most
 * (named, so the index reads just those two), or every day of it for hour series.
 */
const partialDays = (granularity: AnalyticsGranularity) =>
  granularity === 'hour'
    ? `d.day >= g.lf::date AND d.day <= g.lt::date`
    : `d.day IN (g.lf::date, g.lt::date) AND NOT (d.day >= g.full_from AND d.day < g.full_to)`;
const LABEL = (local: string) => `to_char(date_trunc($6, ${local}), 'YYYY-MM-DD"T"HH24:MI')`;

/**
 * SQL of analytics. Reads only the daily rollups (never bookings or the ledger); days are local
 * to each facility, and buckets are `date_trunc(granularity, local day or hour)`.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Rewrites every facility's rollups for the local days from..to, widened to whole months, a
   * batch of facilities per transaction (each batch takes one advisory lock per facility);
   * answers the days rewritten and the facilities.
   */
  async recomputeRollupsRange(from: string, to: string, batchSize = 500): Promise<{ days: number; facilities: number }> {
    const ids = ((await this.dataSource.query(`SELECT id FROM facilities ORDER BY id`)) as { id: string }[]).map((r) => r.id);
    let days = 0;
    for (let i = 0; i < ids.length; i += batchSize) {
      const rows: { days: number }[] = await this.dataSource.query(`SELECT analytics_recompute_rollups_range($1::date, $2::date, $3::uuid[]) AS days`, [
        from,
        to,
        ids.slice(i, i + batchSize),
      ]);
      days = rows[0]!.days;
    }
    return { days, facilities: ids.length };
  }

  async facility(id: string): Promise<ScopeFacility | undefined> {
    const rows: ScopeFacility[] = await this.dataSource.query(
      `SELECT ${FACILITY_COLUMNS} FROM facilities f JOIN operators o ON o.id = f.operator_id WHERE f.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** An operator's facilities; `ownerId` narrows to the operator owned by that account. */
  portfolio(filter: { operatorId: string } | { ownerId: string }): Promise<ScopeFacility[]> {
    const [where, value] = 'operatorId' in filter ? ['f.operator_id = $1', filter.operatorId] : ['o.owner_id = $1', filter.ownerId];
    return this.dataSource.query(`SELECT ${FACILITY_COLUMNS} FROM facilities f JOIN operators o ON o.id = f.operator_id WHERE ${where} ORDER BY f.id`, [value]);
  }

  async operatorExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM operators WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  revenue(ranges: FacilityRange[], granularity: AnalyticsGranularity): Promise<RevenueRow[]> {
    const sums = `sum(d.gross_cents) AS gross_cents, sum(d.refund_cents) AS refund_cents, sum(d.fee_cents) AS fee_cents,
                  sum(d.net_cents) AS net_cents, sum(d.bookings) AS bookings`;
    return this.dataSource.query(
      `WITH ${RANGES}
       -- Summed per day or hour first: the label (to_char) is then made once per day, not per row.
       -- Text keys compare bytewise (COLLATE "C"): locale-aware comparison of thousands of
       -- currency codes costs more than the sums.
       SELECT currency, ${LABEL('local')} COLLATE "C" AS bucket,
              sum(gross_cents)::text AS gross, sum(refund_cents)::text AS refund, sum(fee_cents)::text AS fee,
              sum(net_cents)::text AS net, sum(bookings)::text AS bookings
         FROM (SELECT d.currency COLLATE "C" AS currency, d.day::timestamp AS local, ${sums}
                 FROM ranges g JOIN analytics_revenue_daily d ON d.facility_id = g.facility_id AND d.day >= g.full_from AND d.day < g.full_to
                GROUP BY 1, 2
               UNION ALL
               SELECT d.currency COLLATE "C", d.day + make_interval(hours => d.hour), ${sums}
                 FROM ranges g JOIN analytics_revenue_hours d ON d.facility_id = g.facility_id AND ${partialDays(granularity)}
                WHERE d.day + make_interval(hours => d.hour) >= g.lf AND d.day + make_interval(hours => d.hour) < g.lt
                GROUP BY 1, 2) AS p
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      [...rangeParams(ranges), granularity === 'hour' ? 'hour' : 'day', granularity],
    );
  }

  /**
   * Booked space-microseconds per local bucket and for the weekday × hour heatmap. Whole days give
   * their day total per bucket; the heatmap sums 24 hour slots per ISO weekday (no unnest) over
   * the month × weekday rows of whole months and the daily rows of the other whole days; partial
   * days (and hour series) give their slots one by one.
   */
  occupancy(ranges: FacilityRange[], granularity: AnalyticsGranularity): Promise<OccupancyRow[]> {
    const slotSums = Array.from({ length: 24 }, (_, h) => `sum(booked_us_by_hour[${h + 1}])`).join(', ');
    return this.dataSource.query(
      `WITH ${RANGES},
       slots AS (
         SELECT s.local, s.us
           FROM ranges g JOIN analytics_occupancy_daily d ON d.facility_id = g.facility_id AND ${partialDays(granularity)}
          CROSS JOIN LATERAL (SELECT d.day + make_interval(hours => (h - 1)::int) AS local, us
                                FROM unnest(d.booked_us_by_hour) WITH ORDINALITY AS u(us, h)) AS s
          WHERE s.us <> 0 AND s.local >= g.lf AND s.local < g.lt
       )
       SELECT 'bucket' AS kind, bucket, NULL::int AS weekday, NULL::int AS hour, sum(us)::text AS us, NULL::bigint[] AS slots
         FROM (SELECT ${LABEL('local')} COLLATE "C" AS bucket, us
                 FROM (SELECT d.day::timestamp AS local, sum(d.booked_us) AS us
                         FROM ranges g JOIN analytics_occupancy_daily d ON d.facility_id = g.facility_id AND d.day >= g.full_from AND d.day < g.full_to
                        GROUP BY d.day
                       UNION ALL SELECT local, us FROM slots) AS per_day) AS b
        GROUP BY bucket
       UNION ALL
       SELECT 'weekday', NULL, extract(isodow FROM d.day)::int, NULL, NULL, ARRAY[${slotSums}]
         FROM ranges g JOIN analytics_occupancy_daily d ON d.facility_id = g.facility_id
          -- Whole days before the first whole month, and after the last: two index ranges (an OR
          -- of both would read every day of the facility and filter).
          AND d.day >= g.full_from AND d.day < g.month_from
        GROUP BY extract(isodow FROM d.day)
       UNION ALL
       SELECT 'weekday', NULL, extract(isodow FROM d.day)::int, NULL, NULL, ARRAY[${slotSums}]
         FROM ranges g JOIN analytics_occupancy_daily d ON d.facility_id = g.facility_id
          AND d.day >= g.month_to AND d.day < g.full_to
        GROUP BY extract(isodow FROM d.day)
       UNION ALL
       SELECT 'weekday', NULL, w.weekday, NULL, NULL, ARRAY[${slotSums}]
         FROM ranges g JOIN analytics_occupancy_weekdays w ON w.facility_id = g.facility_id AND w.month >= g.month_from AND w.month < g.month_to
        GROUP BY w.weekday
       UNION ALL
       SELECT 'cell', NULL, extract(isodow FROM local)::int, extract(hour FROM local)::int, sum(us)::text, NULL
         FROM slots GROUP BY extract(isodow FROM local), extract(hour FROM local)`,
      [...rangeParams(ranges), granularity === 'hour' ? 'hour' : 'day', granularity],
    );
  }
}

function rangeParams(ranges: FacilityRange[]): [string[], string[], Date[], Date[]] {
  return [ranges.map((r) => r.facilityId), ranges.map((r) => r.timeZone), ranges.map((r) => r.from), ranges.map((r) => r.to)];
}
