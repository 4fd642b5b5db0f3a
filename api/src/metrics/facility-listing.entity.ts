import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { FacilityEntity } from '../facilities/facility.entity.js';

/** One listing of a facility: from publication to unpublication (open while listed). */
@Entity({ name: 'metrics_facility_listings' })
export class FacilityListingEntity {
  @ForeignKey(() => FacilityEntity, { name: 'metrics_facility_listings_facility_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'metrics_facility_listings_pkey' })
  facilityId!: string;

  @PrimaryColumn({ name: 'listed_from', type: 'timestamptz', primaryKeyConstraintName: 'metrics_facility_listings_pkey' })
  listedFrom!: Date;

  @Column({ name: 'listed_until', type: 'timestamptz', nullable: true })
  listedUntil!: Date | null;
}
