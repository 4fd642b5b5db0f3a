import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { FacilityEntity } from '../facilities/facility.entity.js';

/** Booked space-microseconds per local hour, summed over one ISO weekday of one local month. Trigger-written. */
@Entity({ name: 'analytics_occupancy_weekdays' })
export class OccupancyWeekdayEntity {
  @ForeignKey(() => FacilityEntity, { name: 'analytics_occupancy_weekdays_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'analytics_occupancy_weekdays_pkey' })
  facilityId!: string;

  /** The first day of the month. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'analytics_occupancy_weekdays_pkey' })
  month!: string;

  /** ISO weekday, 1 (Monday) to 7. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'analytics_occupancy_weekdays_pkey' })
  weekday!: number;

  @Column({ name: 'booked_us_by_hour', type: 'bigint', array: true })
  bookedUsByHour!: string[];
}
