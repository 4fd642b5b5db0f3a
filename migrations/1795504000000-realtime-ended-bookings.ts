import type { MigrationInterface, QueryRunner } from 'typeorm';

const TS = `'ts', floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;

/**
 * The availability notices of RealtimeBookingUpdates1795502800000, for bookings that occupy (or
 * occupied, before the change) some time after `now()` only, when `ended` is true.
 */
const availabilityNotices = (ended: boolean) => `
        PERFORM pg_notify('aiparksit_events', json_build_object(
                  'k', 'a', 'f', facility_id, 't', space_type, 's', min(lower_bound), 'e', max(upper_bound), ${TS})::text)
          FROM (SELECT n.facility_id, n.space_type,
                       least(lower(o.occupied_period), lower(n.occupied_period)) AS lower_bound,
                       greatest(upper(o.occupied_period), upper(n.occupied_period)) AS upper_bound
                  FROM updated_bookings AS n JOIN previous_bookings AS o ON o.id = n.id
                 WHERE n.status IS DISTINCT FROM o.status
                    OR n.occupied_period IS DISTINCT FROM o.occupied_period
                    OR n.space_id IS DISTINCT FROM o.space_id
                UNION ALL
                SELECT o.facility_id, o.space_type, lower(o.occupied_period), upper(o.occupied_period)
                  FROM updated_bookings AS n JOIN previous_bookings AS o ON o.id = n.id
                 WHERE n.space_type IS DISTINCT FROM o.space_type OR n.facility_id IS DISTINCT FROM o.facility_id) AS changed
${ended ? '         WHERE upper_bound > now()\n' : ''}         GROUP BY facility_id, space_type;`;

/** The operator feed's `bu` notices of RealtimeBookingUpdates1795502800000, unchanged. */
const BOOKING_UPDATE_NOTICES = `
        IF (SELECT count(*) FROM (SELECT 1 FROM updated_bookings LIMIT 101) AS few) <= 100 THEN
          PERFORM pg_notify('aiparksit_events', json_build_object(
                    'k', 'bu', 'f', n.facility_id, 'o', f.operator_id, 'id', n.id, 'code', n.code, 't', n.space_type,
                    's', lower(n.period), 'e', upper(n.period), 'st', n.status, 'amt', n.amount_cents,
                    'cur', n.currency, 'pl', left(n.vehicle_plate, 32), 'pst', o.status, 'pe', upper(o.period), ${TS})::text)
            FROM updated_bookings AS n
            JOIN previous_bookings AS o ON o.id = n.id
            JOIN facilities AS f ON f.id = n.facility_id
           WHERE n.status IS DISTINCT FROM o.status
              OR n.period IS DISTINCT FROM o.period
              OR n.vehicle_plate IS DISTINCT FROM o.vehicle_plate
              OR n.space_id IS DISTINCT FROM o.space_id;
        END IF;`;

const bookingsUpdated = (ended: boolean) => `CREATE OR REPLACE FUNCTION realtime_bookings_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${availabilityNotices(ended)}
        ${BOOKING_UPDATE_NOTICES}
        RETURN NULL;
      END $$`;

/**
 * A change to a booking whose time is over (before and after the change) moves no availability
 * anyone can book or watch: searches, car park pages and live subscriptions are for windows that
 * have not ended. Such changes are what the lifecycle job makes in bulk (confirmed bookings
 * completed every 30 s), and each sent one availability notice per car park and type, which
 * every instance answered by looking the car park up and recounting it. After a pause, one batch
 * of completions sent hundreds at once: they took the pool's connections, and searches of that
 * moment waited 100–150 ms. Those notices are no longer sent; every other notice is as before.
 */
export class RealtimeEndedBookings1795504000000 implements MigrationInterface {
  name = 'RealtimeEndedBookings1795504000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(bookingsUpdated(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(bookingsUpdated(false));
  }
}
