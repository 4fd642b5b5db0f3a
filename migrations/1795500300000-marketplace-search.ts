import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the marketplace search. A bounding-box search is a two-dimensional range on
 * (longitude, latitude): a GiST index on the point answers `point <@ box` directly, where two
 * btree columns would scan a whole latitude band.
 */
export class MarketplaceSearch1795500300000 implements MigrationInterface {
  name = 'MarketplaceSearch1795500300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX facilities_point_idx ON facilities USING gist (point(longitude, latitude)) WHERE published`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS facilities_point_idx`);
  }
}
