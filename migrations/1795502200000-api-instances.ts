import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API instances' registry: each process upserts its own row every heartbeat period with a
 * snapshot of its figures (process, per-route minute windows as mergeable histogram buckets,
 * active user ids per portal), so any instance can show all of them. `heartbeat_at` is the
 * database's clock, never the writer's: instances on hosts whose clocks differ still compare.
 * Rows are deleted 24 h after their last heartbeat; earlier rows of a host and port are its restarts.
 */
export class ApiInstances1795502200000 implements MigrationInterface {
  name = 'ApiInstances1795502200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_instances (
        id            uuid PRIMARY KEY,
        host          text NOT NULL CHECK (length(host) BETWEEN 1 AND 255),
        pid           integer NOT NULL CHECK (pid > 0),
        port          integer NOT NULL CHECK (port BETWEEN 0 AND 65535),
        version       text NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
        -- The writer's own period: it is down after three of them without a heartbeat.
        heartbeat_ms  integer NOT NULL CHECK (heartbeat_ms > 0),
        started_at    timestamptz NOT NULL,
        heartbeat_at  timestamptz NOT NULL DEFAULT now(),
        stopped_at    timestamptz,
        snapshot      jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX api_instances_heartbeat_idx ON api_instances (heartbeat_at)`);
    await q.query(`CREATE INDEX api_instances_host_port_idx ON api_instances (host, port, started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS api_instances`);
  }
}
