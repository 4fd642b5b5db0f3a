import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ROLES, type Role } from '@aiparksit/shared';

/** Accounts created per role and UTC hour. */
@Entity({ name: 'metrics_signups_hourly' })
export class SignupsHourlyEntity {
  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'metrics_signups_hourly_pkey' })
  hour!: Date;

  @PrimaryColumn({ type: 'enum', enum: ROLES, enumName: 'user_role', primaryKeyConstraintName: 'metrics_signups_hourly_pkey' })
  role!: Role;

  @Column({ type: 'integer' })
  users!: number;
}
