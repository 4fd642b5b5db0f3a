import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One API process's heartbeat row (see migration 1795502200000): written by its own process only. */
@Entity({ name: 'api_instances' })
@Index('api_instances_heartbeat_idx', ['heartbeatAt'])
@Index('api_instances_host_port_idx', ['host', 'port', 'startedAt'])
export class ApiInstanceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'api_instances_pkey' })
  id!: string;

  @Column({ type: 'text' })
  host!: string;

  @Column({ type: 'integer' })
  pid!: number;

  @Column({ type: 'integer' })
  port!: number;

  @Column({ type: 'text' })
  version!: string;

  @Column({ name: 'heartbeat_ms', type: 'integer' })
  heartbeatMs!: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'heartbeat_at', type: 'timestamptz', default: () => 'now()' })
  heartbeatAt!: Date;

  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  snapshot!: unknown;
}
