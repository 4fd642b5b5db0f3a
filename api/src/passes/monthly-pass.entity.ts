import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';
import { BookingEntity } from '../bookings/booking.entity.js';
import { FacilityEntity } from '../facilities/facility.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A monthly pass: the booking (`bookingId`) holds a space of the type for the whole period; the
 * pass's status, period, price and payment are that booking's.
 */
@Entity({ name: 'monthly_passes' })
@Unique('monthly_passes_booking_key', ['bookingId'])
@Index('monthly_passes_offer_month_idx', ['facilityId', 'spaceType', 'month'])
@Index('monthly_passes_driver_idx', ['driverId', 'month'])
export class MonthlyPassEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'monthly_passes_pkey' })
  id!: string;

  @ForeignKey(() => BookingEntity, { name: 'monthly_passes_booking_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @ForeignKey(() => UserEntity, { name: 'monthly_passes_driver_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'driver_id', type: 'uuid' })
  driverId!: string;

  @ForeignKey(() => FacilityEntity, { name: 'monthly_passes_facility_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type' })
  spaceType!: SpaceType;

  /** The first day of the calendar month at the facility. */
  @Column({ type: 'date' })
  month!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
