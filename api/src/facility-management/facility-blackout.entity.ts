import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from '../facilities/facility.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A period in which a facility, one space type of it, or chosen spaces take no new bookings. */
@Entity({ name: 'facility_blackouts' })
@Index('facility_blackouts_facility_period_idx', ['facilityId', 'period'], { spatial: true })
export class FacilityBlackoutEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'facility_blackouts_pkey' })
  id!: string;

  @ForeignKey(() => FacilityEntity, { name: 'facility_blackouts_facility_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  /** Both scope columns null: the whole facility. */
  @Column({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type', nullable: true })
  spaceType!: SpaceType | null;

  @Column({ name: 'space_ids', type: 'uuid', array: true, nullable: true })
  spaceIds!: string[] | null;

  @Column({ type: 'tstzrange' })
  period!: string;

  @Column({ type: 'text', default: '' })
  reason!: string;

  @ForeignKey(() => UserEntity, { name: 'facility_blackouts_created_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
