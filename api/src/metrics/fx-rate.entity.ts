import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A dated reference rate: units of `currency` for one euro (ECB convention). */
@Entity({ name: 'fx_rates' })
export class FxRateEntity {
  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'fx_rates_pkey' })
  currency!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'fx_rates_pkey' })
  date!: string;

  @Column({ name: 'units_per_eur', type: 'numeric', precision: 18, scale: 6 })
  unitsPerEur!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
