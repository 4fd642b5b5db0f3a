import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** One audited admin action (a quick action or an account change). Inserted, never updated. */
@Entity({ name: 'admin_audit' })
@Index('admin_audit_at_idx', ['at'])
@Index('admin_audit_action_at_idx', ['action', 'at'])
@Index('admin_audit_actor_idx', ['actorId'])
export class AdminAuditEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'admin_audit_pkey' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @ForeignKey(() => UserEntity, { name: 'admin_audit_actor_id_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
