import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';

/** Ledger money per city, currency, space type and local day (the facility's calendar). Written by the ledger triggers. */
@Entity({ name: 'metrics_city_revenue_daily' })
export class CityRevenueDailyEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'metrics_city_revenue_daily_pkey' })
  day!: string;

  @PrimaryColumn({ name: 'country_code', type: 'char', length: 2, primaryKeyConstraintName: 'metrics_city_revenue_daily_pkey' })
  countryCode!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'metrics_city_revenue_daily_pkey' })
  city!: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'metrics_city_revenue_daily_pkey' })
  currency!: string;

  @PrimaryColumn({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type', primaryKeyConstraintName: 'metrics_city_revenue_daily_pkey' })
  spaceType!: SpaceType;

  /** The writing backend's slot (its pid), folded into 0 by metrics_fold_rollups: readers sum over slots. */
  @PrimaryColumn({ type: 'integer', default: 0, primaryKeyConstraintName: 'metrics_city_revenue_daily_pkey' })
  slot!: number;

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
