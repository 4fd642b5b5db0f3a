import type { MigrationInterface, QueryRunner } from 'typeorm';

const TS = `'ts', floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;

/** The availability notices of RealtimeCommitStamps1795502300000, unchanged. */
const AVAILABILITY_NOTICES = `
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
         GROUP BY facility_id, space_type;`;

/**
 * The operator's live feed hears of every step of a booking, not only its creation: a hold paid,
 * cancelled or lapsed, a paid extension (a later end), a plate or space change. The bookings
 * update trigger now also sends one `bu` notice per booking whose status, period, plate or space
 * changed, with the status and end it had before, so the feed can say what happened and update
 * the booking's entry in place. Like `b` notices, only for statements of at most 100 bookings: a
 * bulk job (the nightly completion of past bookings) would flood every operator's feed, and
 * dashboards refetch on their own.
 */
export class RealtimeBookingUpdates1795502800000 implements MigrationInterface {
  name = 'RealtimeBookingUpdates1795502800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION realtime_bookings_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${AVAILABILITY_NOTICES}
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
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION realtime_bookings_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${AVAILABILITY_NOTICES}
        RETURN NULL;
      END $$`);
  }
}
