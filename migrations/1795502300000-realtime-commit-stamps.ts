import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The realtime triggers of RealtimeEvents1795500700000, redefined so that every notice carries
 * `ts`: the database clock (epoch milliseconds) when the statement that changed the rows
 * finished. The API measures commit-to-send latency (the WebSocket card of the admin's system
 * page) from it to the moment the frame is written to sockets.
 *
 * `clock_timestamp()` rather than `now()`: `now()` is the transaction's start, which would
 * count a long transaction's own work as delivery delay. The statement's end is the nearest a
 * trigger can see to the commit (PostgreSQL delivers the notice at commit). Notices that were
 * byte-identical within one transaction (deduplicated by PostgreSQL) now differ when their
 * statements ran in different milliseconds; the listener coalesces them anyway.
 */
export class RealtimeCommitStamps1795502300000 implements MigrationInterface {
  name = 'RealtimeCommitStamps1795502300000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of realtimeFunctions(true)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of realtimeFunctions(false)) await q.query(sql);
  }
}

/** The five trigger functions, with or without the `ts` field (the triggers themselves are unchanged). */
function realtimeFunctions(stamped: boolean): string[] {
  const ts = stamped ? `, 'ts', floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint` : '';
  return [
    `CREATE OR REPLACE FUNCTION realtime_bookings_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('aiparksit_events', json_build_object(
                  'k', 'a', 'f', facility_id, 't', space_type, 's', lower_min, 'e', upper_max${ts})::text)
          FROM (SELECT facility_id, space_type, min(lower(occupied_period)) AS lower_min, max(upper(occupied_period)) AS upper_max
                  FROM inserted_bookings GROUP BY facility_id, space_type) AS changed;
        IF (SELECT count(*) FROM (SELECT 1 FROM inserted_bookings LIMIT 101) AS few) <= 100 THEN
          PERFORM pg_notify('aiparksit_events', json_build_object(
                    'k', 'b', 'f', b.facility_id, 'o', f.operator_id, 'id', b.id, 'code', b.code, 't', b.space_type,
                    's', lower(b.period), 'e', upper(b.period), 'st', b.status, 'amt', b.amount_cents,
                    'cur', b.currency, 'pl', left(b.vehicle_plate, 32)${ts})::text)
            FROM inserted_bookings AS b JOIN facilities AS f ON f.id = b.facility_id;
        END IF;
        RETURN NULL;
      END $$`,
    `CREATE OR REPLACE FUNCTION realtime_bookings_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('aiparksit_events', json_build_object(
                  'k', 'a', 'f', facility_id, 't', space_type, 's', min(lower_bound), 'e', max(upper_bound)${ts})::text)
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
         GROUP BY facility_id, space_type;
        RETURN NULL;
      END $$`,
    `CREATE OR REPLACE FUNCTION realtime_spaces_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM pg_notify('aiparksit_events', json_build_object('k', 'a', 'f', facility_id, 't', space_type${ts})::text)
            FROM (SELECT DISTINCT facility_id, space_type FROM new_spaces) AS changed;
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('aiparksit_events', json_build_object('k', 'a', 'f', facility_id, 't', space_type${ts})::text)
            FROM (SELECT DISTINCT facility_id, space_type FROM old_spaces) AS changed;
        ELSE
          PERFORM pg_notify('aiparksit_events', json_build_object('k', 'a', 'f', facility_id, 't', space_type${ts})::text)
            FROM (SELECT n.facility_id, n.space_type FROM new_spaces AS n JOIN old_spaces AS o ON o.id = n.id
                   WHERE n.active IS DISTINCT FROM o.active OR n.space_type IS DISTINCT FROM o.space_type OR n.facility_id IS DISTINCT FROM o.facility_id
                  UNION
                  SELECT o.facility_id, o.space_type FROM new_spaces AS n JOIN old_spaces AS o ON o.id = n.id
                   WHERE n.active IS DISTINCT FROM o.active OR n.space_type IS DISTINCT FROM o.space_type OR n.facility_id IS DISTINCT FROM o.facility_id) AS changed;
        END IF;
        RETURN NULL;
      END $$`,
    `CREATE OR REPLACE FUNCTION realtime_facilities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM pg_notify('aiparksit_events', json_build_object('k', 'f', 'f', id, 'o', operator_id${ts})::text) FROM new_facilities;
        ELSE
          PERFORM pg_notify('aiparksit_events', json_build_object('k', 'f', 'f', n.id, 'o', n.operator_id${ts})::text)
            FROM new_facilities AS n JOIN old_facilities AS o ON o.id = n.id
           WHERE n.published IS DISTINCT FROM o.published OR n.is_canary IS DISTINCT FROM o.is_canary
              OR n.latitude IS DISTINCT FROM o.latitude OR n.longitude IS DISTINCT FROM o.longitude
              OR n.operator_id IS DISTINCT FROM o.operator_id OR n.time_zone IS DISTINCT FROM o.time_zone;
        END IF;
        RETURN NULL;
      END $$`,
    `CREATE OR REPLACE FUNCTION realtime_ledger_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('aiparksit_events', json_build_object('k', 'r', 'f', facility_id, 'o', operator_id${ts})::text)
          FROM (SELECT DISTINCT facility_id, operator_id FROM new_entries WHERE account IN ('gross', 'refund')) AS changed;
        RETURN NULL;
      END $$`,
  ];
}
