import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BookingEntity } from '../bookings/booking.entity.js';
import { FacilityEntity } from '../facilities/facility.entity.js';
import { OperatorEntity } from '../operators/operator.entity.js';
import { PaymentEntity } from './payment.entity.js';

export const LEDGER_ACCOUNTS = ['gross', 'platform_fee', 'operator_net', 'refund', 'refund_platform_fee', 'refund_operator_net'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

/**
 * One line of the money ledger: charges positive, refunds negative, so an account's sum is its
 * balance. Amounts are bigint (platform-wide sums must not overflow), which pg hands over as strings.
 */
@Entity({ name: 'ledger_entries' })
@Index('ledger_entries_booking_idx', ['bookingId'])
@Index('ledger_entries_facility_time_idx', ['facilityId', 'occurredAt'])
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'ledger_entries_pkey' })
  id!: string;

  @ForeignKey(() => BookingEntity, { name: 'ledger_entries_booking_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @ForeignKey(() => PaymentEntity, { name: 'ledger_entries_payment_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId!: string | null;

  @ForeignKey(() => OperatorEntity, { name: 'ledger_entries_operator_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'operator_id', type: 'uuid' })
  operatorId!: string;

  @ForeignKey(() => FacilityEntity, { name: 'ledger_entries_facility_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ type: 'enum', enum: LEDGER_ACCOUNTS, enumName: 'ledger_account' })
  account!: LedgerAccount;

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;
}
