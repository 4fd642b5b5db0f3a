import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ROLES, type Role } from '@aiparksit/shared';

/** Accounts created per role and UTC hour. */
@Entity({ name: 'metrics_signups_hourly' })
export class SignupsHourlyEntity {
  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'metrics_signups_hourly_pkey' })
  hour!: Date;

  @PrimaryColumn({ type: 'enum', enum: ROLES, enumName: 'user_role', primaryKeyConstraintName: 'metrics_signups_hourly_pkey' })
  role!: Role;

  /** The writing backend's slot (its pid), folded into 0 by metrics_fold_rollups: readers sum over slots. */
  @PrimaryColumn({ type: 'integer', default: 0, primaryKeyConstraintName: 'metrics_signups_hourly_pkey' })
  slot!: number;

  @Column({ type: 'integer' })
  users!: number;
}
