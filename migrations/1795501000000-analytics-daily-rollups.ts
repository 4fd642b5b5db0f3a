import type { MigrationInterface, QueryRunner } from 'typeorm';

const SLOTS = Array.from({ length: 24 }, (_, h) => h);
/** `ARRAY[coalesce(sum(x) FILTER (WHERE slot = 0), 0), …]`: one array of 24 hour slots from grouped rows. */
export const slotArray = (value: string, slot: string) =>
  `ARRAY[${SLOTS.map((h) => `coalesce(sum(${value}) FILTER (WHERE ${slot} = ${h}), 0)`).join(', ')}]::bigint[]`;
/** Element-wise sum of two 24-slot arrays (an upsert adding a delta to a stored row). */
export const slotSum = (a: string, b: string) => `ARRAY[${SLOTS.map((h) => `${a}[${h + 1}] + ${b}[${h + 1}]`).join(', ')}]::bigint[]`;

export const REVENUE_SUMS = `
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'gross'), 0) AS gross_cents,
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'refund'), 0) AS refund_cents,
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account IN ('platform_fee', 'refund_platform_fee')), 0) AS fee_cents,
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account IN ('operator_net', 'refund_operator_net')), 0) AS net_cents,
  coalesce(sum(d.sign) FILTER (WHERE d.account = 'gross' AND p.extension_id IS NULL), 0)::int AS bookings`;
export const REVENUE_COLUMNS = 'gross_cents, refund_cents, fee_cents, net_cents, bookings';
export const REVENUE_ADD = `gross_cents = r.gross_cents + EXCLUDED.gross_cents, refund_cents = r.refund_cents + EXCLUDED.refund_cents,
  fee_cents = r.fee_cents + EXCLUDED.fee_cents, net_cents = r.net_cents + EXCLUDED.net_cents, bookings = r.bookings + EXCLUDED.bookings`;
export const REVENUE_TOTALS = 'sum(gross_cents), sum(refund_cents), sum(fee_cents), sum(net_cents), sum(bookings)::int';

/**
 * Writes the revenue rollups from a set of signed ledger lines `d` (an `analytics_ledger_delta`
 * source): per local hour first (that of the start of the line's UTC hour, as for occupancy),
 * then the same hours summed per local day.
 */
const revenueUpsert = (source: string) => `
  WITH hours AS (
    SELECT d.facility_id, (l.hour_start AT TIME ZONE f.time_zone)::date AS day,
           extract(hour FROM l.hour_start AT TIME ZONE f.time_zone)::smallint AS hour, d.currency, ${REVENUE_SUMS}
      FROM ${source} AS d JOIN facilities f ON f.id = d.facility_id LEFT JOIN payments p ON p.id = d.payment_id
     CROSS JOIN LATERAL (SELECT date_trunc('hour', d.occurred_at, 'UTC') AS hour_start) AS l
     GROUP BY 1, 2, 3, 4
  ), hourly AS (
    INSERT INTO analytics_revenue_hours AS r (facility_id, day, hour, currency, ${REVENUE_COLUMNS})
    SELECT * FROM hours ORDER BY 1, 2, 3, 4
    ON CONFLICT (facility_id, day, hour, currency) DO UPDATE SET ${REVENUE_ADD}
  )
  INSERT INTO analytics_revenue_daily AS r (facility_id, day, currency, ${REVENUE_COLUMNS})
  SELECT facility_id, day, currency, ${REVENUE_TOTALS} FROM hours GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (facility_id, day, currency) DO UPDATE SET ${REVENUE_ADD}`;

/**
 * Writes the occupancy rollups from signed periods `d` (an `analytics_period_delta` source): the
 * hour slots per local day, and the same slots summed per local month and ISO weekday.
 */
const occupancyUpsert = (source: string) => `
  WITH slots AS (
    SELECT d.facility_id, (h.hour_start AT TIME ZONE f.time_zone)::date AS day,
           extract(hour FROM h.hour_start AT TIME ZONE f.time_zone)::int AS slot, sum(d.sign * h.us) AS us
      FROM ${source} AS d JOIN facilities f ON f.id = d.facility_id CROSS JOIN LATERAL analytics_hour_slices(d.period) h
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
    booked_us_by_hour = ${slotSum('r.booked_us_by_hour', 'EXCLUDED.booked_us_by_hour')}`;

