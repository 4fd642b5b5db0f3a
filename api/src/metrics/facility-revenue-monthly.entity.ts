import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { FacilityEntity } from '../facilities/facility.entity.js';

/** Ledger money per facility, currency and local month: the whole months of a period for the top lists. */
@Entity({ name: 'metrics_facility_revenue_monthly' })
export class FacilityRevenueMonthlyEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'metrics_facility_revenue_monthly_pkey' })
  month!: string;

  @ForeignKey(() => FacilityEntity, { name: 'metrics_facility_revenue_monthly_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'metrics_facility_revenue_monthly_pkey' })
  facilityId!: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'metrics_facility_revenue_monthly_pkey' })
  currency!: string;

  @Column({ name: 'operator_id', type: 'uuid' })
  operatorId!: string;

  @Column({ name: 'gross_cents', type: 'bigint' })
  grossCents!: string;

  @Column({ name: 'fee_cents', type: 'bigint' })
  feeCents!: string;

  /** Zero or negative. */
  @Column({ name: 'refund_cents', type: 'bigint' })
  refundCents!: string;

  /** Zero or negative. */
  @Column({ name: 'refund_fee_cents', type: 'bigint' })
  refundFeeCents!: string;

  @Column({ name: 'paid_bookings', type: 'integer' })
  paidBookings!: number;
}
