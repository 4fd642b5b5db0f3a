import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A city searches can be centred on. Reference data filled by the migrations; searched by its
 * names (`place_names`) through `search_key`, an expression index TypeORM cannot see.
 */
@Entity({ name: 'places' })
export class PlaceEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'places_pkey' })
  id!: string;

  /** The name facilities use for the city (`facilities.city`). */
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;
}
