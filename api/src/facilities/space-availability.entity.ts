import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';
import { SpaceEntity } from './space.entity.js';

/**
 * The availability read model, one row per space: the periods it cannot be booked for (its live
 * bookings' occupied periods and the blackouts that take it). Written only by the triggers of
 * migration SpaceAvailability1795503500000; read through `availability-sql.ts`.
 */
@Entity({ name: 'space_availability' })
@Index('space_availability_facility_type_idx', ['facilityId', 'spaceType'], { where: 'active' })
export class SpaceAvailabilityEntity {
  @ForeignKey(() => SpaceEntity, { name: 'space_availability_space_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'space_id', type: 'uuid', primaryKeyConstraintName: 'space_availability_pkey' })
  spaceId!: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type' })
  spaceType!: SpaceType;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'tstzmultirange', default: () => `'{}'` })
  busy!: string;
}
