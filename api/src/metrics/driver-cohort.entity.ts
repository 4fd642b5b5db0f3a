import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Drivers whose first paid booking was in `cohort_month` and who had one in `active_month`. */
@Entity({ name: 'metrics_driver_cohorts' })
export class DriverCohortEntity {
  @PrimaryColumn({ name: 'cohort_month', type: 'date', primaryKeyConstraintName: 'metrics_driver_cohorts_pkey' })
  cohortMonth!: string;

  @PrimaryColumn({ name: 'active_month', type: 'date', primaryKeyConstraintName: 'metrics_driver_cohorts_pkey' })
  activeMonth!: string;

  /** The writing backend's slot (its pid), folded into 0 by metrics_fold_rollups: readers sum over slots. */
  @PrimaryColumn({ type: 'integer', default: 0, primaryKeyConstraintName: 'metrics_driver_cohorts_pkey' })
  slot!: number;

  @Column({ type: 'integer' })
  drivers!: number;
}
