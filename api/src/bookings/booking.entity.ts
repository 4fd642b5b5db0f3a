import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { BOOKING_STATUSES, SPACE_TYPES, type BookingStatus, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from '../facilities/facility.entity.js';
import { SpaceEntity } from '../facilities/space.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { BookingSeriesEntity } from '../booking-series/booking-series.entity.js';

/**
 * A booking of one space for a half-open period. That two live bookings of a space never overlap
 * is the exclusion constraint `bookings_no_overlap` on `occupied_period`, which only the
 * migrations hold (see the schema test's known differences); the application only words the refusal.
 */
@Entity({ name: 'bookings' })
@Unique('bookings_code_key', ['code'])
@Index('bookings_facility_period_idx', ['facilityId', 'occupiedPeriod'], {
  spatial: true,
  where: "(status = ANY (ARRAY['pending_payment'::booking_status, 'confirmed'::booking_status]))",
})
@Index('bookings_hold_expiry_idx', ['holdExpiresAt'], { where: "(status = 'pending_payment'::booking_status)" })
@Index('bookings_facility_created_idx', ['facilityId', 'createdAt'])
@Index('bookings_series_idx', ['seriesId'], { where: '(series_id IS NOT NULL)' })
@Index('bookings_driver_idempotency_key', ['driverId', 'idempotencyKey'], { unique: true, where: '(idempotency_key IS NOT NULL)' })
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'bookings_pkey' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @ForeignKey(() => UserEntity, { name: 'bookings_driver_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'driver_id', type: 'uuid' })
  driverId!: string;

  @ForeignKey(() => FacilityEntity, { name: 'bookings_facility_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @ForeignKey(() => SpaceEntity, { name: 'bookings_space_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'space_id', type: 'uuid' })
  spaceId!: string;

  @Column({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type' })
  spaceType!: SpaceType;

  /** The billed window, `[start, end)` as PostgreSQL writes a tstzrange. */
  @Column({ type: 'tstzrange' })
  period!: string;

  @Column({ type: 'enum', enum: BOOKING_STATUSES, enumName: 'booking_status', default: 'pending_payment' })
  status!: BookingStatus;

  @Column({ name: 'vehicle_plate', type: 'text' })
  vehiclePlate!: string;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'hold_expires_at', type: 'timestamptz', nullable: true })
  holdExpiresAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** The end of an extension held for payment; it stretches `occupied_period` meanwhile. */
  @Column({ name: 'extension_hold_end', type: 'timestamptz', nullable: true })
  extensionHoldEnd!: Date | null;

  /**
   * What the booking occupies: its period, stretched to a held extension's end. PostgreSQL
   * generates it (see the migrations); mapped read-only and not declared as generated, since
   * TypeORM would then keep a `typeorm_metadata` table of its own beside the migrated schema.
   */
  @Column({ name: 'occupied_period', type: 'tstzrange', insert: false, update: false })
  occupiedPeriod!: string;

  /** The Idempotency-Key the hold was made under: a retry after a crash finds it instead of holding another space. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  /** The weekly series the booking is an occurrence of (booking-series/); null for a single booking. */
  @ForeignKey(() => BookingSeriesEntity, { name: 'bookings_series_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId!: string | null;
}
