import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts an admin creates, and the admin's list of accounts.
 *
 * - `users.password_hash` may be NULL: an invited account has no password until its owner picks
 *   one through the emailed link, so no password at all can sign in to it (not even a guessed one).
 * - `account_invitations`: the link's secret, stored only as SHA-256, single use, expiring.
 *   A resend revokes the account's earlier links (`revoked_at`), so only the newest one works.
 * - Indexes for the admin's list (newest first, by role) and its search by a piece of the email
 *   or name (trigram GIN: the large data set has 60,000 accounts, and `%piece%` cannot use a btree).
 */
export class AccountInvitations1795502500000 implements MigrationInterface {
  name = 'AccountInvitations1795502500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);

    await q.query(`
      CREATE TABLE account_invitations (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash  bytea NOT NULL,
        created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        revoked_at  timestamptz,
        CONSTRAINT account_invitations_token_hash_key UNIQUE (token_hash),
        CONSTRAINT account_invitations_expiry CHECK (expires_at > created_at),
        CONSTRAINT account_invitations_used_or_revoked CHECK (used_at IS NULL OR revoked_at IS NULL)
      )`);
    await q.query(`CREATE INDEX account_invitations_user_idx ON account_invitations (user_id)`);
    await q.query(`CREATE INDEX account_invitations_created_by_idx ON account_invitations (created_by)`);

    await q.query(`CREATE INDEX users_created_at_idx ON users (created_at, id)`);
    await q.query(`CREATE INDEX users_role_created_at_idx ON users (role, created_at, id)`);
    await q.query(`CREATE INDEX users_search_idx ON users USING gin ((lower(email::text) || ' ' || lower(name)) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS users_search_idx`);
    await q.query(`DROP INDEX IF EXISTS users_role_created_at_idx`);
    await q.query(`DROP INDEX IF EXISTS users_created_at_idx`);
    await q.query(`DROP TABLE IF EXISTS account_invitations`);
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
