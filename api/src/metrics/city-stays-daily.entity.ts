import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';

/** Booked space-time (confirmed and completed bookings) and paid bookings cancelled, per city, space type and local day. */
@Entity({ name: 'metrics_city_stays_daily' })
export class CityStaysDailyEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'metrics_city_stays_daily_pkey' })
  day!: string;

  @PrimaryColumn({ name: 'country_code', type: 'char', length: 2, primaryKeyConstraintName: 'metrics_city_stays_daily_pkey' })
  countryCode!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'metrics_city_stays_daily_pkey' })
  city!: string;

  @PrimaryColumn({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type', primaryKeyConstraintName: 'metrics_city_stays_daily_pkey' })
  spaceType!: SpaceType;

  /** The writing backend's slot (its pid), folded into 0 by metrics_fold_rollups: readers sum over slots. */
  @PrimaryColumn({ type: 'integer', default: 0, primaryKeyConstraintName: 'metrics_city_stays_daily_pkey' })
  slot!: number;

  @Column({ name: 'booked_us', type: 'bigint' })
  bookedUs!: string;

  @Column({ name: 'cancelled_bookings', type: 'integer' })
  cancelledBookings!: number;
}
