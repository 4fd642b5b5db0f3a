import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The space types a facility offers (the types of its active spaces, in the enum's order), one row
 * per facility, for the `spaceTypes` of every facility summary. Reading them from `spaces` meant
 * every active space of each facility on a page (~50 index entries each, ~0.2 ms of PostgreSQL
 * CPU for a marketplace page of 21); here it is one primary-key lookup. A facility without a row
 * has no active space (readers coalesce to an empty list).
 *
 * Kept by statement-level triggers on `spaces` in the writing transaction. A refresh makes sure the
 * facility's row exists, locks the rows in facility-id order, and only then recomputes them in a
 * statement of its own: in READ COMMITTED that statement sees whatever a transaction that held the
 * lock before committed, so two transactions changing one facility's spaces never leave a list
 * that misses the other's change, and one lock order keeps multi-facility statements from
 * deadlocking. Space changes are rare (an operator's edits), so the lock costs bookings nothing:
 * they never touch it.
 *
 * A bulk load with the triggers off (the seed) rebuilds the table with
 * `facility_space_types_rebuild()`.
 */
export class FacilitySpaceTypes1795503800000 implements MigrationInterface {
  name = 'FacilitySpaceTypes1795503800000';

  async up(q: QueryRunner): Promise<void> {
    // Writers of spaces wait until the triggers exist and the backfill is committed: nothing slips between.
    await q.query(`LOCK TABLE spaces IN SHARE MODE`);
    await q.query(`
      CREATE TABLE facility_space_types (
        facility_id  uuid PRIMARY KEY REFERENCES facilities (id) ON DELETE CASCADE,
        space_types  space_type[] NOT NULL DEFAULT '{}'
      )`);

    await q.query(`
      CREATE FUNCTION facility_space_types_refresh(touched uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF touched IS NULL OR cardinality(touched) = 0 THEN RETURN; END IF;
        -- Only facilities that still exist: in a facility's own deletion its spaces go by cascade.
        INSERT INTO facility_space_types (facility_id)
        SELECT f.id FROM facilities AS f WHERE f.id = ANY (touched) ORDER BY f.id
        ON CONFLICT (facility_id) DO NOTHING;
        PERFORM 1 FROM facility_space_types WHERE facility_id = ANY (touched) ORDER BY facility_id FOR UPDATE;
        -- A statement of its own, after the locks: it reads what their previous holders committed.
        UPDATE facility_space_types AS t
           SET space_types = coalesce((SELECT array_agg(DISTINCT s.space_type ORDER BY s.space_type)
                                         FROM spaces AS s WHERE s.facility_id = t.facility_id AND s.active), '{}')
         WHERE t.facility_id = ANY (touched);
      END $$`);

    await q.query(`
      CREATE FUNCTION facility_space_types_spaces_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM facility_space_types_refresh((SELECT array_agg(DISTINCT facility_id) FROM new_spaces WHERE active));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION facility_space_types_spaces_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM facility_space_types_refresh((
          SELECT array_agg(DISTINCT t.facility_id)
            FROM new_spaces AS n JOIN old_spaces AS o ON o.id = n.id
           CROSS JOIN LATERAL (VALUES (n.facility_id), (o.facility_id)) AS t (facility_id)
           WHERE (n.active OR o.active)
             AND (n.active IS DISTINCT FROM o.active OR n.space_type IS DISTINCT FROM o.space_type OR n.facility_id IS DISTINCT FROM o.facility_id)));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION facility_space_types_spaces_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM facility_space_types_refresh((SELECT array_agg(DISTINCT facility_id) FROM old_spaces WHERE active));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER spaces_facility_space_types_insert AFTER INSERT ON spaces
        REFERENCING NEW TABLE AS new_spaces FOR EACH STATEMENT EXECUTE FUNCTION facility_space_types_spaces_inserted()`);
    await q.query(`
      CREATE TRIGGER spaces_facility_space_types_update AFTER UPDATE ON spaces
        REFERENCING OLD TABLE AS old_spaces NEW TABLE AS new_spaces FOR EACH STATEMENT EXECUTE FUNCTION facility_space_types_spaces_updated()`);
    await q.query(`
      CREATE TRIGGER spaces_facility_space_types_delete AFTER DELETE ON spaces
        REFERENCING OLD TABLE AS old_spaces FOR EACH STATEMENT EXECUTE FUNCTION facility_space_types_spaces_deleted()`);

    // The whole table from spaces: the backfill here, and the seed's after loading spaces with triggers off.
    await q.query(`
      CREATE FUNCTION facility_space_types_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE facility_space_types IN EXCLUSIVE MODE;
        DELETE FROM facility_space_types;
        INSERT INTO facility_space_types (facility_id, space_types)
        SELECT s.facility_id, array_agg(DISTINCT s.space_type ORDER BY s.space_type)
          FROM spaces AS s WHERE s.active
         GROUP BY s.facility_id
         ORDER BY s.facility_id;
      END $$`);
    await q.query(`SELECT facility_space_types_rebuild()`);
    await q.query(`ANALYZE facility_space_types`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS spaces_facility_space_types_delete ON spaces`);
    await q.query(`DROP TRIGGER IF EXISTS spaces_facility_space_types_update ON spaces`);
    await q.query(`DROP TRIGGER IF EXISTS spaces_facility_space_types_insert ON spaces`);
    await q.query(`DROP FUNCTION IF EXISTS facility_space_types_rebuild()`);
    await q.query(`DROP FUNCTION IF EXISTS facility_space_types_spaces_deleted()`);
    await q.query(`DROP FUNCTION IF EXISTS facility_space_types_spaces_updated()`);
    await q.query(`DROP FUNCTION IF EXISTS facility_space_types_spaces_inserted()`);
    await q.query(`DROP FUNCTION IF EXISTS facility_space_types_refresh(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS facility_space_types`);
  }
}
