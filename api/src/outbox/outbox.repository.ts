import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutboxMessage } from './outbox-handler.js';
import { changedRows } from '../database/index.js';
import { withLinkOrigin } from './link-origin.js';

export interface ClaimedMessage extends OutboxMessage {
  claimToken: string;
}

export interface EnqueuedMessage {
  id: string;
  status: 'pending' | 'sent' | 'failed';
}

export interface ClaimOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  maxAttempts: number;
}

/** Outcomes are recorded only by the worker whose claim is current; a stale worker changes nothing. */
const CURRENT_CLAIM = `id = $1 AND claim_token = $2 AND status = 'pending'`;

/** SQL of the outbox table: enqueue, claim with a lease, record the outcome. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Pass the transaction's manager so the message commits (or not) with the change it reports. */
  async enqueue(kind: string, payload: unknown, manager: EntityManager = this.dataSource.manager): Promise<EnqueuedMessage> {
    const rows: EnqueuedMessage[] = await manager.query(
      `INSERT INTO outbox (kind, payload) VALUES ($1, $2::jsonb) RETURNING id::text AS id, status::text AS status`,
      [kind, JSON.stringify(isPlainObject(payload) ? withLinkOrigin(payload) : payload)],
    );
    return rows[0]!;
  }

  /**
   * Claims due messages in one short transaction. SKIP LOCKED lets workers claim side by side
   * without waiting on each other; moving `next_attempt_at` to the end of the lease keeps the row
   * from being due again while its worker sends it. If the worker dies, the lease runs out and the
   * row is due again: at-least-once delivery. The attempt is counted at claim time, so a message
   * that crashes its worker every time still reaches the attempt limit.
   */
  async claimDue({ workerId, limit, leaseMs, maxAttempts }: ClaimOptions): Promise<ClaimedMessage[]> {
    return changedRows<ClaimedMessage>(
      this.dataSource,
      `WITH due AS (
         SELECT id FROM outbox
          WHERE status = 'pending' AND next_attempt_at <= now() AND attempts < $3
          ORDER BY next_attempt_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox o
          SET attempts = o.attempts + 1,
              claim_token = gen_random_uuid(),
              claimed_by = $1,
              claimed_at = now(),
              next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
         FROM due
        WHERE o.id = due.id
      RETURNING o.id::text AS id, o.kind, o.payload, o.attempts, o.created_at AS "createdAt", o.claim_token::text AS "claimToken"`,
      [workerId, limit, maxAttempts, leaseMs],
    );
  }

  /** True when this worker's claim was still current and the message is now sent. */
  async markSent(id: string, claimToken: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`UPDATE outbox SET status = 'sent', sent_at = now(), claim_token = NULL WHERE ${CURRENT_CLAIM}`, [
      id,
      claimToken,
    ]);
    return count > 0;
  }

  async scheduleRetry(id: string, claimToken: string, delayMs: number, error: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      `UPDATE outbox SET next_attempt_at = now() + make_interval(secs => $3::double precision / 1000), last_error = $4, claim_token = NULL
        WHERE ${CURRENT_CLAIM}`,
      [id, claimToken, delayMs, error],
    );
    return count > 0;
  }

  async markFailed(id: string, claimToken: string, error: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`UPDATE outbox SET status = 'failed', last_error = $3, claim_token = NULL WHERE ${CURRENT_CLAIM}`, [
      id,
      claimToken,
      error,
    ]);
    return count > 0;
  }

  /**
   * Messages whose last allowed attempt never reported back (the worker died) would stay pending
   * for ever, since claiming stops at the attempt limit: once their lease is over they fail.
   */
  async failAbandoned(maxAttempts: number): Promise<number> {
    const [, count] = await this.dataSource.query(
      `UPDATE outbox SET status = 'failed', claim_token = NULL,
              last_error = coalesce(last_error || '; ', '') || 'the worker of the last attempt stopped before reporting back'
        WHERE status = 'pending' AND attempts >= $1 AND next_attempt_at <= now()`,
      [maxAttempts],
    );
    return count;
  }

  /** Failed messages due again now with their attempts reset (the admin's "retry failed emails"); answers their ids. */
  async requeueFailed(): Promise<string[]> {
    const rows = await changedRows<{ id: string }>(
      this.dataSource,
      `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), claim_token = NULL, claimed_by = NULL, claimed_at = NULL
        WHERE status = 'failed' RETURNING id::text AS id`,
      [],
    );
    return rows.map((r) => r.id);
  }

  async status(id: string): Promise<EnqueuedMessage | undefined> {
    const rows: EnqueuedMessage[] = await this.dataSource.query(`SELECT id::text AS id, status::text AS status FROM outbox WHERE id = $1`, [id]);
    return rows[0];
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
