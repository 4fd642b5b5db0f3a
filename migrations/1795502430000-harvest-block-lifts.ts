import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An admin's "lift a harvesting block", for instances that keep blocks in their own memory (no
 * Redis). The instance the admin asked ends the block at once; every other one finds the lift
 * here the next time the client is refused there (at most once a second per client), and ends
 * its own block if it started before the lift. With Redis the block is shared and lifted there.
 */
export class HarvestBlockLifts1795502430000 implements MigrationInterface {
  name = 'HarvestBlockLifts1795502430000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE harvest_block_lifts (
        client     text PRIMARY KEY CHECK (length(client) BETWEEN 1 AND 200),
        lifted_at  timestamptz NOT NULL DEFAULT now(),
        lifted_by  uuid REFERENCES users (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX harvest_block_lifts_lifted_by_idx ON harvest_block_lifts (lifted_by)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS harvest_block_lifts`);
  }
}
