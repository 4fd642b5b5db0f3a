import type { MigrationInterface, QueryRunner } from 'typeorm';

const LIVE = `('pending_payment', 'confirmed')`;

/** Advisory keys of the facility-wide lock, in the key space of this read model (collisions only serialise more). */
const FACILITY_KEY = (facility: string) => `hashtextextended('space_availability:' || ${facility}::text, 0)`;

/**
 * The availability read model: one row per space with the periods it cannot be booked for,
 * `busy` = the occupied periods of its live bookings (holds and confirmed, extension holds
 * included) ∪ the blackouts that take it. A space is free for a window exactly when `busy` does
 * not overlap the window, so the number of spaces a booking for that window can get is a count
 * of rows: no time slots, and no over-promise when spaces fragment (one space busy 9–10 and
 * another 10–11 leave no space free for 9–11, and no row says otherwise).
 *
 * Maintained by statement-level triggers in the writing transaction. Every refresh locks the rows
 * it rewrites in space-id order and only then reads the base tables, in a statement of its own:
 * in READ COMMITTED that statement sees whatever a transaction holding those locks committed, so
 * two transactions touching one space never write a busy set that misses the other's change.
 * Blackouts and space changes also take a per-facility advisory lock (in key order) before they
 * decide which spaces a blackout takes, so that a blackout and a concurrent new space or type
 * change cannot each miss the other. Bookings never take it: a hold locks only its space's row.
 *
 * Rows exist for every space (inactive ones too, with `active` false), so a reactivated space has
 * a row to lock; the partial index serves the readers, which count active rows only.
 */
export class SpaceAvailability1795503500000 implements MigrationInterface {
  name = 'SpaceAvailability1795503500000';

