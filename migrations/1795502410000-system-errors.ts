import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recent-errors list of the admin's status page, shared by every API instance and kept
 * across restarts. Each instance counts errors in memory by fingerprint (service + type +
 * normalised message) and adds its counts here every few seconds:
 * - `system_error_groups`: one row per fingerprint, its all-time count, first and last time,
 *   the latest message, request and instance;
 * - `system_error_hours`: counts per fingerprint and UTC hour, so "count in the last 24 h" is
 *   exact to the hour, with summed and largest durations for slow statements.
 * The groups' trigger announces each change as a `se` notice on the realtime channel, which the
 * admins' live feed forwards as `system_error`. Rows older than the retention are deleted by the
 * instances themselves (ErrorLogFlusher).
 */
export class SystemErrors1795502410000 implements MigrationInterface {
  name = 'SystemErrors1795502410000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE system_error_groups (
        fingerprint      text PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{32}$'),
        service          text NOT NULL CHECK (service IN ('API', 'PostgreSQL', 'WebSocket', 'Email', 'Nginx', 'Security')),
        type             text NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
        message          text NOT NULL CHECK (length(message) <= 500),
        count            bigint NOT NULL CHECK (count > 0),
        first_at         timestamptz NOT NULL,
        last_at          timestamptz NOT NULL,
        last_request_id  text CHECK (length(last_request_id) <= 128),
        -- The route pattern of the latest occurrence (\`GET /api/bookings/:id\`), when it had one.
        last_route       text CHECK (length(last_route) <= 300),
        last_instance    text CHECK (length(last_instance) <= 200),
        critical         boolean NOT NULL DEFAULT false,
        CHECK (first_at <= last_at)
      )`);
    await q.query(`CREATE INDEX system_error_groups_last_at_idx ON system_error_groups (last_at)`);

    await q.query(`
      CREATE TABLE system_error_hours (
        fingerprint  text NOT NULL,
        -- The start of a UTC hour.
        hour         timestamptz NOT NULL CHECK (date_trunc('hour', hour, 'UTC') = hour),
        count        bigint NOT NULL CHECK (count > 0),
        total_ms     double precision NOT NULL DEFAULT 0 CHECK (total_ms >= 0),
        max_ms       double precision NOT NULL DEFAULT 0 CHECK (max_ms >= 0),
        CONSTRAINT system_error_hours_pkey PRIMARY KEY (fingerprint, hour)
      )`);
    await q.query(`CREATE INDEX system_error_hours_hour_idx ON system_error_hours (hour)`);

    // The count sent is the last 24 hours' (as the list shows it): an instance writes a flush's
    // hours before its groups, so the sum includes the occurrences this update adds.
    await q.query(`
      CREATE FUNCTION system_error_groups_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('aiparksit_events', json_build_object(
          'k', 'se',
          'e', json_build_object(
            'fingerprint', NEW.fingerprint,
            'service', NEW.service,
            'type', NEW.type,
            'message', left(NEW.message, 500),
            'count', (SELECT coalesce(sum(h.count), 0) FROM system_error_hours h
                       WHERE h.fingerprint = NEW.fingerprint AND h.hour >= date_trunc('hour', now() - interval '24 hours', 'UTC')),
            'lastAt', to_char(NEW.last_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'critical', NEW.critical))::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER system_error_groups_notify AFTER INSERT OR UPDATE ON system_error_groups
        FOR EACH ROW EXECUTE FUNCTION system_error_groups_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS system_error_hours`);
    await q.query(`DROP TABLE IF EXISTS system_error_groups`);
    await q.query(`DROP FUNCTION IF EXISTS system_error_groups_notify()`);
  }
}
