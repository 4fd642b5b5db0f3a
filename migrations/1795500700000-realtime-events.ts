import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes others must hear of are announced by PostgreSQL itself: triggers call `pg_notify`
 * on the channel `aiparksit_events` inside the writing transaction, so a rolled-back change
 * announces nothing, and every API instance (each LISTENs) hears every committed one.
 *
 * Triggers are per statement with transition tables, so a bulk load (the seed's COPY of a
 * million bookings) sends one notice per facility and space type rather than one per row.
 * Payloads carry ids only (well under PostgreSQL's 8000-byte limit); the listener counts.
 * Keys are short because every notice crosses every instance's connection:
 *   k: a = availability, b = booking created, r = revenue, f = facility changed
 *   f: facility id, o: operator id, t: space type, s/e: start/end of the changed period
 */
export class RealtimeEvents1795500700000 implements MigrationInterface {
  name = 'RealtimeEvents1795500700000';

  async up(q: QueryRunner): Promise<void> {
    // A booking in a statement that inserts more rows than this is part of a bulk load: its
    // availability is announced, but not each booking (dashboards refetch every 30 s anyway).
    await q.query(`
      CREATE FUNCTION realtime_bookings_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('aiparksit_events', json_build_object(
                  'k', 'a', 'f', facility_id, 't', space_type, 's', lower_min, 'e', upper_max)::text)
          FROM (SELECT facility_id, space_type, min(lower(occupied_period)) AS lower_min, max(upper(occupied_period)) AS upper_max
                  FROM inserted_bookings GROUP BY facility_id, space_type) AS changed;
        IF (SELECT count(*) FROM (SELECT 1 FROM inserted_bookings LIMIT 101) AS few) <= 100 THEN
          PERFORM pg_notify('aiparksit_events', json_build_object(
                    'k', 'b', 'f', b.facility_id, 'o', f.operator_id, 'id', b.id, 'code', b.code, 't', b.space_type,
                    's', lower(b.period), 'e', upper(b.period), 'st', b.status, 'amt', b.amount_cents,
                    'cur', b.currency, 'pl', left(b.vehicle_plate, 32))::text)
            FROM inserted_bookings AS b JOIN facilities AS f ON f.id = b.facility_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER bookings_realtime_insert AFTER INSERT ON bookings
        REFERENCING NEW TABLE AS inserted_bookings FOR EACH STATEMENT EXECUTE FUNCTION realtime_bookings_inserted()`);

    // What a booking occupies changes with its status (hold → confirmed → cancelled/expired),
    // its period, its held extension (occupied_period) or its space. The period announced spans
    // the old and the new occupation, so a client showing either window refetches.
    await q.query(`
      CREATE FUNCTION realtime_bookings_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('aiparksit_events', json_build_object(
                  'k', 'a', 'f', facility_id, 't', space_type, 's', min(lower_bound), 'e', max(upper_bound))::text)
          FROM (SELECT n.facility_id, n.space_type,
                       least(lower(o.occupied_period), lower(n.occupied_period)) AS lower_bound,
                       greatest(upper(o.occupied_period), upper(n.occupied_period)) AS upper_bound
                  FROM updated_bookings AS n JOIN previous_bookings AS o ON o.id = n.id
                 WHERE n.status IS DISTINCT FROM o.status
                    OR n.occupied_period IS DISTINCT FROM o.occupied_period
                    OR n.space_id IS DISTINCT FROM o.space_id
                UNION ALL
                SELECT o.facility_id, o.space_type, lower(o.occupied_period), upper(o.occupied_period)
                  FROM updated_bookings AS n JOIN previous_bookings AS o ON o.id = n.id
                 WHERE n.space_type IS DISTINCT FROM o.space_type OR n.facility_id IS DISTINCT FROM o.facility_id) AS changed
         GROUP BY facility_id, space_type;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER bookings_realtime_update AFTER UPDATE ON bookings
        REFERENCING OLD TABLE AS previous_bookings NEW TABLE AS updated_bookings
        FOR EACH STATEMENT EXECUTE FUNCTION realtime_bookings_updated()`);

    // Spaces make capacity: a new, removed, (de)activated or retyped space changes it.
    await q.query(`
      CREATE FUNCTION realtime_spaces_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM pg_notify('aiparksit_events', json_build_object('k', 'a', 'f', facility_id, 't', space_type)::text)
            FROM (SELECT DISTINCT facility_id, space_type FROM new_spaces) AS changed;
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('aiparksit_events', json_build_object('k', 'a', 'f', facility_id, 't', space_type)::text)
            FROM (SELECT DISTINCT facility_id, space_type FROM old_spaces) AS changed;
        ELSE
          PERFORM pg_notify('aiparksit_events', json_build_object('k', 'a', 'f', facility_id, 't', space_type)::text)
            FROM (SELECT n.facility_id, n.space_type FROM new_spaces AS n JOIN old_spaces AS o ON o.id = n.id
                   WHERE n.active IS DISTINCT FROM o.active OR n.space_type IS DISTINCT FROM o.space_type OR n.facility_id IS DISTINCT FROM o.facility_id
                  UNION
                  SELECT o.facility_id, o.space_type FROM new_spaces AS n JOIN old_spaces AS o ON o.id = n.id
                   WHERE n.active IS DISTINCT FROM o.active OR n.space_type IS DISTINCT FROM o.space_type OR n.facility_id IS DISTINCT FROM o.facility_id) AS changed;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER spaces_realtime_insert AFTER INSERT ON spaces
        REFERENCING NEW TABLE AS new_spaces FOR EACH STATEMENT EXECUTE FUNCTION realtime_spaces_changed()`);
    await q.query(`
      CREATE TRIGGER spaces_realtime_update AFTER UPDATE ON spaces
        REFERENCING OLD TABLE AS old_spaces NEW TABLE AS new_spaces FOR EACH STATEMENT EXECUTE FUNCTION realtime_spaces_changed()`);
    await q.query(`
      CREATE TRIGGER spaces_realtime_delete AFTER DELETE ON spaces
        REFERENCING OLD TABLE AS old_spaces FOR EACH STATEMENT EXECUTE FUNCTION realtime_spaces_changed()`);

    // A facility appearing, being (un)published or moving changes who may follow it and what
    // a bounding box holds; the listener reloads it and recounts its availability.
    await q.query(`
      CREATE FUNCTION realtime_facilities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM pg_notify('aiparksit_events', json_build_object('k', 'f', 'f', id, 'o', operator_id)::text) FROM new_facilities;
        ELSE
          PERFORM pg_notify('aiparksit_events', json_build_object('k', 'f', 'f', n.id, 'o', n.operator_id)::text)
            FROM new_facilities AS n JOIN old_facilities AS o ON o.id = n.id
           WHERE n.published IS DISTINCT FROM o.published OR n.is_canary IS DISTINCT FROM o.is_canary
              OR n.latitude IS DISTINCT FROM o.latitude OR n.longitude IS DISTINCT FROM o.longitude
              OR n.operator_id IS DISTINCT FROM o.operator_id OR n.time_zone IS DISTINCT FROM o.time_zone;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER facilities_realtime_insert AFTER INSERT ON facilities
        REFERENCING NEW TABLE AS new_facilities FOR EACH STATEMENT EXECUTE FUNCTION realtime_facilities_changed()`);
    await q.query(`
      CREATE TRIGGER facilities_realtime_update AFTER UPDATE ON facilities
        REFERENCING OLD TABLE AS old_facilities NEW TABLE AS new_facilities FOR EACH STATEMENT EXECUTE FUNCTION realtime_facilities_changed()`);

    // Revenue is what the ledger says: a gross entry (a payment) or a refund changes it.
    await q.query(`
      CREATE FUNCTION realtime_ledger_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('aiparksit_events', json_build_object('k', 'r', 'f', facility_id, 'o', operator_id)::text)
          FROM (SELECT DISTINCT facility_id, operator_id FROM new_entries WHERE account IN ('gross', 'refund')) AS changed;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_entries_realtime_insert AFTER INSERT ON ledger_entries
        REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION realtime_ledger_inserted()`);

    // Revenue today and this month per facility: the recount reads only these entries.
    await q.query(
      `CREATE INDEX ledger_entries_revenue_idx ON ledger_entries (facility_id, occurred_at) INCLUDE (amount_cents) WHERE account IN ('gross', 'refund')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ledger_entries_revenue_idx`);
    await q.query(`DROP TRIGGER IF EXISTS ledger_entries_realtime_insert ON ledger_entries`);
    await q.query(`DROP TRIGGER IF EXISTS facilities_realtime_update ON facilities`);
    await q.query(`DROP TRIGGER IF EXISTS facilities_realtime_insert ON facilities`);
    await q.query(`DROP TRIGGER IF EXISTS spaces_realtime_delete ON spaces`);
    await q.query(`DROP TRIGGER IF EXISTS spaces_realtime_update ON spaces`);
    await q.query(`DROP TRIGGER IF EXISTS spaces_realtime_insert ON spaces`);
    await q.query(`DROP TRIGGER IF EXISTS bookings_realtime_update ON bookings`);
    await q.query(`DROP TRIGGER IF EXISTS bookings_realtime_insert ON bookings`);
    for (const fn of [
      'realtime_ledger_inserted',
      'realtime_facilities_changed',
      'realtime_spaces_changed',
      'realtime_bookings_updated',
      'realtime_bookings_inserted',
    ]) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}()`);
    }
  }
}
