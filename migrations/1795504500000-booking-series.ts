import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring bookings: a weekly pattern on a facility's local clock, booked and paid once. Each
 * occurrence is an ordinary row of `bookings` (its own space, the exclusion constraint, the
 * lifecycle, cancellation and refunds all per occurrence); `booking_series` groups them and keeps
 * the pattern, the mode it was booked in, what was skipped and why, and the price held.
 */
export class BookingSeries1795504500000 implements MigrationInterface {
  name = 'BookingSeries1795504500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE booking_series_mode AS ENUM ('all', 'free')`);
    await q.query(`
      CREATE TABLE booking_series (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        driver_id       uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        facility_id     uuid NOT NULL REFERENCES facilities (id) ON DELETE RESTRICT,
        space_type      space_type NOT NULL,
        vehicle_plate   text NOT NULL,
        weekdays        smallint[] NOT NULL CHECK (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]),
        start_time      time NOT NULL,
        end_time        time NOT NULL,
        first_date      date NOT NULL,
        weeks           smallint NOT NULL CHECK (weeks BETWEEN 1 AND 12),
        mode            booking_series_mode NOT NULL,
        skipped         jsonb NOT NULL DEFAULT '[]',
        total_cents     integer NOT NULL CHECK (total_cents >= 0),
        currency        char(3) NOT NULL,
        idempotency_key text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT booking_series_end_after_start CHECK (end_time > start_time)
      )`);
    await q.query(`CREATE UNIQUE INDEX booking_series_driver_idempotency_key ON booking_series (driver_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX booking_series_driver_idx ON booking_series (driver_id, created_at DESC)`);
    await q.query(`ALTER TABLE bookings ADD COLUMN series_id uuid REFERENCES booking_series (id) ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX bookings_series_idx ON bookings (series_id) WHERE series_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX bookings_series_idx`);
    await q.query(`ALTER TABLE bookings DROP COLUMN series_id`);
    await q.query(`DROP TABLE booking_series`);
    await q.query(`DROP TYPE booking_series_mode`);
  }
}
