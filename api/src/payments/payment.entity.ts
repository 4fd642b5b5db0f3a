import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentStatus } from '@aiparksit/shared';
import { BookingExtensionEntity } from '../bookings/booking-extension.entity.js';
import { BookingEntity } from '../bookings/booking.entity.js';

export const PAYMENT_STATUSES = ['succeeded', 'declined', 'failed', 'refunded', 'partially_refunded'] as const satisfies readonly PaymentStatus[];

/**
 * A charge attempt for a booking or one of its extensions. The partial unique indexes are the
 * last word on "one successful payment each", whatever a client retries.
 */
@Entity({ name: 'payments' })
@Index('payments_booking_idx', ['bookingId'])
@Index('payments_one_success_per_booking', ['bookingId'], {
  unique: true,
  where: "((extension_id IS NULL) AND (status = ANY (ARRAY['succeeded'::payment_status, 'refunded'::payment_status, 'partially_refunded'::payment_status])))",
})
@Index('payments_one_success_per_extension', ['extensionId'], {
  unique: true,
  where:
    "((extension_id IS NOT NULL) AND (status = ANY (ARRAY['succeeded'::payment_status, 'refunded'::payment_status, 'partially_refunded'::payment_status])))",
})
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'payments_pkey' })
  id!: string;

  @ForeignKey(() => BookingEntity, { name: 'payments_booking_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  /** Null for the booking's own payment; set when the payment is for an extension. */
  @ForeignKey(() => BookingExtensionEntity, { name: 'payments_extension_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'extension_id', type: 'uuid', nullable: true })
  extensionId!: string | null;

  @Column({ type: 'text' })
  provider!: string;

  @Column({ name: 'provider_ref', type: 'text', nullable: true })
  providerRef!: string | null;

  @Column({ type: 'enum', enum: PAYMENT_STATUSES, enumName: 'payment_status' })
  status!: PaymentStatus;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ name: 'refunded_cents', type: 'integer', default: 0 })
  refundedCents!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'card_brand', type: 'text', nullable: true })
  cardBrand!: string | null;

  @Column({ name: 'card_last4', type: 'char', length: 4, nullable: true })
  cardLast4!: string | null;

  @Column({ name: 'failure_code', type: 'text', nullable: true })
  failureCode!: string | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** The Idempotency-Key the payment was made under: a retry after a crash finds it instead of charging again. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;
}
