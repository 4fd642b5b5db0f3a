import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { FacilityEntity } from '../facilities/facility.entity.js';

/** Booked space-microseconds of one facility on one local day, in all and per local hour. Trigger-written. */
@Entity({ name: 'analytics_occupancy_daily' })
export class OccupancyDailyEntity {
  @ForeignKey(() => FacilityEntity, { name: 'analytics_occupancy_daily_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'analytics_occupancy_daily_pkey' })
  facilityId!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'analytics_occupancy_daily_pkey' })
  day!: string;

  @Column({ name: 'booked_us', type: 'bigint' })
  bookedUs!: string;

  /** 24 slots, one per local hour. */
  @Column({ name: 'booked_us_by_hour', type: 'bigint', array: true })
  bookedUsByHour!: string[];
}
