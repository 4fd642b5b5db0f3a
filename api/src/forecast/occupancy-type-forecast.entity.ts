import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from '../facilities/facility.entity.js';

/** The fitted occupancy model of one space type of a facility (as OccupancyForecastEntity, per type), refitted nightly. */
@Entity({ name: 'occupancy_type_forecasts' })
export class OccupancyTypeForecastEntity {
  @ForeignKey(() => FacilityEntity, { name: 'occupancy_type_forecasts_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'occupancy_type_forecasts_pkey' })
  facilityId!: string;

  @PrimaryColumn({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type', primaryKeyConstraintName: 'occupancy_type_forecasts_pkey' })
  spaceType!: SpaceType;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  /** Active spaces of the type when fitted. */
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
