import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extensions of a booking: a later end, priced as the difference, held on the same space (through
 * `bookings.extension_hold_end`) until it is paid. Each extension is paid by its own payment, so
 * "one successful payment" becomes one per booking (for the booking itself) and one per extension.
 */
export class BookingExtensions1795500400000 implements MigrationInterface {
  name = 'BookingExtensions1795500400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE booking_extension_status AS ENUM ('pending_payment', 'confirmed', 'expired')`);
    await q.query(`
      CREATE TABLE booking_extensions (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id       uuid NOT NULL REFERENCES bookings (id) ON DELETE RESTRICT,
        previous_end     timestamptz NOT NULL,
        new_end          timestamptz NOT NULL,
        amount_cents     integer NOT NULL CHECK (amount_cents >= 0),
        currency         char(3) NOT NULL,
        status           booking_extension_status NOT NULL DEFAULT 'pending_payment',
        hold_expires_at  timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        confirmed_at     timestamptz,
        CONSTRAINT booking_extensions_later_end CHECK (new_end > previous_end),
        CONSTRAINT booking_extensions_hold_has_expiry CHECK (status <> 'pending_payment' OR hold_expires_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX booking_extensions_booking_idx ON booking_extensions (booking_id)`);
    // A booking holds at most one unpaid extension: asking for another replaces it.
    await q.query(`CREATE UNIQUE INDEX booking_extensions_one_pending ON booking_extensions (booking_id) WHERE status = 'pending_payment'`);
    await q.query(`CREATE INDEX booking_extensions_hold_expiry_idx ON booking_extensions (hold_expires_at) WHERE status = 'pending_payment'`);

    await q.query(`ALTER TABLE payments ADD COLUMN extension_id uuid REFERENCES booking_extensions (id) ON DELETE RESTRICT`);
    await q.query(`DROP INDEX payments_one_success_per_booking`);
    await q.query(
      `CREATE UNIQUE INDEX payments_one_success_per_booking ON payments (booking_id) WHERE extension_id IS NULL AND status IN ('succeeded', 'refunded', 'partially_refunded')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX payments_one_success_per_extension ON payments (extension_id) WHERE extension_id IS NOT NULL AND status IN ('succeeded', 'refunded', 'partially_refunded')`,
    );
    // The completion job looks for confirmed bookings whose end has passed.
    await q.query(`CREATE INDEX bookings_confirmed_end_idx ON bookings (upper(period)) WHERE status = 'confirmed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX bookings_confirmed_end_idx`);
    await q.query(`DROP INDEX payments_one_success_per_extension`);
    await q.query(`DROP INDEX payments_one_success_per_booking`);
    await q.query(`ALTER TABLE payments DROP COLUMN extension_id`);
    await q.query(
      `CREATE UNIQUE INDEX payments_one_success_per_booking ON payments (booking_id) WHERE status IN ('succeeded', 'refunded', 'partially_refunded')`,
    );
    await q.query(`DROP TABLE booking_extensions`);
    await q.query(`DROP TYPE booking_extension_status`);
  }
}
