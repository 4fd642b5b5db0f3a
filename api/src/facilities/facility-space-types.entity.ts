import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from './facility.entity.js';

/**
 * The space types a facility offers (of its active spaces, in the enum's order), for facility
 * summaries. Written only by the triggers of migration FacilitySpaceTypes1795503800000 (and its
 * `facility_space_types_rebuild()` after a bulk load); a facility without a row has none.
 */
@Entity({ name: 'facility_space_types' })
export class FacilitySpaceTypesEntity {
  @ForeignKey(() => FacilityEntity, { name: 'facility_space_types_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'facility_space_types_pkey' })
  facilityId!: string;

  @Column({ name: 'space_types', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type', array: true, default: () => `'{}'` })
  spaceTypes!: SpaceType[];
}
