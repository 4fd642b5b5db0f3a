import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { PlaceEntity } from './place.entity.js';

/** One name of a place in one language ("München", de; "Munich", en); transliterations too ("Muenchen"). */
@Entity({ name: 'place_names' })
export class PlaceNameEntity {
  @ForeignKey(() => PlaceEntity, { name: 'place_names_place_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'place_id', type: 'text', primaryKeyConstraintName: 'place_names_pkey' })
  placeId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'place_names_pkey' })
  name!: string;

  /** BCP 47 language tag of the name. */
  @Column({ type: 'text' })
  language!: string;
}
