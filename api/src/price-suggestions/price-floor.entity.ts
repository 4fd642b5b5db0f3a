import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from '../facilities/facility.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** The lowest hourly price (minor units) price suggestions may set for a space type of a facility. */
@Entity({ name: 'price_floors' })
export class PriceFloorEntity {
  @ForeignKey(() => FacilityEntity, { name: 'price_floors_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'price_floors_pkey' })
  facilityId!: string;

  @PrimaryColumn({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type', primaryKeyConstraintName: 'price_floors_pkey' })
  spaceType!: SpaceType;

  @Column({ name: 'floor_cents', type: 'integer' })
  floorCents!: number;

  @ForeignKey(() => UserEntity, { name: 'price_floors_updated_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
