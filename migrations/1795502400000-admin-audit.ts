import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admins' audit log: every quick action and account change, who did it, when, on what, and
 * how it ended. Rows are only ever inserted; an actor's row outlives the account (SET NULL) so
 * the log keeps what was done even when the admin who did it is gone.
 */
export class AdminAudit1795502400000 implements MigrationInterface {
  name = 'AdminAudit1795502400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admin_audit (
        id        bigserial PRIMARY KEY,
        at        timestamptz NOT NULL DEFAULT now(),
        actor_id  uuid REFERENCES users (id) ON DELETE SET NULL,
        action    text NOT NULL CHECK (action ~ '^[a-z][a-z0-9-]{0,63}$'),
        target    text CHECK (length(target) <= 500),
        outcome   text NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
        message   text NOT NULL CHECK (length(message) <= 2000),
        details   jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX admin_audit_at_idx ON admin_audit (at)`);
    await q.query(`CREATE INDEX admin_audit_action_at_idx ON admin_audit (action, at)`);
    await q.query(`CREATE INDEX admin_audit_actor_idx ON admin_audit (actor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS admin_audit`);
  }
}
