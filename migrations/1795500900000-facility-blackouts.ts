import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Blackouts: periods when a facility, the spaces of one type, or chosen spaces take no new
 * bookings. Existing bookings are kept. Availability counts a blacked-out space as taken for
 * any window that overlaps the blackout; the GiST index on (facility_id, period) serves the
 * per-facility overlap test every availability statement makes.
 */
export class FacilityBlackouts1795500900000 implements MigrationInterface {
  name = 'FacilityBlackouts1795500900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE facility_blackouts (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id  uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        -- Both null: the whole facility. A type: every space of it. Ids: those spaces.
        space_type   space_type,
        space_ids    uuid[],
        period       tstzrange NOT NULL,
        reason       text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
        created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT facility_blackouts_period_valid CHECK (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
        CONSTRAINT facility_blackouts_one_scope CHECK (space_type IS NULL OR space_ids IS NULL),
        CONSTRAINT facility_blackouts_ids_not_empty CHECK (space_ids IS NULL OR cardinality(space_ids) > 0)
      )`);
    await q.query(`CREATE INDEX facility_blackouts_facility_period_idx ON facility_blackouts USING gist (facility_id, period)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS facility_blackouts`);
  }
}
