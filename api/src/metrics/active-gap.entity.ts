import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Members whose consecutive active days are `prev_day` and `next_day` (±infinity at the ends). */
@Entity({ name: 'metrics_active_gaps' })
@Index('metrics_active_gaps_next_idx', ['kind', 'nextDay', 'prevDay', 'members'])
export class ActiveGapEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'metrics_active_gaps_pkey' })
  kind!: string;

  @PrimaryColumn({ name: 'prev_day', type: 'date', primaryKeyConstraintName: 'metrics_active_gaps_pkey' })
  prevDay!: string;

  @PrimaryColumn({ name: 'next_day', type: 'date', primaryKeyConstraintName: 'metrics_active_gaps_pkey' })
  nextDay!: string;

  /** The writing backend's slot (its pid), folded into 0 by metrics_fold_rollups: readers sum over slots. */
  @PrimaryColumn({ type: 'integer', default: 0, primaryKeyConstraintName: 'metrics_active_gaps_pkey' })
  slot!: number;

  @Column({ type: 'integer' })
  members!: number;
}
