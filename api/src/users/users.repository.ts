import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NewUser, UserCredentials, UserRecord } from './user.record.js';

const USER_COLUMNS = `id, email::text AS email, name, role::text AS role, created_at AS "createdAt", disabled_at AS "disabledAt",
  email_verified_at AS "emailVerifiedAt"`;

/** SQL for accounts. Email comparisons are case-insensitive because the column is citext. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(user: NewUser): Promise<UserRecord> {
    const rows: UserRecord[] = await this.dataSource.query(
      `INSERT INTO users (email, password_hash, name, role, email_verified_at)
       VALUES ($1, $2, $3, $4::user_role, CASE WHEN $5 THEN now() END) RETURNING ${USER_COLUMNS}`,
      [user.email, user.passwordHash, user.name, user.role, user.emailVerified],
    );
    return rows[0]!;
  }

  /**
   * Overwrites a registration nobody has confirmed yet with a newer one for the same address
   * (password, name, role). Undefined when the address's account is verified, disabled or
   * invited by an admin: that one is never touched.
   */
  async replaceUnverified(user: NewUser): Promise<UserRecord | undefined> {
    const rows: UserRecord[] = await this.dataSource.query(
      // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH replaced AS (
         UPDATE users SET password_hash = $2, name = $3, role = $4::user_role, updated_at = now()
          WHERE email = $1 AND email_verified_at IS NULL AND disabled_at IS NULL
            -- An invited account (no password yet) was made by an admin: never taken over by a registration.
            AND password_hash IS NOT NULL
          RETURNING *
       )
       SELECT ${USER_COLUMNS} FROM replaced`,
      [user.email, user.passwordHash, user.name, user.role],
    );
    return rows[0];
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const rows: UserRecord[] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email]);
    return rows[0];
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | undefined> {
    const rows: UserCredentials[] = await this.dataSource.query(`SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE email = $1`, [email]);
    return rows[0];
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const rows: UserRecord[] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0];
  }

  /** Newest first; `total` counts every account so a client can draw pagination. */
  async list(offset: number, limit: number): Promise<{ items: UserRecord[]; total: number }> {
    const [items, [count]] = await Promise.all([
      this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`, [limit, offset]) as Promise<UserRecord[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM users`) as Promise<[{ total: number }]>,
    ]);
    return { items, total: count.total };
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [id, passwordHash]);
  }

  async recordLogin(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [id]);
  }
}
