import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { OperatorEntity } from '../operators/operator.entity.js';

/** When an operator first had a facility published and its first paid booking (the funnel's last steps). */
@Entity({ name: 'metrics_operator_milestones' })
export class OperatorMilestoneEntity {
  @ForeignKey(() => OperatorEntity, { name: 'metrics_operator_milestones_operator_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'operator_id', type: 'uuid', primaryKeyConstraintName: 'metrics_operator_milestones_pkey' })
  operatorId!: string;

  @Column({ name: 'first_published_at', type: 'timestamptz', nullable: true })
  firstPublishedAt!: Date | null;

  @Column({ name: 'first_paid_at', type: 'timestamptz', nullable: true })
  firstPaidAt!: Date | null;
}
