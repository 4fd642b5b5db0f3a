import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `space_availability_rebuild()`: every row of the availability read model recomputed from the
 * base tables. For bulk loads that run with the tables' triggers off (the seed copies spaces and
 * bookings that way), which would otherwise leave the model empty. It truncates the table first
 * (ACCESS EXCLUSIVE until the caller commits: readers wait), so on a server at wal_level=minimal
 * the rows are not written to the WAL either. Rows go in facility order, so a facility's rows
 * share pages, as after the backfill of SpaceAvailability1795503500000.
 */
export class SpaceAvailabilityRebuild1795503500100 implements MigrationInterface {
  name = 'SpaceAvailabilityRebuild1795503500100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION space_availability_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        rebuilt bigint;
      BEGIN
        -- Writers of the base tables wait, so no change slips between the read and the new rows.
        LOCK TABLE spaces, bookings, facility_blackouts IN SHARE MODE;
        TRUNCATE space_availability;
        INSERT INTO space_availability (space_id, facility_id, space_type, active, busy)
        SELECT s.id, s.facility_id, s.space_type, s.active, coalesce(taken.busy, '{}')
          FROM spaces AS s
          LEFT JOIN (SELECT p.space_id, range_agg(p.period) AS busy
                       FROM (SELECT b.space_id, b.occupied_period AS period FROM bookings AS b WHERE b.status IN ('pending_payment', 'confirmed')
                             UNION ALL
                             SELECT bs.id, x.period FROM facility_blackouts AS x
                               JOIN spaces AS bs ON bs.facility_id = x.facility_id
                                                AND (x.space_type IS NULL OR x.space_type = bs.space_type)
                                                AND (x.space_ids IS NULL OR bs.id = ANY (x.space_ids))) AS p
                      GROUP BY p.space_id) AS taken ON taken.space_id = s.id
         ORDER BY s.facility_id, s.space_type, s.id;
        GET DIAGNOSTICS rebuilt = ROW_COUNT;
        RETURN rebuilt;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS space_availability_rebuild()`);
  }
}
