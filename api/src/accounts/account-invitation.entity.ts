import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** The secret of an emailed invitation link, stored only as its SHA-256; single use, expiring, revoked by a resend. */
@Entity({ name: 'account_invitations' })
@Unique('account_invitations_token_hash_key', ['tokenHash'])
@Index('account_invitations_user_idx', ['userId'])
@Index('account_invitations_created_by_idx', ['createdBy'])
export class AccountInvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'account_invitations_pkey' })
  id!: string;

  @ForeignKey(() => UserEntity, { name: 'account_invitations_user_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  /** The admin who sent it; null once that account is gone. */
  @ForeignKey(() => UserEntity, { name: 'account_invitations_created_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** A newer invitation replaced this one. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