/**
 * Analytics rollups as one row per facility and LOCAL day (the facility's own calendar), so a
 * year of one facility is at most 366 rows and a portfolio's year a few thousand:
 *
 * - `analytics_revenue_daily`: ledger lines per facility, local day and currency (gross charges,
 *   refunds, platform fees, operator net, paid bookings), for day, week and month series;
 * - `analytics_revenue_hours`: the same per local hour, for hour series and the hours of a range
 *   that starts or ends inside a day;
 * - `analytics_occupancy_daily`: booked space-time of confirmed and completed bookings per local
 *   day, in microseconds (exact: periods are microsecond instants), with 24 hour slots for the
 *   weekday × hour heatmap and hour series;
 * - `analytics_occupancy_weekdays`: the hour slots summed per local month and ISO weekday, so a
 *   year's heatmap sums 12 × 7 rows per facility instead of 365 (whole months; the days around
 *   them come from the daily rows).
 *
 * Time is filed by UTC hour: each UTC hour a booking or ledger line touches goes to the local day
 * and hour of that hour's start. So a 25-hour day (DST ends) files both hours that start at the
 * repeated local hour in one slot, a 23-hour day leaves the skipped slot empty, and the available
 * space-minutes (computed in TypeScript) follow the same rule.
 *
 * Kept current as before, in the same transaction: statement-level triggers with transition
 * tables and the per-facility advisory locks in one order (see the hourly rollups migration, which
 * this one replaces). A facility that changes time zone has its rows recomputed.
 * `analytics_recompute_rollups(ids)` recomputes some facilities (null: all) from bookings and the
 * ledger; the migration runs it as the backfill. The seed computes the rows itself.
 */
export class AnalyticsDailyRollups1795501000000 implements MigrationInterface {
  name = 'AnalyticsDailyRollups1795501000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ['analytics_revenue_insert', 'analytics_revenue_update', 'analytics_revenue_delete']) await q.query(`DROP TRIGGER ${t} ON ledger_entries`);
    for (const t of ['analytics_occupancy_insert', 'analytics_occupancy_update', 'analytics_occupancy_delete']) await q.query(`DROP TRIGGER ${t} ON bookings`);
    await q.query(`DROP FUNCTION analytics_rebuild_rollups()`);
    await q.query(`DROP FUNCTION analytics_revenue_apply()`);
    await q.query(`DROP FUNCTION analytics_occupancy_apply()`);
    await q.query(`DROP TABLE analytics_occupancy_hourly`);
    await q.query(`DROP TABLE analytics_revenue_hourly`);

    await q.query(`
      CREATE TABLE analytics_revenue_daily (
        facility_id    uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        day            date NOT NULL,
        currency       char(3) NOT NULL,
        gross_cents    bigint NOT NULL DEFAULT 0,
        refund_cents   bigint NOT NULL DEFAULT 0,
        fee_cents      bigint NOT NULL DEFAULT 0,
        net_cents      bigint NOT NULL DEFAULT 0,
        bookings       integer NOT NULL DEFAULT 0,
        PRIMARY KEY (facility_id, day, currency)
      )`);
    await q.query(`
      CREATE TABLE analytics_revenue_hours (
        facility_id    uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        day            date NOT NULL,
        hour           smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
        currency       char(3) NOT NULL,
        gross_cents    bigint NOT NULL DEFAULT 0,
        refund_cents   bigint NOT NULL DEFAULT 0,
        fee_cents      bigint NOT NULL DEFAULT 0,
        net_cents      bigint NOT NULL DEFAULT 0,
        bookings       integer NOT NULL DEFAULT 0,
        PRIMARY KEY (facility_id, day, hour, currency)
      )`);
    await q.query(`
      CREATE TABLE analytics_occupancy_daily (
        facility_id        uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        day                date NOT NULL,
        -- No CHECK (>= 0): an upsert's proposed row carries the delta, which is negative when a
        -- booking is cancelled, and PostgreSQL checks that row before it finds the conflict.
        booked_us          bigint NOT NULL,
        booked_us_by_hour  bigint[] NOT NULL CHECK (cardinality(booked_us_by_hour) = 24),
        PRIMARY KEY (facility_id, day)
      )`);

