import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Booked space-time of the whole platform per local day and local hour (the weekday × hour heatmap). */
@Entity({ name: 'metrics_demand_hourly' })
export class DemandHourlyEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'metrics_demand_hourly_pkey' })
  day!: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'metrics_demand_hourly_pkey' })
  hour!: number;

  /** The writing backend's slot (its pid), folded into 0 by metrics_fold_rollups: readers sum over slots. */
  @PrimaryColumn({ type: 'integer', default: 0, primaryKeyConstraintName: 'metrics_demand_hourly_pkey' })
  slot!: number;

  @Column({ name: 'booked_us', type: 'bigint' })
  bookedUs!: string;
}
