import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SPACE_TYPES, type RateChangeSource, type RateInput, type SpaceType } from '@aiparksit/shared';
import { FacilityEntity } from '../facilities/facility.entity.js';
import { PriceSuggestionEntity } from '../price-suggestions/price-suggestion.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** One change of a space type's rate card, written in the transaction of the change (the rates' audit and price history). */
@Entity({ name: 'rate_changes' })
@Index('rate_changes_facility_idx', ['facilityId', 'changedAt'])
export class RateChangeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'rate_changes_pkey' })
  id!: string;

  @ForeignKey(() => FacilityEntity, { name: 'rate_changes_facility_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ name: 'space_type', type: 'enum', enum: SPACE_TYPES, enumName: 'space_type' })
  spaceType!: SpaceType;

  @Column({ type: 'jsonb', nullable: true })
  before!: RateInput | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: RateInput | null;

  @Column({ type: 'text' })
  source!: RateChangeSource;

  @ForeignKey(() => PriceSuggestionEntity, { name: 'rate_changes_suggestion_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'suggestion_id', type: 'uuid', nullable: true })
  suggestionId!: string | null;

  @ForeignKey(() => UserEntity, { name: 'rate_changes_changed_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;
}
