import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A driver's or operator's local day with at least one paid booking (first payments only). */
@Entity({ name: 'metrics_active_days' })
export class ActiveDayEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'metrics_active_days_pkey' })
  kind!: string;

  @PrimaryColumn({ name: 'member_id', type: 'uuid', primaryKeyConstraintName: 'metrics_active_days_pkey' })
  memberId!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'metrics_active_days_pkey' })
  day!: string;

  @Column({ name: 'paid_bookings', type: 'integer' })
  paidBookings!: number;
}
