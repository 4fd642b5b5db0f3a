import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly passes. `pass_offers` is what an operator sells per facility and space type: how many
 * passes a calendar month (`pass_limit`, 0 = none) at what price. A sold pass is a row of
 * `monthly_passes` tied to one ordinary booking (`booking_id`) that holds a space of the type for
 * the whole period, so the exclusion constraint, the availability counts, the live events and the
 * hold's lapse all treat it as the booking it is; the pass's status is its booking's status.
 *
 * `month` is the first day of the calendar month at the facility. The limit is checked by the
 * selling transaction under a lock of the offer row, counting live (held or paid) passes of the
 * month.
 */
export class MonthlyPasses1795504600000 implements MigrationInterface {
  name = 'MonthlyPasses1795504600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pass_offers (
        facility_id  uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        space_type   space_type NOT NULL,
        pass_limit   integer NOT NULL CHECK (pass_limit >= 0),
        price_cents  integer NOT NULL CHECK (price_cents > 0),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pass_offers_pkey PRIMARY KEY (facility_id, space_type)
      )`);
    await q.query(`
      CREATE TABLE monthly_passes (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id   uuid NOT NULL REFERENCES bookings (id) ON DELETE RESTRICT,
        driver_id    uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        facility_id  uuid NOT NULL REFERENCES facilities (id) ON DELETE RESTRICT,
        space_type   space_type NOT NULL,
        month        date NOT NULL CHECK (extract(day FROM month) = 1),
        created_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT monthly_passes_booking_key UNIQUE (booking_id)
      )`);
    await q.query(`CREATE INDEX monthly_passes_offer_month_idx ON monthly_passes (facility_id, space_type, month)`);
    await q.query(`CREATE INDEX monthly_passes_driver_idx ON monthly_passes (driver_id, month DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE monthly_passes`);
    await q.query(`DROP TABLE pass_offers`);
  }
}
