import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** A user's monthly emailed report; `nextSendAt` is when the job sends the next one. */
@Entity({ name: 'report_subscriptions' })
@Unique('report_subscriptions_user_type_key', ['userId', 'reportType'])
@Index('report_subscriptions_due_idx', ['nextSendAt'])
export class ReportSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'report_subscriptions_pkey' })
  id!: string;

  @ForeignKey(() => UserEntity, { name: 'report_subscriptions_user_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'report_type', type: 'text' })
  reportType!: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'text' })
  comparison!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'next_send_at', type: 'timestamptz' })
  nextSendAt!: Date;
}
