import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { ReportSubscriptionEntity } from './report-subscription.entity.js';

/** One month's report of one subscription: the primary key lets it be enqueued once only. */
@Entity({ name: 'report_subscription_deliveries' })
@Index('report_subscription_deliveries_outbox_idx', ['outboxId'])
export class ReportSubscriptionDeliveryEntity {
  @ForeignKey(() => ReportSubscriptionEntity, { name: 'report_subscription_deliveries_subscription_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'subscription_id', type: 'uuid', primaryKeyConstraintName: 'report_subscription_deliveries_pkey' })
  subscriptionId!: string;

  /** The first day of the month the report covers. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'report_subscription_deliveries_pkey' })
  month!: string;

  @ForeignKey(() => OutboxMessageEntity, { name: 'report_subscription_deliveries_outbox_id_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'outbox_id', type: 'bigint', nullable: true })
  outboxId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
