import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MetricsComparison, ReportType } from '@aiparksit/shared';
import { changedRows } from '../database/index.js';

export interface ReportSubscriptionRecord {
  id: string;
  userId: string;
  type: ReportType;
  timeZone: string;
  comparison: MetricsComparison;
  createdAt: Date;
  nextSendAt: Date;
  /** `YYYY-MM` of the last month whose email was sent. */
  lastSentMonth: string | null;
}

/** A due subscription as the job claims it, with whether its owner may still receive reports. */
export interface DueSubscription {
  id: string;
  userId: string;
  type: ReportType;
  timeZone: string;
  comparison: MetricsComparison;
  /** Active account with the investor or admin role. */
  eligible: boolean;
  /** The database's clock for the claiming transaction. */
  now: Date;
}

const SUBSCRIPTION_COLUMNS = `s.id, s.user_id AS "userId", s.report_type AS type, s.time_zone AS "timeZone", s.comparison,
       s.created_at AS "createdAt", s.next_send_at AS "nextSendAt",
       (SELECT to_char(max(d.month), 'YYYY-MM') FROM report_subscription_deliveries d JOIN outbox o ON o.id = d.outbox_id
         WHERE d.subscription_id = s.id AND o.status = 'sent') AS "lastSentMonth"`;

/** SQL of monthly report subscriptions and the months already enqueued for them. */
@Injectable()
export class ReportSubscriptionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  listOfUser(userId: string): Promise<ReportSubscriptionRecord[]> {
    return this.dataSource.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM report_subscriptions s WHERE s.user_id = $1 ORDER BY s.created_at, s.id`, [userId]);
  }

  async findOfUser(userId: string, id: string): Promise<ReportSubscriptionRecord | undefined> {
    const rows: ReportSubscriptionRecord[] = await this.dataSource.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM report_subscriptions s WHERE s.id = $1 AND s.user_id = $2`,
      [id, userId],
    );
    return rows[0];
  }

  /** Throws 23505 on `report_subscriptions_user_type_key` when the user already has one of this type. */
  async insert(subscription: { userId: string; type: ReportType; timeZone: string; comparison: MetricsComparison; nextSendAt: Date }): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO report_subscriptions (user_id, report_type, time_zone, comparison, next_send_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [subscription.userId, subscription.type, subscription.timeZone, subscription.comparison, subscription.nextSendAt],
    );
    return rows[0]!.id;
  }

  async deleteOfUser(userId: string, id: string): Promise<boolean> {
    const deleted = await changedRows(this.dataSource, `DELETE FROM report_subscriptions WHERE id = $1 AND user_id = $2 RETURNING id`, [id, userId]);
    return deleted.length > 0;
  }

  /**
   * Locks up to `limit` due subscriptions for the caller's transaction. SKIP LOCKED lets every
   * API instance run the job at once: each takes rows no other holds, and the transaction moves
   * `next_send_at` on before it lets go, so a row is never due twice for the same month.
   */
  claimDue(manager: EntityManager, limit: number): Promise<DueSubscription[]> {
    return manager.query(
      `SELECT s.id, s.user_id AS "userId", s.report_type AS type, s.time_zone AS "timeZone", s.comparison,
              (u.disabled_at IS NULL AND u.role IN ('investor', 'admin')) AS eligible, now() AS now
         FROM report_subscriptions s
         JOIN users u ON u.id = s.user_id
        WHERE s.next_send_at <= now()
        ORDER BY s.next_send_at, s.id
        LIMIT $1
        FOR UPDATE OF s SKIP LOCKED`,
      [limit],
    );
  }

  /** True when `month` (its first day) had not been recorded for the subscription yet. */
  async recordMonth(manager: EntityManager, subscriptionId: string, month: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO report_subscription_deliveries (subscription_id, month) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING subscription_id`,
      [subscriptionId, month],
    );
    return rows.length > 0;
  }

  async linkOutbox(manager: EntityManager, subscriptionId: string, month: string, outboxId: string): Promise<void> {
    await manager.query(`UPDATE report_subscription_deliveries SET outbox_id = $3 WHERE subscription_id = $1 AND month = $2`, [
      subscriptionId,
      month,
      outboxId,
    ]);
  }

  async reschedule(manager: EntityManager, subscriptionId: string, nextSendAt: Date): Promise<void> {
    await manager.query(`UPDATE report_subscriptions SET next_send_at = $2 WHERE id = $1`, [subscriptionId, nextSendAt]);
  }
}
