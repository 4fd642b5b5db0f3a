import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface NewAuditRow {
  actorId: string | null;
  action: string;
  target: string | null;
  outcome: 'succeeded' | 'failed';
  message: string;
  details: Record<string, unknown>;
}

/** A row joined with its actor (null once the account is gone). */
export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  outcome: 'succeeded' | 'failed';
  message: string;
  details: Record<string, unknown>;
}

/** Rows of `source` (the table, or the CTE of an insert) as `a`, with their actor. */
const selectRows = (source: string) => `
  SELECT a.id::text AS id, a.at, a.actor_id AS "actorId", u.email::text AS "actorEmail", u.name AS "actorName",
         a.action, a.target, a.outcome, a.message, a.details
    FROM ${source} a LEFT JOIN users u ON u.id = a.actor_id`;

/** The audit log is append-only: an insert and a paged read, newest first. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(row: NewAuditRow): Promise<AuditRow> {
    const rows: AuditRow[] = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO admin_audit (actor_id, action, target, outcome, message, details)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING *
       )
       ${selectRows('inserted')}`,
      [row.actorId, row.action, row.target, row.outcome, row.message, JSON.stringify(row.details)],
    );
    return rows[0]!;
  }

  async list(offset: number, limit: number, action: string | undefined): Promise<{ rows: AuditRow[]; total: number }> {
    const filter = action === undefined ? '' : 'WHERE a.action = $3';
    const params: unknown[] = action === undefined ? [limit, offset] : [limit, offset, action];
    const [rows, count] = await Promise.all([
      this.dataSource.query(`${selectRows('admin_audit')} ${filter} ORDER BY a.at DESC, a.id DESC LIMIT $1 OFFSET $2`, params) as Promise<AuditRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM admin_audit a ${action === undefined ? '' : 'WHERE a.action = $1'}`,
        action === undefined ? [] : [action],
      ) as Promise<{ total: number }[]>,
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }
}
