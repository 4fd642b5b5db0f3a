import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The waitlist: a driver asks to be told when a space of the type frees for their window at a
 * car park that is full. When one frees (a cancellation, a lapsed hold, a new space, a lifted
 * blackout), the first in line whose window it fits gets a hold of it for a few minutes and an
 * email; when that hold lapses unpaid, the next one gets the space.
 *
 * `waitlist_offer(facility, type, hold minutes)` is the whole offering step of one queue, in one
 * statement: under a transaction-scoped advisory lock of the queue (so several API instances
 * never offer from one queue at once, and the line is served in order), each waiting entry in
 * `position` order is tried with the booking hold's own insert; the bookings' exclusion
 * constraint makes a space held once at most, whoever else books it meanwhile. An entry that got
 * a hold becomes `offered`; its email (outbox) and its live notice (`wo` on aiparksit_events) are
 * written in the same transaction.
 * `waitlist_settle()` turns offers whose hold was paid into `booked`, unpaid ones into `lapsed`,
 * and waiting entries whose window has started into `expired`.
 *
 * The price held is the one quoted when the driver joined (`amount_cents`): what they agreed to.
 */
export class Waitlist1795504100000 implements MigrationInterface {
  name = 'Waitlist1795504100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE waitlist_status AS ENUM ('waiting', 'offered', 'booked', 'lapsed', 'left', 'expired')`);
    await q.query(`
      CREATE TABLE waitlist_entries (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        position      bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        driver_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        facility_id   uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        space_type    space_type NOT NULL,
        period        tstzrange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period)),
        vehicle_plate text NOT NULL,
        amount_cents  integer NOT NULL CHECK (amount_cents >= 0),
        currency      char(3) NOT NULL,
        status        waitlist_status NOT NULL DEFAULT 'waiting',
        booking_id    uuid REFERENCES bookings (id),
        offered_at    timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT waitlist_offer_has_booking CHECK (status NOT IN ('offered', 'booked', 'lapsed') OR booking_id IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX waitlist_entries_one_per_stay ON waitlist_entries (driver_id, facility_id, space_type, period) WHERE status IN ('waiting', 'offered')`,
    );
    await q.query(`CREATE INDEX waitlist_entries_queue_idx ON waitlist_entries (facility_id, space_type, position) WHERE status = 'waiting'`);
    await q.query(`CREATE INDEX waitlist_entries_offers_idx ON waitlist_entries (booking_id) WHERE status = 'offered'`);
    await q.query(`CREATE INDEX waitlist_entries_driver_idx ON waitlist_entries (driver_id, created_at DESC)`);

    await q.query(`
      CREATE FUNCTION waitlist_booking_code() RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT string_agg(CASE WHEN i = 5 THEN '-' ELSE '' END || substr('ABCDEFGHJKMNPQRSTWXYZ23456789', 1 + floor(random() * 29)::int, 1), '' ORDER BY i)
          FROM generate_series(1, 8) AS i
      $$`);
    await q.query(`
      CREATE FUNCTION waitlist_offer(p_facility uuid, p_type space_type, p_hold_minutes integer)
      RETURNS TABLE (entry_id uuid, booking_id uuid) LANGUAGE plpgsql AS $$
      DECLARE
        entry record;
        held uuid;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtextextended('waitlist:' || p_facility::text || ':' || p_type::text, 0)) THEN
          RETURN; -- another instance is serving this line right now
        END IF;
        -- Only a car park the public may book: published, of an approved operator, never a canary.
        IF NOT EXISTS (SELECT 1 FROM facilities f JOIN operators o ON o.id = f.operator_id
                        WHERE f.id = p_facility AND f.published AND NOT f.is_canary AND o.status = 'approved') THEN
          RETURN;
        END IF;
        FOR entry IN
          SELECT w.id, w.driver_id, w.period, w.vehicle_plate, w.amount_cents, w.currency
            FROM waitlist_entries w
           WHERE w.facility_id = p_facility AND w.space_type = p_type AND w.status = 'waiting' AND lower(w.period) > now()
           ORDER BY w.position
             FOR UPDATE
        LOOP
          held := NULL;
          FOR attempt IN 1..3 LOOP
            BEGIN
              INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at)
              SELECT waitlist_booking_code(), entry.driver_id, p_facility, sa.space_id, p_type, entry.period, 'pending_payment',
                     entry.vehicle_plate, entry.amount_cents, entry.currency, now() + make_interval(mins => p_hold_minutes)
                FROM space_availability sa
               WHERE sa.facility_id = p_facility AND sa.space_type = p_type AND sa.active AND NOT (sa.busy && entry.period)
               LIMIT 1
              RETURNING id INTO held;
              EXIT;
            EXCEPTION WHEN exclusion_violation OR unique_violation OR deadlock_detected THEN
              held := NULL; -- the space was taken meanwhile (or the code repeated): look again
            END;
          END LOOP;
          IF held IS NOT NULL THEN
            UPDATE waitlist_entries SET status = 'offered', booking_id = held, offered_at = now(), updated_at = now() WHERE id = entry.id;
            INSERT INTO outbox (kind, payload) VALUES ('email.waitlist_offer', json_build_object('entryId', entry.id, 'bookingId', held)::jsonb);
            -- The live notice to the driver's own sockets (every instance), sent on commit like every other.
            PERFORM pg_notify('aiparksit_events', json_build_object(
                      'k', 'wo', 'u', entry.driver_id, 'id', entry.id, 'b', held, 'f', p_facility, 't', p_type,
                      's', lower(entry.period), 'e', upper(entry.period), 'x', now() + make_interval(mins => p_hold_minutes),
                      'ts', floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint)::text);
            entry_id := entry.id;
            booking_id := held;
            RETURN NEXT;
          END IF;
        END LOOP;
      END $$`);
    await q.query(`
      CREATE FUNCTION waitlist_settle() RETURNS void LANGUAGE sql AS $$
        UPDATE waitlist_entries w
           SET status = CASE WHEN b.status IN ('confirmed', 'completed') THEN 'booked' ELSE 'lapsed' END::waitlist_status, updated_at = now()
          FROM bookings b
         WHERE w.status = 'offered' AND b.id = w.booking_id AND b.status <> 'pending_payment';
        UPDATE waitlist_entries SET status = 'expired', updated_at = now() WHERE status = 'waiting' AND lower(period) <= now();
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION waitlist_settle()`);
    await q.query(`DROP FUNCTION waitlist_offer(uuid, space_type, integer)`);
    await q.query(`DROP FUNCTION waitlist_booking_code()`);
    await q.query(`DROP TABLE waitlist_entries`);
    await q.query(`DROP TYPE waitlist_status`);
  }
}
