import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from '../facilities/facility.entity.js';

/** What a facility sells as monthly passes of a space type: how many a calendar month, at what price (the facility's currency). */
@Entity({ name: 'pass_offers' })
export class PassOfferEntity {
  @ForeignKey(() => FacilityEntity, { name: 'pass_offers_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'pass_offers_pkey' })
  facilityId!: string;

  @PrimaryColumn({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type', primaryKeyConstraintName: 'pass_offers_pkey' })
  spaceType!: SpaceType;

  /** Passes sold per calendar month; 0 sells none. */
  @Column({ name: 'pass_limit', type: 'integer' })
  passLimit!: number;

  @Column({ name: 'price_cents', type: 'integer' })
  priceCents!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
