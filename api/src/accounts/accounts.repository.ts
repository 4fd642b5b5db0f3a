import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccountState, Role } from '@aiparksit/shared';
import { EVENTS_CHANNEL } from '../realtime/index.js';
import { ACCOUNT_STATE_SQL } from './account-state.js';

/** An account as the admin's list shows it, before its state is worked out. */
export interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  lastSignInAt: Date | null;
  disabledAt: Date | null;
  emailVerifiedAt: Date | null;
  hasPassword: boolean;
  invitationExpiresAt: Date | null;
}

export interface AccountFilter {
  role?: Role | undefined;
  /** A piece of the email or name, any case. */
  q?: string | undefined;
  state?: AccountState | undefined;
  offset: number;
  limit: number;
}

/** An invitation as found by its token, to say precisely why it no longer works. */
export interface InvitationLookup {
  userId: string;
  email: string;
  name: string;
  used: boolean;
  replaced: boolean;
  expired: boolean;
  accountDisabled: boolean;
}

// The pending invitation's expiry: the newest one neither used nor replaced (a resend replaces the others).
const ACCOUNT_COLUMNS = `u.id, u.email::text AS email, u.name, u.role::text AS role, u.created_at AS "createdAt", u.last_login_at AS "lastSignInAt",
  u.disabled_at AS "disabledAt", u.email_verified_at AS "emailVerifiedAt", u.password_hash IS NOT NULL AS "hasPassword",
  (SELECT max(i.expires_at) FROM account_invitations i WHERE i.user_id = u.id AND i.used_at IS NULL AND i.revoked_at IS NULL) AS "invitationExpiresAt"`;

/** `%`, `_` and the escape character itself are literal in a search, not wildcards. */
function likePattern(piece: string): string {
  return `%${piece.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL for admin-managed accounts: the list, invitations, disabling and enabling. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Newest first. The search matches `lower(email) || ' ' || lower(name)`, the expression the
   * trigram index users_search_idx is built on, so a search of 60,000 accounts reads the index.
   */
  async list(filter: AccountFilter): Promise<{ items: AccountRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.role) {
      params.push(filter.role);
      where.push(`u.role = $${params.length}::user_role`);
    }
    if (filter.q) {
      params.push(likePattern(filter.q));
      where.push(`(lower(u.email::text) || ' ' || lower(u.name)) LIKE $${params.length}`);
    }
    if (filter.state) where.push(`(${ACCOUNT_STATE_SQL[filter.state]})`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [items, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT ${ACCOUNT_COLUMNS} FROM users u ${whereSql} ORDER BY u.created_at DESC, u.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, filter.limit, filter.offset],
      ) as Promise<AccountRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM users u ${whereSql}`, params) as Promise<[{ total: number }]>,
    ]);
    return { items, total: counted[0].total };
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<AccountRow | undefined> {
    const rows: AccountRow[] = await manager.query(`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    return rows[0];
  }

  /** An account nobody can sign in to yet (no password), its address vouched for by the invitation link. */
  async insertInvited(manager: EntityManager, account: { email: string; name: string; role: Role }): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO users (email, password_hash, name, role) VALUES ($1, NULL, $2, $3::user_role) RETURNING id`,
      [account.email, account.name, account.role],
    );
    return rows[0]!.id;
  }

  /** A new invitation; the account's earlier ones stop working (a resend replaces them). */
  async replaceInvitation(manager: EntityManager, invitation: { userId: string; tokenHash: Buffer; expiresAt: Date; createdBy: string }): Promise<void> {
    await manager.query(`UPDATE account_invitations SET revoked_at = now() WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [invitation.userId]);
    await manager.query(`INSERT INTO account_invitations (user_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4)`, [
      invitation.userId,
      invitation.tokenHash,
      invitation.expiresAt,
      invitation.createdBy,
    ]);
  }

  async findInvitation(tokenHash: Buffer): Promise<InvitationLookup | undefined> {
    const rows: InvitationLookup[] = await this.dataSource.query(
      `SELECT i.user_id AS "userId", u.email::text AS email, u.name, i.used_at IS NOT NULL AS used, i.revoked_at IS NOT NULL AS replaced,
              i.expires_at <= now() AS expired, u.disabled_at IS NOT NULL AS "accountDisabled"
         FROM account_invitations i JOIN users u ON u.id = i.user_id
        WHERE i.token_hash = $1`,
      [tokenHash],
    );
    return rows[0];
  }

  /**
   * Uses the invitation and sets the account's password, in one statement: of two concurrent
   * uses exactly one succeeds. Opening the emailed link proves the address, so it is verified
   * too. Returns the account id, or undefined when the invitation no longer works.
   */
  async acceptInvitation(tokenHash: Buffer, passwordHash: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH used AS (
         UPDATE account_invitations i SET used_at = now()
          WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
            AND EXISTS (SELECT 1 FROM users u WHERE u.id = i.user_id AND u.disabled_at IS NULL)
          RETURNING i.user_id
       ), accepted AS (
         UPDATE users u SET password_hash = $2, email_verified_at = coalesce(u.email_verified_at, now()), updated_at = now()
           FROM used WHERE u.id = used.user_id
         RETURNING u.id
       )
       SELECT id FROM accepted`,
      [tokenHash, passwordHash],
    );
    return rows[0]?.id;
  }

  /**
   * Disables the account, ends every session it has, and tells every API instance to close its
   * sockets: the NOTIFY is sent on commit, so no socket closes for a disable that rolled back.
   * False when it was disabled already (nothing is done again).
   */
  async disable(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const changed: { id: string }[] = await manager.query(
        `WITH disabled AS (UPDATE users SET disabled_at = now(), updated_at = now() WHERE id = $1 AND disabled_at IS NULL RETURNING id) SELECT id FROM disabled`,
        [id],
      );
      if (changed.length === 0) return false;
      await manager.query(`UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'account_disabled' WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      await manager.query(`SELECT pg_notify($1, json_build_object('k', 'ud', 'u', $2::text)::text)`, [EVENTS_CHANNEL, id]);
      return true;
    });
  }

  /** False when it was not disabled. Ended sessions stay ended: the owner signs in again. */
  async enable(id: string): Promise<boolean> {
    const changed: { id: string }[] = await this.dataSource.query(
      `WITH enabled AS (UPDATE users SET disabled_at = NULL, updated_at = now() WHERE id = $1 AND disabled_at IS NOT NULL RETURNING id) SELECT id FROM enabled`,
      [id],
    );
    return changed.length > 0;
  }
}
