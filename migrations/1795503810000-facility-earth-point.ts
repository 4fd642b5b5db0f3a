import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each facility's point on earthdistance's sphere, stored (`ll_to_earth(latitude, longitude)`),
 * with a GiST index of its own for the marketplace's nearest-first scan. The scan orders by the
 * chord to the searched point, and PostgreSQL computes that ordering value again for every row the
 * index yields: over the expression index, `ll_to_earth` (trigonometry, three cube constructions
 * and the `earth` domain's checks) ran for each row, ~5 µs of a ~7 µs row. Stored, a row costs
 * the distance of two cubes. The values are those `ll_to_earth` gives, so the chord, and the order
 * and keyset built on it, are unchanged.
 *
 * The expression index `facilities_earth_idx` stays: the other area searches (`earth_box @>
 * ll_to_earth(…)`) use it.
 */
export class FacilityEarthPoint1795503810000 implements MigrationInterface {
  name = 'FacilityEarthPoint1795503810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE facilities ADD COLUMN earth_point cube GENERATED ALWAYS AS (ll_to_earth(latitude, longitude)::cube) STORED`);
    await q.query(`CREATE INDEX facilities_earth_point_idx ON facilities USING gist (earth_point) WHERE published`);
    await q.query(`ANALYZE facilities`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS facilities_earth_point_idx`);
    await q.query(`ALTER TABLE facilities DROP COLUMN IF EXISTS earth_point`);
  }
}
