import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per email address (known or not, so the answer never tells which), shared by
 * every API instance: the count, and the lockout it has earned.
 */
@Entity({ name: 'login_throttle' })
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'citext', primaryKeyConstraintName: 'login_throttle_pkey' })
  email!: string;

  @Column({ type: 'integer', default: 0 })
  failures!: number;

  @Column({ name: 'last_failure_at', type: 'timestamptz', default: () => 'now()' })
  lastFailureAt!: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;
}
