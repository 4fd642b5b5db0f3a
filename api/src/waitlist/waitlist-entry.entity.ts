import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SPACE_TYPES, WAITLIST_STATUSES, type SpaceType, type WaitlistStatus } from '@aiparksit/shared';
import { BookingEntity } from '../bookings/booking.entity.js';
import { FacilityEntity } from '../facilities/facility.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A driver waiting for a space of the type at a full car park, for one window. Written by the
 * waitlist service (join, leave) and by the SQL functions of migration Waitlist1795504100000
 * (offer, settle), which hold the rules of the line.
 */
@Entity({ name: 'waitlist_entries' })
@Unique('waitlist_entries_position_key', ['position'])
@Index('waitlist_entries_one_per_stay', ['driverId', 'facilityId', 'spaceType', 'period'], {
  unique: true,
  where: "(status = ANY (ARRAY['waiting'::waitlist_status, 'offered'::waitlist_status]))",
})
@Index('waitlist_entries_queue_idx', ['facilityId', 'spaceType', 'position'], { where: "(status = 'waiting'::waitlist_status)" })
@Index('waitlist_entries_offers_idx', ['bookingId'], { where: "(status = 'offered'::waitlist_status)" })
@Index('waitlist_entries_driver_idx', ['driverId', 'createdAt'])
export class WaitlistEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'waitlist_entries_pkey' })
  id!: string;

  /** The place in line: earlier joins are served first. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  position!: string;

  @ForeignKey(() => UserEntity, { name: 'waitlist_entries_driver_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'driver_id', type: 'uuid' })
  driverId!: string;

  @ForeignKey(() => FacilityEntity, { name: 'waitlist_entries_facility_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type' })
  spaceType!: SpaceType;

  @Column({ type: 'tstzrange' })
  period!: string;

  @Column({ name: 'vehicle_plate', type: 'text' })
  vehiclePlate!: string;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'enum', enum: WAITLIST_STATUSES, enumName: 'waitlist_status', default: 'waiting' })
  status!: WaitlistStatus;

  @ForeignKey(() => BookingEntity, { name: 'waitlist_entries_booking_id_fkey' })
  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @Column({ name: 'offered_at', type: 'timestamptz', nullable: true })
  offeredAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
