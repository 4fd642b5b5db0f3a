import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SPACE_TYPES, type PriceSuggestionBand, type RateInput, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from '../facilities/facility.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A price suggestion as shown to an operator, kept so that accepting applies exactly what was shown. */
@Entity({ name: 'price_suggestions' })
@Unique('price_suggestions_fingerprint_key', ['facilityId', 'spaceType', 'fingerprint'])
export class PriceSuggestionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'price_suggestions_pkey' })
  id!: string;

  @ForeignKey(() => FacilityEntity, { name: 'price_suggestions_facility_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type' })
  spaceType!: SpaceType;

  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ name: 'based_on', type: 'jsonb' })
  basedOn!: RateInput;

  @Column({ type: 'jsonb' })
  suggested!: RateInput;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  bands!: PriceSuggestionBand[];

  @Column({ name: 'weekly_revenue_change_cents', type: 'integer' })
  weeklyRevenueChangeCents!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @ForeignKey(() => UserEntity, { name: 'price_suggestions_accepted_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy!: string | null;
}
