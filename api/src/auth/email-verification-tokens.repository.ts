import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** SQL for the secrets of verification links, stored as SHA-256 only (like refresh tokens). */
@Injectable()
export class EmailVerificationTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(userId: string, tokenHash: Buffer, expiresAt: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`INSERT INTO email_verification_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [userId, tokenHash, expiresAt]);
  }

  /** Whether a link was sent to the account this recently: a resend then adds no new email. */
  async issuedWithin(userId: string, seconds: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM email_verification_tokens WHERE user_id = $1 AND created_at > now() - make_interval(secs => $2) LIMIT 1`,
      [userId, seconds],
    );
    return rows.length > 0;
  }

  /**
   * Uses the token and verifies its account, in one statement: of two concurrent uses exactly
   * one succeeds. The account's other links are used up too (one confirmation is enough), and a
   * disabled account is not verified. Returns the account id, or undefined for a token that is
   * unknown, used or expired.
   */
  async consume(tokenHash: Buffer): Promise<string | undefined> {
    const rows: { userId: string }[] = await this.dataSource.query(
      `WITH consumed AS (
         UPDATE email_verification_tokens SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id
       ), verified AS (
         UPDATE users u SET email_verified_at = coalesce(u.email_verified_at, now()), updated_at = now()
           FROM consumed c
          WHERE u.id = c.user_id AND u.disabled_at IS NULL
          RETURNING u.id
       ), siblings AS (
         UPDATE email_verification_tokens t SET used_at = now()
           FROM verified v
          WHERE t.user_id = v.id AND t.used_at IS NULL AND t.token_hash <> $1
       )
       SELECT id AS "userId" FROM verified`,
      [tokenHash],
    );
    return rows[0]?.userId;
  }

  /** Drops links used or expired more than a week ago: they can only ever answer "invalid". */
  async purgeSpent(): Promise<number> {
    const rows: { purged: number }[] = await this.dataSource.query(
      `WITH purged AS (
         DELETE FROM email_verification_tokens WHERE coalesce(used_at, expires_at) < now() - interval '7 days' RETURNING 1
       ) SELECT count(*)::int AS purged FROM purged`,
    );
    return rows[0]?.purged ?? 0;
  }
}
