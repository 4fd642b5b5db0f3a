import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Day, week and month occupancy series sum one number per facility-day (`booked_us`), but each
 * row also carries its 24 hour slots: read through the primary key, a portfolio year fetches
 * ~10,000 wide heap rows for 10,000 small numbers. This index holds the day totals themselves,
 * so the series is an index-only scan once the table is vacuumed (autovacuum, or the seed).
 */
export class AnalyticsDayTotalsIndex1795501300000 implements MigrationInterface {
  name = 'AnalyticsDayTotalsIndex1795501300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX analytics_occupancy_daily_totals_idx ON analytics_occupancy_daily (facility_id, day) INCLUDE (booked_us)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX analytics_occupancy_daily_totals_idx`);
  }
}
