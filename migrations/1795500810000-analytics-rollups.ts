import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Analytics read from two rollups kept current by triggers in the same transaction as the change
 * (so a rolled-back payment never shows as revenue):
 *
 * - `analytics_revenue_hourly`: ledger lines per facility per UTC hour of `occurred_at`, split
 *   into gross charges, refunds, platform fees and operator net (refund lines already negative),
 *   and the number of paid bookings (gross lines of a booking's own payment, not of extensions).
 * - `analytics_occupancy_hourly`: booked space-seconds per facility per UTC hour, from the
 *   `period` of every confirmed or completed booking. A status change, cancellation or new period
 *   subtracts the old contribution and adds the new one.
 *
 * The triggers are statement-level with transition tables, so one statement is one set-based
 * upsert, not one per row. Each takes a transaction-level
 * advisory lock per facility before writing: payments write occupancy then revenue, refunds
 * revenue then occupancy, and without a common first lock two of them could deadlock.
 *
 * `analytics_rebuild_rollups()` recomputes both from scratch; the migration runs it as the
 * backfill and the seed runs it after bulk loads made with the triggers disabled.
 */
export class AnalyticsRollups1795500810000 implements MigrationInterface {
  name = 'AnalyticsRollups1795500810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE analytics_revenue_hourly (
        facility_id    uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        bucket         timestamptz NOT NULL CHECK (bucket = date_trunc('hour', bucket, 'UTC')),
        currency       char(3) NOT NULL,
        gross_cents    bigint NOT NULL DEFAULT 0,
        refund_cents   bigint NOT NULL DEFAULT 0,
        fee_cents      bigint NOT NULL DEFAULT 0,
        net_cents      bigint NOT NULL DEFAULT 0,
        bookings       integer NOT NULL DEFAULT 0,
        PRIMARY KEY (facility_id, bucket, currency)
      )`);
    await q.query(`
      CREATE TABLE analytics_occupancy_hourly (
        facility_id     uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        bucket          timestamptz NOT NULL CHECK (bucket = date_trunc('hour', bucket, 'UTC')),
        -- No CHECK (>= 0): an upsert's proposed row carries the delta, which is negative when a
        -- booking is cancelled, and PostgreSQL checks that row before it finds the conflict.
        booked_seconds  numeric NOT NULL DEFAULT 0,
        PRIMARY KEY (facility_id, bucket)
      )`);
    // The operator dashboard lists a facility's recent bookings and today's arrivals.
    await q.query(`CREATE INDEX IF NOT EXISTS bookings_facility_created_idx ON bookings (facility_id, created_at DESC)`);

    // The UTC hours a period touches and the seconds it spends in each.
    await q.query(`
      CREATE FUNCTION analytics_hours_of(p tstzrange) RETURNS TABLE (bucket timestamptz, seconds numeric)
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT h, extract(epoch FROM least(upper(p), h + interval '1 hour') - greatest(lower(p), h))
          FROM generate_series(date_trunc('hour', lower(p), 'UTC'), upper(p) - interval '1 microsecond', interval '1 hour') AS h
         WHERE NOT isempty(p)
      $$`);
    await q.query(`
      CREATE FUNCTION analytics_lock_facilities(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE k integer;
      BEGIN
        FOR k IN SELECT DISTINCT hashtext(id::text) FROM unnest(ids) AS id ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(1795500800, k);
        END LOOP;
      END
      $$`);

    // Occupancy. A booking contributes its period while it is confirmed or completed.
    await q.query(`CREATE TYPE analytics_period_delta AS (facility_id uuid, period tstzrange, sign integer)`);
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
        INSERT INTO analytics_occupancy_hourly AS r (facility_id, bucket, booked_seconds)
        SELECT d.facility_id, h.bucket, sum(d.sign * h.seconds)
          FROM unnest(deltas) AS d CROSS JOIN LATERAL analytics_hours_of(d.period) h
         GROUP BY 1, 2
        HAVING sum(d.sign * h.seconds) <> 0
         ORDER BY 1, 2
        ON CONFLICT (facility_id, bucket) DO UPDATE SET booked_seconds = r.booked_seconds + EXCLUDED.booked_seconds;
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

    // Revenue. Ledger lines are append-only in practice; updates and deletes are still rolled up.
    await q.query(
      `CREATE TYPE analytics_ledger_delta AS (facility_id uuid, occurred_at timestamptz, currency char(3), account ledger_account, amount_cents bigint, payment_id uuid, sign integer)`,
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
        INSERT INTO analytics_revenue_hourly AS r (facility_id, bucket, currency, gross_cents, refund_cents, fee_cents, net_cents, bookings)
        SELECT d.facility_id, date_trunc('hour', d.occurred_at, 'UTC'), d.currency,
               coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'gross'), 0),
               coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'refund'), 0),
               coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account IN ('platform_fee', 'refund_platform_fee')), 0),
               coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account IN ('operator_net', 'refund_operator_net')), 0),
               coalesce(sum(d.sign) FILTER (WHERE d.account = 'gross' AND p.extension_id IS NULL), 0)
          FROM unnest(added) AS d LEFT JOIN payments p ON p.id = d.payment_id
         GROUP BY 1, 2, 3
         ORDER BY 1, 2, 3
        ON CONFLICT (facility_id, bucket, currency) DO UPDATE SET
          gross_cents = r.gross_cents + EXCLUDED.gross_cents,
          refund_cents = r.refund_cents + EXCLUDED.refund_cents,
          fee_cents = r.fee_cents + EXCLUDED.fee_cents,
          net_cents = r.net_cents + EXCLUDED.net_cents,
          bookings = r.bookings + EXCLUDED.bookings;
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

    // Recomputes both rollups from bookings and the ledger: the backfill, and the seed's last step.
    // Bulk-load style: keys and references are set aside during the INSERT and re-created after
    // (one sort and one anti-join instead of an index insert and a reference check per row).
    await q.query(`
      CREATE FUNCTION analytics_rebuild_rollups() RETURNS void LANGUAGE plpgsql
      SET work_mem = '256MB' SET maintenance_work_mem = '512MB' AS $$
      BEGIN
        TRUNCATE analytics_revenue_hourly, analytics_occupancy_hourly;
        ALTER TABLE analytics_revenue_hourly DROP CONSTRAINT analytics_revenue_hourly_pkey, DROP CONSTRAINT analytics_revenue_hourly_facility_id_fkey;
        ALTER TABLE analytics_occupancy_hourly DROP CONSTRAINT analytics_occupancy_hourly_pkey, DROP CONSTRAINT analytics_occupancy_hourly_facility_id_fkey;
        INSERT INTO analytics_revenue_hourly (facility_id, bucket, currency, gross_cents, refund_cents, fee_cents, net_cents, bookings)
        SELECT l.facility_id, date_trunc('hour', l.occurred_at, 'UTC'), l.currency,
               coalesce(sum(l.amount_cents) FILTER (WHERE l.account = 'gross'), 0),
               coalesce(sum(l.amount_cents) FILTER (WHERE l.account = 'refund'), 0),
               coalesce(sum(l.amount_cents) FILTER (WHERE l.account IN ('platform_fee', 'refund_platform_fee')), 0),
               coalesce(sum(l.amount_cents) FILTER (WHERE l.account IN ('operator_net', 'refund_operator_net')), 0),
               count(*) FILTER (WHERE l.account = 'gross' AND p.extension_id IS NULL)
          FROM ledger_entries l LEFT JOIN payments p ON p.id = l.payment_id
         GROUP BY 1, 2, 3;
        INSERT INTO analytics_occupancy_hourly (facility_id, bucket, booked_seconds)
        SELECT b.facility_id, h.bucket, sum(h.seconds)
          FROM bookings b CROSS JOIN LATERAL analytics_hours_of(b.period) h
         WHERE b.status IN ('confirmed', 'completed')
         GROUP BY 1, 2;
        ALTER TABLE analytics_revenue_hourly ADD CONSTRAINT analytics_revenue_hourly_pkey PRIMARY KEY (facility_id, bucket, currency),
          ADD CONSTRAINT analytics_revenue_hourly_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities (id) ON DELETE CASCADE;
        ALTER TABLE analytics_occupancy_hourly ADD CONSTRAINT analytics_occupancy_hourly_pkey PRIMARY KEY (facility_id, bucket),
          ADD CONSTRAINT analytics_occupancy_hourly_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities (id) ON DELETE CASCADE;
      END
      $$`);
    await q.query(`SELECT analytics_rebuild_rollups()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['analytics_revenue_insert', 'analytics_revenue_update', 'analytics_revenue_delete']) await q.query(`DROP TRIGGER ${t} ON ledger_entries`);
    for (const t of ['analytics_occupancy_insert', 'analytics_occupancy_update', 'analytics_occupancy_delete']) await q.query(`DROP TRIGGER ${t} ON bookings`);
    await q.query(`DROP FUNCTION analytics_rebuild_rollups()`);
    await q.query(`DROP FUNCTION analytics_revenue_apply()`);
    await q.query(`DROP FUNCTION analytics_occupancy_apply()`);
    await q.query(`DROP TYPE analytics_ledger_delta`);
    await q.query(`DROP TYPE analytics_period_delta`);
    await q.query(`DROP FUNCTION analytics_lock_facilities(uuid[])`);
    await q.query(`DROP FUNCTION analytics_hours_of(tstzrange)`);
    await q.query(`DROP INDEX IF EXISTS bookings_facility_created_idx`);
    await q.query(`DROP TABLE analytics_occupancy_hourly`);
    await q.query(`DROP TABLE analytics_revenue_hourly`);
  }
}
