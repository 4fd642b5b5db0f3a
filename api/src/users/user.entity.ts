import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ROLES, type Role } from '@aiparksit/shared';

/** An account. Emails are citext: unique whatever their case, by constraint rather than pre-check. */
@Entity({ name: 'users' })
@Unique('users_email_key', ['email'])
// The admin's account list: newest first, all or by role (the search's trigram index is in the migration only).
@Index('users_created_at_idx', ['createdAt', 'id'])
@Index('users_role_created_at_idx', ['role', 'createdAt', 'id'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' })
  id!: string;

  @Column({ type: 'citext' })
  email!: string;

  /** NULL while an invited account waits for its owner to choose a password: nothing signs in to it. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role!: Role;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /** When the owner proved the address by the emailed link; an unverified account cannot book. */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
