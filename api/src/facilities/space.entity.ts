import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from './facility.entity.js';

/** One bookable bay of a facility. Deactivated spaces stay, so past bookings keep their space. */
@Entity({ name: 'spaces' })
@Unique('spaces_facility_label_key', ['facilityId', 'label'])
@Index('spaces_facility_type_idx', ['facilityId', 'spaceType'], { where: 'active' })
export class SpaceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'spaces_pkey' })
  id!: string;

  @ForeignKey(() => FacilityEntity, { name: 'spaces_facility_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type' })
  spaceType!: SpaceType;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
