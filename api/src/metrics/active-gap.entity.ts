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

  @Column({ type: 'integer' })
  members!: number;
}
