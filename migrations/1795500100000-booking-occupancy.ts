import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a booking occupies is its period, stretched to the end of an extension while that
 * extension is held for payment. Keeping the stretch on the booking row (a generated column)
 * lets the one exclusion constraint keep extensions and new bookings apart, and lets every
 * availability query count `occupied_period` without knowing about extensions.
 */
export class BookingOccupancy1795500100000 implements MigrationInterface {
  name = 'BookingOccupancy1795500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings ADD COLUMN extension_hold_end timestamptz`);
    await q.query(`
      ALTER TABLE bookings ADD COLUMN occupied_period tstzrange NOT NULL GENERATED ALWAYS AS (
        CASE WHEN extension_hold_end IS NOT NULL AND extension_hold_end > upper(period)
             THEN tstzrange(lower(period), extension_hold_end)
             ELSE period END
      ) STORED`);
    await q.query(`ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap`);
    await q.query(`
      ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (space_id WITH =, occupied_period WITH &&)
        WHERE (status IN ('pending_payment', 'confirmed'))`);
    await q.query(`DROP INDEX bookings_facility_period_idx`);
    await q.query(
      `CREATE INDEX bookings_facility_period_idx ON bookings USING gist (facility_id, occupied_period) WHERE status IN ('pending_payment', 'confirmed')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX bookings_facility_period_idx`);
    await q.query(`ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap`);
    await q.query(`ALTER TABLE bookings DROP COLUMN occupied_period`);
    await q.query(`ALTER TABLE bookings DROP COLUMN extension_hold_end`);
    await q.query(`
      ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (space_id WITH =, period WITH &&)
        WHERE (status IN ('pending_payment', 'confirmed'))`);
    await q.query(`CREATE INDEX bookings_facility_period_idx ON bookings USING gist (facility_id, period) WHERE status IN ('pending_payment', 'confirmed')`);
  }
}
