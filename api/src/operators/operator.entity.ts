import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OPERATOR_STATUSES, type MaskedPayoutAccount, type OperatorStatus } from '@aiparksit/shared';
import { UserEntity } from '../users/user.entity.js';

/**
 * An operator company and its onboarding application in one row, from draft to review. The
 * payout account is kept masked (kind, holder, country, bank hint, last 4), never the number.
 */
@Entity({ name: 'operators' })
@Unique('operators_owner_key', ['ownerId'])
@Index('operators_status_submitted_idx', ['status', 'submittedAt'])
export class OperatorEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'operators_pkey' })
  id!: string;

  @ForeignKey(() => UserEntity, { name: 'operators_owner_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ name: 'legal_name', type: 'text' })
  legalName!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'contact_email', type: 'citext', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'enum', enum: OPERATOR_STATUSES, enumName: 'operator_status', default: 'draft' })
  status!: OperatorStatus;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @ForeignKey(() => UserEntity, { name: 'operators_reviewed_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'tax_id', type: 'text', nullable: true })
  taxId!: string | null;

  @Column({ name: 'payout_kind', type: 'text', nullable: true })
  payoutKind!: MaskedPayoutAccount['kind'] | null;

  @Column({ name: 'payout_holder_name', type: 'text', nullable: true })
  payoutHolderName!: string | null;

  @Column({ name: 'payout_country', type: 'char', length: 2, nullable: true })
  payoutCountry!: string | null;

  @Column({ name: 'payout_bank_hint', type: 'text', nullable: true })
  payoutBankHint!: string | null;

  @Column({ name: 'payout_last4', type: 'char', length: 4, nullable: true })
  payoutLast4!: string | null;

  @Column({ name: 'payout_account_changed_at', type: 'timestamptz', nullable: true })
  payoutAccountChangedAt!: Date | null;

  @Column({ name: 'terms_accepted_at', type: 'timestamptz', nullable: true })
  termsAcceptedAt!: Date | null;

  @Column({ name: 'terms_version', type: 'text', nullable: true })
  termsVersion!: string | null;
}
