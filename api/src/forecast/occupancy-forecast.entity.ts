import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { FacilityEntity } from '../facilities/facility.entity.js';

/** A facility's fitted occupancy model (api/src/forecast/occupancy-model.ts), refitted nightly. */
@Entity({ name: 'occupancy_forecasts' })
@Index('occupancy_forecasts_fitted_at_idx', ['fittedAt'])
export class OccupancyForecastEntity {
  @ForeignKey(() => FacilityEntity, { name: 'occupancy_forecasts_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'occupancy_forecasts_pkey' })
  facilityId!: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ type: 'timestamptz' })
  origin!: Date;

  @Column({ type: 'float8' })
  level!: number;

  @Column({ name: 'trend_per_week', type: 'float8' })
  trendPerWeek!: number;

  @Column({ name: 'trend_damping', type: 'float8' })
  trendDamping!: number;

  /** 168 slots, Monday 00:00 local first. */
  @Column({ type: 'float8', array: true })
  profile!: number[];

  @Column({ name: 'error_spread', type: 'float8', nullable: true })
  errorSpread!: number | null;

  @Column({ name: 'weeks_fitted', type: 'integer' })
  weeksFitted!: number;

  @Column({ name: 'fitted_at', type: 'timestamptz', default: () => 'now()' })
  fittedAt!: Date;
}
