import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One fingerprint's errors over all instances (see migration SystemErrors1795502410000). */
@Entity({ name: 'system_error_groups' })
@Index('system_error_groups_last_at_idx', ['lastAt'])
export class SystemErrorGroupEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'system_error_groups_pkey' })
  fingerprint!: string;

  @Column({ type: 'text' })
  service!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'bigint' })
  count!: string;

  @Column({ name: 'first_at', type: 'timestamptz' })
  firstAt!: Date;

  @Column({ name: 'last_at', type: 'timestamptz' })
  lastAt!: Date;

  @Column({ name: 'last_request_id', type: 'text', nullable: true })
  lastRequestId!: string | null;

  @Column({ name: 'last_route', type: 'text', nullable: true })
  lastRoute!: string | null;

  @Column({ name: 'last_instance', type: 'text', nullable: true })
  lastInstance!: string | null;

  @Column({ type: 'boolean', default: false })
  critical!: boolean;
}
