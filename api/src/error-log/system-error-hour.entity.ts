import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One fingerprint's count in one UTC hour, for exact 24-hour counts and slow-statement figures. */
@Entity({ name: 'system_error_hours' })
@Index('system_error_hours_hour_idx', ['hour'])
export class SystemErrorHourEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'system_error_hours_pkey' })
  fingerprint!: string;

  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'system_error_hours_pkey' })
  hour!: Date;

  @Column({ type: 'bigint' })
  count!: string;

  @Column({ name: 'total_ms', type: 'double precision', default: 0 })
  totalMs!: number;

  @Column({ name: 'max_ms', type: 'double precision', default: 0 })
  maxMs!: number;
}