    await q.query(`
      CREATE TABLE analytics_occupancy_weekdays (
        facility_id        uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        month              date NOT NULL CHECK (month = date_trunc('month', month::timestamp)::date),
        weekday            smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        booked_us_by_hour  bigint[] NOT NULL CHECK (cardinality(booked_us_by_hour) = 24),
        PRIMARY KEY (facility_id, month, weekday)
      )`);

    // The UTC hours a period touches and the microseconds it spends in each.
    await q.query(`
      CREATE FUNCTION analytics_hour_slices(p tstzrange) RETURNS TABLE (hour_start timestamptz, us bigint)
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT h, (extract(epoch FROM least(upper(p), h + interval '1 hour') - greatest(lower(p), h)) * 1000000)::bigint
          FROM generate_series(date_trunc('hour', lower(p), 'UTC'), upper(p) - interval '1 microsecond', interval '1 hour') AS h
         WHERE NOT isempty(p)
      $$`);

    await q.query(`
      CREATE FUNCTION analytics_occupancy_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE deltas analytics_period_delta[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg((facility_id, period, 1)::analytics_period_delta) INTO deltas
            FROM analytics_new WHERE status IN ('confirmed', 'completed');
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg((facility_id, period, -1)::analytics_period_delta) INTO deltas
            FROM analytics_old WHERE status IN ('confirmed', 'completed');
        ELSE
          -- Only rows whose contribution changed: a new plate or price leaves the rollup alone.
          SELECT array_agg((x.facility_id, x.period, x.sign)::analytics_period_delta) INTO deltas
            FROM analytics_old o JOIN analytics_new n ON n.id = o.id
           CROSS JOIN LATERAL (VALUES (o.facility_id, o.period, -1, o.status IN ('confirmed', 'completed')),
                                      (n.facility_id, n.period, 1, n.status IN ('confirmed', 'completed'))) AS x(facility_id, period, sign, counts)
           WHERE x.counts
             AND ((o.status IN ('confirmed', 'completed')) <> (n.status IN ('confirmed', 'completed'))
                  OR o.period <> n.period OR o.facility_id <> n.facility_id);
        END IF;
        IF deltas IS NULL THEN RETURN NULL; END IF;
        PERFORM analytics_lock_facilities(ARRAY(SELECT DISTINCT d.facility_id FROM unnest(deltas) AS d));
        ${occupancyUpsert('unnest(deltas)')};
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER analytics_occupancy_insert AFTER INSERT ON bookings REFERENCING NEW TABLE AS analytics_new FOR EACH STATEMENT EXECUTE FUNCTION analytics_occupancy_apply()`,
    );
    await q.query(
      `CREATE TRIGGER analytics_occupancy_update AFTER UPDATE ON bookings REFERENCING OLD TABLE AS analytics_old NEW TABLE AS analytics_new FOR EACH STATEMENT EXECUTE FUNCTION analytics_occupancy_apply()`,
    );
    await q.query(
      `CREATE TRIGGER analytics_occupancy_delete AFTER DELETE ON bookings REFERENCING OLD TABLE AS analytics_old FOR EACH STATEMENT EXECUTE FUNCTION analytics_occupancy_apply()`,
    );

    await q.query(`
      CREATE FUNCTION analytics_revenue_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE added analytics_ledger_delta[]; removed analytics_ledger_delta[];
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          SELECT array_agg((facility_id, occurred_at, currency, account, amount_cents, payment_id, 1)::analytics_ledger_delta) INTO added FROM analytics_new;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          SELECT array_agg((facility_id, occurred_at, currency, account, amount_cents, payment_id, -1)::analytics_ledger_delta) INTO removed FROM analytics_old;
        END IF;
        added := coalesce(added, '{}') || coalesce(removed, '{}');
        IF cardinality(added) = 0 THEN RETURN NULL; END IF;
        PERFORM analytics_lock_facilities(ARRAY(SELECT DISTINCT d.facility_id FROM unnest(added) AS d));
        ${revenueUpsert('unnest(added)')};
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER analytics_revenue_insert AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS analytics_new FOR EACH STATEMENT EXECUTE FUNCTION analytics_revenue_apply()`,
    );
    await q.query(
      `CREATE TRIGGER analytics_revenue_update AFTER UPDATE ON ledger_entries REFERENCING OLD TABLE AS analytics_old NEW TABLE AS analytics_new FOR EACH STATEMENT EXECUTE FUNCTION analytics_revenue_apply()`,
    );
    await q.query(
      `CREATE TRIGGER analytics_revenue_delete AFTER DELETE ON ledger_entries REFERENCING OLD TABLE AS analytics_old FOR EACH STATEMENT EXECUTE FUNCTION analytics_revenue_apply()`,
    );

