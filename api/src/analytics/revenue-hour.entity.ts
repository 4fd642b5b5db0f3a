import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { FacilityEntity } from '../facilities/facility.entity.js';

/** Revenue of one facility in one local hour, per currency: hour series and partial days. Trigger-written. */
@Entity({ name: 'analytics_revenue_hours' })
export class RevenueHourEntity {
  @ForeignKey(() => FacilityEntity, { name: 'analytics_revenue_hours_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'analytics_revenue_hours_pkey' })
  facilityId!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'analytics_revenue_hours_pkey' })
  day!: string;

  /** 0–23 on the facility's clock. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'analytics_revenue_hours_pkey' })
  hour!: number;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'analytics_revenue_hours_pkey' })
  currency!: string;

  @Column({ name: 'gross_cents', type: 'bigint', default: 0 })
  grossCents!: string;

  @Column({ name: 'refund_cents', type: 'bigint', default: 0 })
  refundCents!: string;

  @Column({ name: 'fee_cents', type: 'bigint', default: 0 })
  feeCents!: string;

  @Column({ name: 'net_cents', type: 'bigint', default: 0 })
  netCents!: string;

  @Column({ type: 'integer', default: 0 })
  bookings!: number;
}
