import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password-reset links: the secret stored only as SHA-256 (like verification tokens and refresh
 * tokens), single use, expiring. `created_at` per account is what limits how many links an
 * address can be sent.
 */
export class PasswordResetTokens1795502700000 implements MigrationInterface {
  name = 'PasswordResetTokens1795502700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset_tokens (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash  bytea NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        CONSTRAINT password_reset_tokens_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_reset_tokens`);
  }
}
