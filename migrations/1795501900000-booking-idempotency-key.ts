import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A booking remembers the Idempotency-Key it was held under, as a payment does: when the API
 * instance that held it dies before storing the answer, the retry that takes the key over finds
 * the hold and answers it, instead of holding a second space the driver never hears of. Unique
 * per driver, so PostgreSQL itself refuses a second hold under one key.
 */
export class BookingIdempotencyKey1795501900000 implements MigrationInterface {
  name = 'BookingIdempotencyKey1795501900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings ADD COLUMN idempotency_key text`);
    await q.query(`CREATE UNIQUE INDEX bookings_driver_idempotency_key ON bookings (driver_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX bookings_driver_idempotency_key`);
    await q.query(`ALTER TABLE bookings DROP COLUMN idempotency_key`);
  }
}
