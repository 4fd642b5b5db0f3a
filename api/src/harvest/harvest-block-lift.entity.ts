import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** The latest lift of one client's block, read by instances that keep blocks in memory. */
@Entity({ name: 'harvest_block_lifts' })
@Index('harvest_block_lifts_lifted_by_idx', ['liftedBy'])
export class HarvestBlockLiftEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'harvest_block_lifts_pkey' })
  client!: string;

  @Column({ name: 'lifted_at', type: 'timestamptz', default: () => 'now()' })
  liftedAt!: Date;

  @ForeignKey(() => UserEntity, { name: 'harvest_block_lifts_lifted_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'lifted_by', type: 'uuid', nullable: true })
  liftedBy!: string | null;
}
