import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { FacilityEntity } from '../facilities/facility.entity.js';

/**
 * Revenue of one facility on one local day, per currency. Written only by the ledger's
 * statement triggers (and the seed); read by analytics with hand-written SQL.
 */
@Entity({ name: 'analytics_revenue_daily' })
export class RevenueDailyEntity {
  @ForeignKey(() => FacilityEntity, { name: 'analytics_revenue_daily_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'analytics_revenue_daily_pkey' })
  facilityId!: string;

  /** The facility's local date. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'analytics_revenue_daily_pkey' })
  day!: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'analytics_revenue_daily_pkey' })
  currency!: string;

  @Column({ name: 'gross_cents', type: 'bigint', default: 0 })
  grossCents!: string;

  /** Zero or negative. */
  @Column({ name: 'refund_cents', type: 'bigint', default: 0 })
  refundCents!: string;

  @Column({ name: 'fee_cents', type: 'bigint', default: 0 })
  feeCents!: string;

  @Column({ name: 'net_cents', type: 'bigint', default: 0 })
  netCents!: string;

  @Column({ type: 'integer', default: 0 })
  bookings!: number;
}