  async up(q: QueryRunner): Promise<void> {
    // Writers wait until the triggers exist and the backfill is committed: nothing slips between.
    await q.query(`LOCK TABLE spaces, bookings, facility_blackouts IN SHARE MODE`);
    await q.query(`
      CREATE TABLE space_availability (
        space_id     uuid PRIMARY KEY REFERENCES spaces (id) ON DELETE CASCADE,
        facility_id  uuid NOT NULL,
        space_type   space_type NOT NULL,
        active       boolean NOT NULL,
        busy         tstzmultirange NOT NULL DEFAULT '{}'
      ) WITH (fillfactor = 80)`);
    // Room on each page keeps a refresh (which changes no indexed column) a HOT update.
    await q.query(`CREATE INDEX space_availability_facility_type_idx ON space_availability (facility_id, space_type) WHERE active`);

    await q.query(`
      CREATE FUNCTION space_availability_refresh(touched uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF touched IS NULL OR cardinality(touched) = 0 THEN RETURN; END IF;
        -- One lock order (space id) for every statement: two multi-row statements never deadlock.
        PERFORM 1 FROM space_availability WHERE space_id = ANY (touched) ORDER BY space_id FOR UPDATE;
        -- A statement of its own, after the locks: it reads what their previous holders committed.
        UPDATE space_availability AS a
           SET facility_id = s.facility_id, space_type = s.space_type, active = s.active,
               busy = coalesce((SELECT range_agg(p.period) FROM (
                        SELECT b.occupied_period AS period FROM bookings AS b
                         WHERE b.space_id = s.id AND b.status IN ${LIVE}
                        UNION ALL
                        SELECT x.period FROM facility_blackouts AS x
                         WHERE x.facility_id = s.facility_id
                           AND (x.space_type IS NULL OR x.space_type = s.space_type)
                           AND (x.space_ids IS NULL OR s.id = ANY (x.space_ids))) AS p), '{}')
          FROM spaces AS s
         WHERE s.id = a.space_id AND a.space_id = ANY (touched);
      END $$`);

    // Bookings: only a change of what a live booking occupies matters. A payment's
    // pending_payment → confirmed keeps the booking live on the same period and space: nothing to do.
    await q.query(`
      CREATE FUNCTION space_availability_bookings_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM space_availability_refresh((SELECT array_agg(DISTINCT space_id) FROM inserted_bookings WHERE status IN ${LIVE}));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION space_availability_bookings_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        touched uuid[];
      BEGIN
        SELECT array_agg(DISTINCT t.space_id) INTO touched
          FROM updated_bookings AS n JOIN previous_bookings AS o ON o.id = n.id
          CROSS JOIN LATERAL (VALUES (n.space_id), (o.space_id)) AS t (space_id)
         WHERE (n.status IN ${LIVE} OR o.status IN ${LIVE})
           AND ((n.status IN ${LIVE}) IS DISTINCT FROM (o.status IN ${LIVE})
                OR n.occupied_period IS DISTINCT FROM o.occupied_period
                OR n.space_id IS DISTINCT FROM o.space_id);
        PERFORM space_availability_refresh(touched);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION space_availability_bookings_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM space_availability_refresh((SELECT array_agg(DISTINCT space_id) FROM deleted_bookings WHERE status IN ${LIVE}));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER bookings_space_availability_insert AFTER INSERT ON bookings
        REFERENCING NEW TABLE AS inserted_bookings FOR EACH STATEMENT EXECUTE FUNCTION space_availability_bookings_inserted()`);
    await q.query(`
      CREATE TRIGGER bookings_space_availability_update AFTER UPDATE ON bookings
        REFERENCING OLD TABLE AS previous_bookings NEW TABLE AS updated_bookings FOR EACH STATEMENT EXECUTE FUNCTION space_availability_bookings_updated()`);
    await q.query(`
      CREATE TRIGGER bookings_space_availability_delete AFTER DELETE ON bookings
        REFERENCING OLD TABLE AS deleted_bookings FOR EACH STATEMENT EXECUTE FUNCTION space_availability_bookings_deleted()`);

    // Spaces: a new space gets its row (blackouts of its facility or type may take it at once); a
    // change of active, type or facility is a refresh. A deleted space's row goes with it (cascade).
    await q.query(`
      CREATE FUNCTION space_availability_spaces_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(k) FROM (SELECT DISTINCT ${FACILITY_KEY('facility_id')} AS k FROM new_spaces ORDER BY k) AS keys;
        INSERT INTO space_availability (space_id, facility_id, space_type, active)
        SELECT id, facility_id, space_type, active FROM new_spaces ORDER BY id;
        PERFORM space_availability_refresh((SELECT array_agg(n.id) FROM new_spaces AS n
                                             WHERE EXISTS (SELECT 1 FROM facility_blackouts AS x WHERE x.facility_id = n.facility_id)));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION space_availability_spaces_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        touched uuid[];
      BEGIN
        SELECT array_agg(n.id) INTO touched FROM new_spaces AS n JOIN old_spaces AS o ON o.id = n.id
         WHERE n.active IS DISTINCT FROM o.active OR n.space_type IS DISTINCT FROM o.space_type OR n.facility_id IS DISTINCT FROM o.facility_id;
        IF touched IS NULL THEN RETURN NULL; END IF;
        PERFORM pg_advisory_xact_lock(k)
           FROM (SELECT DISTINCT ${FACILITY_KEY('f')} AS k
                   FROM new_spaces AS n JOIN old_spaces AS o ON o.id = n.id
                  CROSS JOIN LATERAL (VALUES (n.facility_id), (o.facility_id)) AS t (f)
                  WHERE n.id = ANY (touched) ORDER BY k) AS keys;
        PERFORM space_availability_refresh(touched);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER spaces_space_availability_insert AFTER INSERT ON spaces
        REFERENCING NEW TABLE AS new_spaces FOR EACH STATEMENT EXECUTE FUNCTION space_availability_spaces_inserted()`);
    await q.query(`
      CREATE TRIGGER spaces_space_availability_update AFTER UPDATE ON spaces
        REFERENCING OLD TABLE AS old_spaces NEW TABLE AS new_spaces FOR EACH STATEMENT EXECUTE FUNCTION space_availability_spaces_updated()`);

    // Blackouts: the spaces a blackout took before or takes now, decided after the facility lock.
    // The live availability events hear of it too (a blackout changes what a car park has free).
    await q.query(`
      CREATE FUNCTION space_availability_blackouts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed facility_blackouts[] := '{}';
        touched uuid[];
      BEGIN
        -- Only the transition tables this operation has may be named (a branch not taken is never planned).
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          changed := changed || (SELECT coalesce(array_agg(n::facility_blackouts), '{}') FROM new_blackouts AS n);
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          changed := changed || (SELECT coalesce(array_agg(o::facility_blackouts), '{}') FROM old_blackouts AS o);
        END IF;
        PERFORM pg_advisory_xact_lock(k) FROM (SELECT DISTINCT ${FACILITY_KEY('x.facility_id')} AS k FROM unnest(changed) AS x ORDER BY k) AS keys;
        SELECT array_agg(DISTINCT s.id) INTO touched
          FROM unnest(changed) AS x
          JOIN spaces AS s ON s.facility_id = x.facility_id
                          AND (x.space_type IS NULL OR x.space_type = s.space_type)
                          AND (x.space_ids IS NULL OR s.id = ANY (x.space_ids));
        PERFORM space_availability_refresh(touched);
        PERFORM pg_notify('aiparksit_events', json_build_object(
                  'k', 'a', 'f', facility_id, 't', space_type, 's', min(lower(period)), 'e', max(upper(period)),
                  'ts', floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint)::text)
          FROM (SELECT DISTINCT s.facility_id, s.space_type, x.period
                  FROM unnest(changed) AS x
                  JOIN spaces AS s ON s.facility_id = x.facility_id
                                  AND (x.space_type IS NULL OR x.space_type = s.space_type)
                                  AND (x.space_ids IS NULL OR s.id = ANY (x.space_ids))
                 WHERE s.active) AS affected
         GROUP BY facility_id, space_type;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER facility_blackouts_space_availability_insert AFTER INSERT ON facility_blackouts
        REFERENCING NEW TABLE AS new_blackouts FOR EACH STATEMENT EXECUTE FUNCTION space_availability_blackouts_changed()`);
    await q.query(`
      CREATE TRIGGER facility_blackouts_space_availability_update AFTER UPDATE ON facility_blackouts
        REFERENCING OLD TABLE AS old_blackouts NEW TABLE AS new_blackouts FOR EACH STATEMENT EXECUTE FUNCTION space_availability_blackouts_changed()`);
    await q.query(`
      CREATE TRIGGER facility_blackouts_space_availability_delete AFTER DELETE ON facility_blackouts
        REFERENCING OLD TABLE AS old_blackouts FOR EACH STATEMENT EXECUTE FUNCTION space_availability_blackouts_changed()`);

    // The backfill, in facility order so that a facility's rows share pages.
    await q.query(`
      INSERT INTO space_availability (space_id, facility_id, space_type, active, busy)
      SELECT s.id, s.facility_id, s.space_type, s.active, coalesce(taken.busy, '{}')
        FROM spaces AS s
        LEFT JOIN (SELECT p.space_id, range_agg(p.period) AS busy
                     FROM (SELECT b.space_id, b.occupied_period AS period FROM bookings AS b WHERE b.status IN ${LIVE}
                           UNION ALL
                           SELECT bs.id, x.period FROM facility_blackouts AS x
                             JOIN spaces AS bs ON bs.facility_id = x.facility_id
                                              AND (x.space_type IS NULL OR x.space_type = bs.space_type)
                                              AND (x.space_ids IS NULL OR bs.id = ANY (x.space_ids))) AS p
                    GROUP BY p.space_id) AS taken ON taken.space_id = s.id
       ORDER BY s.facility_id, s.space_type, s.id`);
    await q.query(`ANALYZE space_availability`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS facility_blackouts_space_availability_delete ON facility_blackouts`);
    await q.query(`DROP TRIGGER IF EXISTS facility_blackouts_space_availability_update ON facility_blackouts`);
    await q.query(`DROP TRIGGER IF EXISTS facility_blackouts_space_availability_insert ON facility_blackouts`);
    await q.query(`DROP TRIGGER IF EXISTS spaces_space_availability_update ON spaces`);
    await q.query(`DROP TRIGGER IF EXISTS spaces_space_availability_insert ON spaces`);
    await q.query(`DROP TRIGGER IF EXISTS bookings_space_availability_delete ON bookings`);
    await q.query(`DROP TRIGGER IF EXISTS bookings_space_availability_update ON bookings`);
    await q.query(`DROP TRIGGER IF EXISTS bookings_space_availability_insert ON bookings`);
    await q.query(`DROP FUNCTION IF EXISTS space_availability_blackouts_changed()`);
    await q.query(`DROP FUNCTION IF EXISTS space_availability_spaces_updated()`);
    await q.query(`DROP FUNCTION IF EXISTS space_availability_spaces_inserted()`);
    await q.query(`DROP FUNCTION IF EXISTS space_availability_bookings_deleted()`);
    await q.query(`DROP FUNCTION IF EXISTS space_availability_bookings_updated()`);
    await q.query(`DROP FUNCTION IF EXISTS space_availability_bookings_inserted()`);
    await q.query(`DROP FUNCTION IF EXISTS space_availability_refresh(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS space_availability`);
  }
}
