import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntry, AuditPage } from '@aiparksit/shared';
import { AuditRepository, type AuditRow } from './audit.repository.js';

export interface AuditRecordInput {
  /** The admin who acted; null for the system itself. */
  actorId: string | null;
  action: AuditAction;
  /** What it acted on: an account id, a client, a day range. */
  target?: string | null;
  outcome: 'succeeded' | 'failed';
  message: string;
  details?: Record<string, unknown>;
}

export interface AuditListInput {
  /** 1-based. */
  page: number;
  pageSize: number;
  action?: AuditAction;
}

/** Cut to the columns' limits rather than lose the entry to a CHECK violation. */
const MAX_TARGET = 500;
const MAX_MESSAGE = 2000;

/**
 * The admins' audit log (who, when, what, outcome). Every quick action and account change calls
 * `record` once it knows its outcome, failures included: an action that failed is audited too.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly repository: AuditRepository) {}

  async record(input: AuditRecordInput): Promise<AuditEntry> {
    const row = await this.repository.insert({
      actorId: input.actorId,
      action: input.action,
      target: input.target == null ? null : input.target.slice(0, MAX_TARGET),
      outcome: input.outcome,
      message: input.message.slice(0, MAX_MESSAGE),
      details: input.details ?? {},
    });
    return toEntry(row);
  }

  async list({ page, pageSize, action }: AuditListInput): Promise<AuditPage> {
    const { rows, total } = await this.repository.list((page - 1) * pageSize, pageSize, action);
    return { items: rows.map(toEntry), total };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: row.actorId === null ? null : { id: row.actorId, email: row.actorEmail ?? '', name: row.actorName ?? '' },
    action: row.action as AuditAction,
    target: row.target,
    outcome: row.outcome,
    message: row.message,
    details: row.details,
  };
}
