import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email verification and per-account login throttling.
 *
 * - `users.email_verified_at`: when the owner proved the address by the emailed link. Accounts
 *   that exist before this migration were created before verification existed and keep working:
 *   they count as verified from their creation.
 * - `email_verification_tokens`: the link's secret, stored only as SHA-256, single use, expiring.
 * - `login_throttle`: failed sign-ins per email address (not per user id, so an address without
 *   an account is throttled exactly like one with), shared by every API instance.
 */
export class AccountSecurity1795501600000 implements MigrationInterface {
  name = 'AccountSecurity1795501600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await q.query(`UPDATE users SET email_verified_at = created_at`);

    await q.query(`
      CREATE TABLE email_verification_tokens (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash  bytea NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        CONSTRAINT email_verification_tokens_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX email_verification_tokens_user_idx ON email_verification_tokens (user_id)`);

    // failures: consecutive failed sign-ins since the last success, forgotten once the series
    // has been quiet for the window. locked_until: no password is checked before it.
    // notified_at: the owner was emailed about this series (once, when it first locked).
    await q.query(`
      CREATE TABLE login_throttle (
        email            citext PRIMARY KEY,
        failures         integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_failure_at  timestamptz NOT NULL DEFAULT now(),
        locked_until     timestamptz,
        notified_at      timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE email_verification_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
  }
}
