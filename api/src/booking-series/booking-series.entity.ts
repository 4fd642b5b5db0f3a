import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SERIES_MODES, SPACE_TYPES, type SeriesMode, type SkippedOccurrence, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from '../facilities/facility.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A weekly pattern booked at once: its occurrences are ordinary bookings pointing here
 * (`bookings.series_id`). Written by the booking-series service, in the transaction that holds
 * the occurrences.
 */
@Entity({ name: 'booking_series' })
@Index('booking_series_driver_idempotency_key', ['driverId', 'idempotencyKey'], { unique: true, where: '(idempotency_key IS NOT NULL)' })
@Index('booking_series_driver_idx', ['driverId', 'createdAt'])
export class BookingSeriesEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'booking_series_pkey' })
  id!: string;

  @ForeignKey(() => UserEntity, { name: 'booking_series_driver_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'driver_id', type: 'uuid' })
  driverId!: string;

  @ForeignKey(() => FacilityEntity, { name: 'booking_series_facility_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type' })
  spaceType!: SpaceType;

  @Column({ name: 'vehicle_plate', type: 'text' })
  vehiclePlate!: string;

  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  @Column({ type: 'smallint', array: true })
  weekdays!: number[];

  /** Local wall-clock times at the facility. */
  @Column({ name: 'start_time', type: 'time' })
  startTime!: string;

  @Column({ name: 'end_time', type: 'time' })
  endTime!: string;

  @Column({ name: 'first_date', type: 'date' })
  firstDate!: string;

  @Column({ type: 'smallint' })
  weeks!: number;

  @Column({ type: 'enum', enum: SERIES_MODES, enumName: 'booking_series_mode' })
  mode!: SeriesMode;

  /** Occurrences of the pattern not held, with why (mode `free`). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  skipped!: SkippedOccurrence[];

  @Column({ name: 'total_cents', type: 'integer' })
  totalCents!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
