import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REVENUE_ADD, REVENUE_COLUMNS, REVENUE_SUMS, REVENUE_TOTALS, slotArray, slotSum } from './1795501000000-analytics-daily-rollups.js';

/**
 * `analytics_recompute_rollups_range(from, to, ids)`: the admin's "recompute rollups" for a range
 * of local days and some facilities, rather than every facility's whole history
 * (`analytics_recompute_rollups`). The range is widened to whole months, since the weekday rows
 * sum a whole month; the facilities' rows for those local days are deleted and written again from
 * the bookings and ledger lines that fall on them, with the same sums and the same filing by UTC
 * hour as the triggers (the fragments are the daily rollups migration's own). The facilities'
 * advisory locks, taken in the triggers' order, keep concurrent bookings and payments out
 * meanwhile. The caller passes facilities in batches (one advisory lock each: ten thousand at once
 * would overflow the lock table). At most 366 days.
 */
export class AnalyticsRangeRecompute1795502420000 implements MigrationInterface {
  name = 'AnalyticsRangeRecompute1795502420000';

  async up(q: QueryRunner): Promise<void> {
    // Bookings and ledger lines are first cut coarsely by UTC instant (a local day lies within
    // two days of the UTC one in every zone), then exactly by the facility's local day.
    const coarse = `tstzrange(lo, hi)`;
    await q.query(`
      CREATE FUNCTION analytics_recompute_rollups_range(from_day date, to_day date, ids uuid[]) RETURNS integer LANGUAGE plpgsql
      SET work_mem = '256MB' AS $$
      DECLARE
        m_from date := date_trunc('month', from_day::timestamp)::date;
        m_to date := (date_trunc('month', to_day::timestamp) + interval '1 month' - interval '1 day')::date;
        lo timestamptz := (m_from - 2)::timestamp AT TIME ZONE 'UTC';
        hi timestamptz := (m_to + 3)::timestamp AT TIME ZONE 'UTC';
      BEGIN
        IF from_day IS NULL OR to_day IS NULL OR to_day < from_day OR to_day - from_day > 365 THEN
          RAISE EXCEPTION 'a range of 1 to 366 days is needed, got % to %', from_day, to_day USING ERRCODE = '22023';
        END IF;
        IF ids IS NULL THEN
          RAISE EXCEPTION 'the facilities are needed (pass them in batches)' USING ERRCODE = '22023';
        END IF;
        PERFORM analytics_lock_facilities(ids);
        DELETE FROM analytics_revenue_daily WHERE facility_id = ANY(ids) AND day BETWEEN m_from AND m_to;
        DELETE FROM analytics_revenue_hours WHERE facility_id = ANY(ids) AND day BETWEEN m_from AND m_to;
        DELETE FROM analytics_occupancy_daily WHERE facility_id = ANY(ids) AND day BETWEEN m_from AND m_to;
        DELETE FROM analytics_occupancy_weekdays WHERE facility_id = ANY(ids) AND month BETWEEN m_from AND m_to;

        WITH hours AS (
          SELECT d.facility_id, (l.hour_start AT TIME ZONE f.time_zone)::date AS day,
                 extract(hour FROM l.hour_start AT TIME ZONE f.time_zone)::smallint AS hour, d.currency, ${REVENUE_SUMS}
            FROM (SELECT e.facility_id, e.occurred_at, e.currency, e.account, e.amount_cents, e.payment_id, 1 AS sign
                    FROM ledger_entries e WHERE e.facility_id = ANY(ids) AND e.occurred_at >= lo AND e.occurred_at < hi) AS d
            JOIN facilities f ON f.id = d.facility_id LEFT JOIN payments p ON p.id = d.payment_id
           CROSS JOIN LATERAL (SELECT date_trunc('hour', d.occurred_at, 'UTC') AS hour_start) AS l
           WHERE (l.hour_start AT TIME ZONE f.time_zone)::date BETWEEN m_from AND m_to
           GROUP BY 1, 2, 3, 4
        ), hourly AS (
          INSERT INTO analytics_revenue_hours AS r (facility_id, day, hour, currency, ${REVENUE_COLUMNS})
          SELECT * FROM hours ORDER BY 1, 2, 3, 4
          ON CONFLICT (facility_id, day, hour, currency) DO UPDATE SET ${REVENUE_ADD}
        )
        INSERT INTO analytics_revenue_daily AS r (facility_id, day, currency, ${REVENUE_COLUMNS})
        SELECT facility_id, day, currency, ${REVENUE_TOTALS} FROM hours GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (facility_id, day, currency) DO UPDATE SET ${REVENUE_ADD};

        -- Periods are clipped to the coarse window, whose ends are whole UTC hours: the slices
        -- of the hours inside it are the same as the whole period's.
        WITH slots AS (
          SELECT b.facility_id, (h.hour_start AT TIME ZONE f.time_zone)::date AS day,
                 extract(hour FROM h.hour_start AT TIME ZONE f.time_zone)::int AS slot, sum(h.us) AS us
            FROM bookings b JOIN facilities f ON f.id = b.facility_id
           CROSS JOIN LATERAL analytics_hour_slices(b.period * ${coarse}) h
           WHERE b.facility_id = ANY(ids) AND b.status IN ('confirmed', 'completed') AND b.period && ${coarse}
             AND (h.hour_start AT TIME ZONE f.time_zone)::date BETWEEN m_from AND m_to
           GROUP BY 1, 2, 3
        ), days AS (
          INSERT INTO analytics_occupancy_daily AS r (facility_id, day, booked_us, booked_us_by_hour)
          SELECT s.facility_id, s.day, sum(s.us), ${slotArray('s.us', 's.slot')}
            FROM slots s
           GROUP BY 1, 2
          HAVING bool_or(s.us <> 0)
           ORDER BY 1, 2
          ON CONFLICT (facility_id, day) DO UPDATE SET booked_us = r.booked_us + EXCLUDED.booked_us,
            booked_us_by_hour = ${slotSum('r.booked_us_by_hour', 'EXCLUDED.booked_us_by_hour')}
        )
        INSERT INTO analytics_occupancy_weekdays AS r (facility_id, month, weekday, booked_us_by_hour)
        SELECT s.facility_id, date_trunc('month', s.day::timestamp)::date, extract(isodow FROM s.day)::smallint, ${slotArray('s.us', 's.slot')}
          FROM slots s
         GROUP BY 1, 2, 3
        HAVING bool_or(s.us <> 0)
         ORDER BY 1, 2, 3
        ON CONFLICT (facility_id, month, weekday) DO UPDATE SET
          booked_us_by_hour = ${slotSum('r.booked_us_by_hour', 'EXCLUDED.booked_us_by_hour')};

        RETURN m_to - m_from + 1;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS analytics_recompute_rollups_range(date, date, uuid[])`);
  }
}
