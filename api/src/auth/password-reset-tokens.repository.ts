import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The channel realtime/ listens on for database changes (its EVENTS_CHANNEL). Realtime imports
 * this module to authenticate sockets, so the name is repeated here rather than imported.
 */
const EVENTS_CHANNEL = 'aiparksit_events';

/** The account behind a live reset link, as much as choosing its new password needs. */
export interface ResetLinkOwner {
  userId: string;
  email: string;
  name: string;
}

/** SQL for the secrets of password-reset links, stored as SHA-256 only (like verification tokens). */
@Injectable()
export class PasswordResetTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Issues a link unless the account had one within `quietSeconds` or already `maxPerHour` in the
   * last hour; the token's hash and the email that carries it commit together. False when refused.
   */
  async issue(
    userId: string,
    tokenHash: Buffer,
    expiresAt: Date,
    limits: { quietSeconds: number; maxPerHour: number },
    enqueueEmail: (manager: EntityManager) => Promise<unknown>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // One request at a time per account, so two concurrent requests cannot both pass the limit.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('password_reset:' || $1, 0))`, [userId]);
      const [recent] = (await manager.query(
        `SELECT count(*)::int AS "lastHour", count(*) FILTER (WHERE created_at > now() - make_interval(secs => $2))::int AS quiet
           FROM password_reset_tokens WHERE user_id = $1 AND created_at > now() - interval '1 hour'`,
        [userId, limits.quietSeconds],
      )) as { lastHour: number; quiet: number }[];
      if (recent!.quiet > 0 || recent!.lastHour >= limits.maxPerHour) return false;
      await manager.query(`INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [userId, tokenHash, expiresAt]);
      await enqueueEmail(manager);
      return true;
    });
  }

  /** Whose link this is, while it is unused, unexpired and its account enabled; it is not used up. */
  async findOwner(tokenHash: Buffer): Promise<ResetLinkOwner | undefined> {
    const rows: ResetLinkOwner[] = await this.dataSource.query(
      `SELECT u.id AS "userId", u.email::text AS email, u.name
         FROM password_reset_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    return rows[0];
  }

  /**
   * Uses the link and sets the password, in one statement: of two concurrent uses exactly one
   * succeeds. Holding the link proves the address, so it counts as confirmed. The account's other
   * reset links are used up, every refresh token is revoked, and every API instance closes the
   * account's sockets on the NOTIFY, as when an account is disabled. Undefined for a token that is
   * unknown, used or expired, or an account disabled meanwhile.
   */
  async consume(tokenHash: Buffer, passwordHash: string): Promise<string | undefined> {
    const rows: { userId: string }[] = await this.dataSource.query(
      `WITH consumed AS (
         UPDATE password_reset_tokens SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id
       ), changed AS (
         UPDATE users u SET password_hash = $2, email_verified_at = coalesce(u.email_verified_at, now()), updated_at = now()
           FROM consumed c
          WHERE u.id = c.user_id AND u.disabled_at IS NULL
          RETURNING u.id
       ), siblings AS (
         UPDATE password_reset_tokens t SET used_at = now()
           FROM changed
          WHERE t.user_id = changed.id AND t.used_at IS NULL AND t.token_hash <> $1
       ), revoked AS (
         UPDATE refresh_tokens r SET revoked_at = now(), revoked_reason = 'password_reset'
           FROM changed
          WHERE r.user_id = changed.id AND r.revoked_at IS NULL
       )
       SELECT id AS "userId", pg_notify($3, json_build_object('k', 'ue', 'u', id::text)::text) FROM changed`,
      [tokenHash, passwordHash, EVENTS_CHANNEL],
    );
    return rows[0]?.userId;
  }

  /** Drops links used or expired more than a week ago: they can only ever answer "invalid". */
  async purgeSpent(): Promise<number> {
    const rows: { purged: number }[] = await this.dataSource.query(
      `WITH purged AS (
         DELETE FROM password_reset_tokens WHERE coalesce(used_at, expires_at) < now() - interval '7 days' RETURNING 1
       ) SELECT count(*)::int AS purged FROM purged`,
    );
    return rows[0]?.purged ?? 0;
  }
}
