import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SPACE_TYPES, type RateMultiplier, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from './facility.entity.js';

/** The price of one space type at one facility: hourly, an optional daily cap, time-of-day multipliers. */
@Entity({ name: 'rates' })
@Unique('rates_facility_type_key', ['facilityId', 'spaceType'])
export class RateEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'rates_pkey' })
  id!: string;

  @ForeignKey(() => FacilityEntity, { name: 'rates_facility_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type' })
  spaceType!: SpaceType;

  @Column({ name: 'hourly_cents', type: 'integer' })
  hourlyCents!: number;

  @Column({ name: 'daily_max_cents', type: 'integer', nullable: true })
  dailyMaxCents!: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  multipliers!: RateMultiplier[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
