import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BookingEntity } from './booking.entity.js';

export const BOOKING_EXTENSION_STATUSES = ['pending_payment', 'confirmed', 'expired'] as const;
export type BookingExtensionStatus = (typeof BOOKING_EXTENSION_STATUSES)[number];

/** A later end for a paid booking, held on the same space (`bookings.extension_hold_end`) until paid. */
@Entity({ name: 'booking_extensions' })
@Index('booking_extensions_booking_idx', ['bookingId'])
@Index('booking_extensions_one_pending', ['bookingId'], { unique: true, where: "(status = 'pending_payment'::booking_extension_status)" })
@Index('booking_extensions_hold_expiry_idx', ['holdExpiresAt'], { where: "(status = 'pending_payment'::booking_extension_status)" })
export class BookingExtensionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'booking_extensions_pkey' })
  id!: string;

  @ForeignKey(() => BookingEntity, { name: 'booking_extensions_booking_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Column({ name: 'previous_end', type: 'timestamptz' })
  previousEnd!: Date;

  @Column({ name: 'new_end', type: 'timestamptz' })
  newEnd!: Date;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'enum', enum: BOOKING_EXTENSION_STATUSES, enumName: 'booking_extension_status', default: 'pending_payment' })
  status!: BookingExtensionStatus;

  @Column({ name: 'hold_expires_at', type: 'timestamptz', nullable: true })
  holdExpiresAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;
}