    // Recomputes the rows of some facilities (null: every facility) from bookings and the ledger,
    // through the same upserts the triggers use, so both always agree on every rule.
    await q.query(`
      CREATE FUNCTION analytics_recompute_rollups(ids uuid[]) RETURNS void LANGUAGE plpgsql
      SET work_mem = '256MB' AS $$
      BEGIN
        IF ids IS NULL THEN
          TRUNCATE analytics_revenue_daily, analytics_revenue_hours, analytics_occupancy_daily, analytics_occupancy_weekdays;
          ${revenueUpsert(`(SELECT l.facility_id, l.occurred_at, l.currency, l.account, l.amount_cents, l.payment_id, 1 AS sign FROM ledger_entries l)`)};
          ${occupancyUpsert(`(SELECT b.facility_id, b.period, 1 AS sign FROM bookings b WHERE b.status IN ('confirmed', 'completed'))`)};
        ELSIF cardinality(ids) > 0 THEN
          PERFORM analytics_lock_facilities(ids);
          DELETE FROM analytics_revenue_daily WHERE facility_id = ANY(ids);
          DELETE FROM analytics_revenue_hours WHERE facility_id = ANY(ids);
          DELETE FROM analytics_occupancy_daily WHERE facility_id = ANY(ids);
          DELETE FROM analytics_occupancy_weekdays WHERE facility_id = ANY(ids);
          ${revenueUpsert(`(SELECT l.facility_id, l.occurred_at, l.currency, l.account, l.amount_cents, l.payment_id, 1 AS sign FROM ledger_entries l WHERE l.facility_id = ANY(ids))`)};
          ${occupancyUpsert(`(SELECT b.facility_id, b.period, 1 AS sign FROM bookings b WHERE b.status IN ('confirmed', 'completed') AND b.facility_id = ANY(ids))`)};
        END IF;
      END
      $$`);
    // Days are the facility's own: a new time zone moves every row of it.
    await q.query(`
      CREATE FUNCTION analytics_rezone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM analytics_recompute_rollups(ARRAY[NEW.id]);
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER analytics_rezone AFTER UPDATE OF time_zone ON facilities FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION analytics_rezone()`,
    );
    await q.query(`SELECT analytics_recompute_rollups(NULL)`);
    await q.query(`DROP FUNCTION analytics_hours_of(tstzrange)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER analytics_rezone ON facilities`);
    await q.query(`DROP FUNCTION analytics_rezone()`);
    for (const t of ['analytics_revenue_insert', 'analytics_revenue_update', 'analytics_revenue_delete']) await q.query(`DROP TRIGGER ${t} ON ledger_entries`);
    for (const t of ['analytics_occupancy_insert', 'analytics_occupancy_update', 'analytics_occupancy_delete']) await q.query(`DROP TRIGGER ${t} ON bookings`);
    await q.query(`DROP FUNCTION analytics_recompute_rollups(uuid[])`);
    await q.query(`DROP FUNCTION analytics_revenue_apply()`);
    await q.query(`DROP FUNCTION analytics_occupancy_apply()`);
    await q.query(`DROP FUNCTION analytics_hour_slices(tstzrange)`);
    await q.query(`DROP TABLE analytics_occupancy_weekdays`);
    await q.query(`DROP TABLE analytics_occupancy_daily`);
    await q.query(`DROP TABLE analytics_revenue_hours`);
    await q.query(`DROP TABLE analytics_revenue_daily`);
    // Back to the hourly rollups: re-running the earlier migration's body is the simplest faithful way.
    const { AnalyticsRollups1795500810000 } = await import('./1795500810000-analytics-rollups.js');
    const earlier = new AnalyticsRollups1795500810000();
    await q.query(`DROP FUNCTION analytics_lock_facilities(uuid[])`);
    await q.query(`DROP TYPE analytics_ledger_delta`);
    await q.query(`DROP TYPE analytics_period_delta`);
    await earlier.up(q);
  }
}
