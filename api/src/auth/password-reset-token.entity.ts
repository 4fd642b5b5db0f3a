import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** The secret of an emailed password-reset link, stored only as its SHA-256; single use, expiring. */
@Entity({ name: 'password_reset_tokens' })
@Unique('password_reset_tokens_hash_key', ['tokenHash'])
@Index('password_reset_tokens_user_idx', ['userId', 'createdAt'])
export class PasswordResetTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'password_reset_tokens_pkey' })
  id!: string;

  @ForeignKey(() => UserEntity, { name: 'password_reset_tokens_user_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
