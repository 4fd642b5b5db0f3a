import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Amenity, OpeningHours } from '@aiparksit/shared';
import { OperatorEntity } from '../operators/operator.entity.js';

/**
 * A car park. Its location is two plain doubles; the search indexes are expressions (earthdistance's
 * GiST and a GiST on the point over those doubles, trigram and btree indexes over search_key() of
 * the name, address and city), kept in the migrations.
 */
@Entity({ name: 'facilities' })
@Unique('facilities_slug_key', ['slug'])
@Index('facilities_operator_idx', ['operatorId'])
export class FacilityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'facilities_pkey' })
  id!: string;

  @ForeignKey(() => OperatorEntity, { name: 'facilities_operator_id_fkey', onDelete: 'RESTRICT' })
  @Column({ name: 'operator_id', type: 'uuid' })
  operatorId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'address_line', type: 'text' })
  addressLine!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ name: 'postal_code', type: 'text', default: '' })
  postalCode!: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  /** IANA zone: opening hours, daily caps and local reports are read on this clock. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** Null means open around the clock. */
  @Column({ name: 'opening_hours', type: 'jsonb', nullable: true })
  openingHours!: OpeningHours;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  amenities!: Amenity[];

  @Column({ name: 'height_limit_cm', type: 'integer', nullable: true })
  heightLimitCm!: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  photos!: string[];

  @Column({ name: 'min_duration_minutes', type: 'integer', default: 30 })
  minDurationMinutes!: number;

  @Column({ name: 'max_duration_minutes', type: 'integer', default: 43200 })
  maxDurationMinutes!: number;

  @Column({ type: 'boolean', default: false })
  published!: boolean;

  /** A real-looking row never shown honestly: a client that asks for one is harvesting. */
  @Column({ name: 'is_canary', type: 'boolean', default: false })
  isCanary!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
