import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isRole } from '@aiparksit/shared';
import type { UserRecord } from '../users/index.js';

export interface NewRefreshToken {
  tokenHash: Buffer;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}

export interface RefreshTokenState {
  userId: string;
  familyId: string;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** A live session's account as it is now, and how long the session lives at most. */
export interface LiveSession {
  user: UserRecord;
  liveUntil: Date;
}

export type RevocationReason = 'logout' | 'reuse_detected' | 'registration_replaced' | 'password_changed' | 'password_reset';

/** SQL for refresh tokens. A family is one sign-in; each rotation adds a row to it. */
@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Starts a family (a new session) and returns its id. */
  async startFamily(userId: string, token: NewRefreshToken): Promise<string> {
    const rows: { familyId: string }[] = await this.dataSource.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, user_agent, ip)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5::inet) RETURNING family_id AS "familyId"`,
      [userId, token.tokenHash, token.expiresAt, token.userAgent, token.ip],
    );
    return rows[0]!.familyId;
  }

  /**
   * Marks the presented token used and adds its successor to the same family, in one statement:
   * of two concurrent refreshes with one token, exactly one succeeds. Nothing is returned for a
   * token that is unknown, used, revoked, expired, or whose account is disabled.
   */
  async rotate(presentedHash: Buffer, next: NewRefreshToken): Promise<{ userId: string; familyId: string } | undefined> {
    const rows: { userId: string; familyId: string }[] = await this.dataSource.query(
      `WITH consumed AS (
         UPDATE refresh_tokens t SET used_at = now()
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
            AND EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id AND u.disabled_at IS NULL)
         RETURNING t.user_id, t.family_id
       )
       INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, user_agent, ip)
       SELECT user_id, family_id, $2, $3, $4, $5::inet FROM consumed
       RETURNING user_id AS "userId", family_id AS "familyId"`,
      [presentedHash, next.tokenHash, next.expiresAt, next.userAgent, next.ip],
    );
    return rows[0];
  }

  async findByHash(tokenHash: Buffer): Promise<RefreshTokenState | undefined> {
    const rows: RefreshTokenState[] = await this.dataSource.query(
      `SELECT user_id AS "userId", family_id AS "familyId", used_at AS "usedAt", revoked_at AS "revokedAt"
         FROM refresh_tokens WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0];
  }

  async revokeFamily(familyId: string, reason: RevocationReason): Promise<void> {
    await this.dataSource.query(`UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [
      familyId,
      reason,
    ]);
  }

  /** Ends every session of an account, but the one kept (if any). */
  async revokeAllOf(userId: string, reason: RevocationReason, keepFamilyId: string | null = null): Promise<void> {
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $3::uuid`,
      [userId, reason, keepFamilyId],
    );
  }

  /**
   * The account of a user whose session is live: the account is enabled and the family still
   * has an unused, unrevoked, unexpired token. `liveUntil` is when that token expires, so the
   * answer may be kept until then at most. Undefined once logged out or revoked.
   */
  async liveSession(userId: string, familyId: string): Promise<LiveSession | undefined> {
    const rows: (Omit<UserRecord, 'role'> & { role: string; liveUntil: Date })[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role::text AS role, u.created_at AS "createdAt", u.disabled_at AS "disabledAt",
              u.email_verified_at AS "emailVerifiedAt", live."liveUntil"
         FROM users u,
              LATERAL (SELECT max(t.expires_at) AS "liveUntil" FROM refresh_tokens t
                        WHERE t.family_id = $2 AND t.user_id = u.id
                          AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()) AS live
        WHERE u.id = $1 AND u.disabled_at IS NULL AND live."liveUntil" IS NOT NULL`,
      [userId, familyId],
    );
    const row = rows[0];
    if (!row || !isRole(row.role)) return undefined;
    const { liveUntil, role, ...user } = row;
    return { user: { ...user, role }, liveUntil };
  }
}
