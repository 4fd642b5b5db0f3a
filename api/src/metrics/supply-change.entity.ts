import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Listed supply that started (+) or stopped (−) per city and local day: facilities, active spaces per type, open space-minutes per weekday. */
@Entity({ name: 'metrics_supply_changes' })
export class SupplyChangeEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'metrics_supply_changes_pkey' })
  day!: string;

  @PrimaryColumn({ name: 'country_code', type: 'char', length: 2, primaryKeyConstraintName: 'metrics_supply_changes_pkey' })
  countryCode!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'metrics_supply_changes_pkey' })
  city!: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'metrics_supply_changes_pkey' })
  currency!: string;

  /** The writing backend's slot (its pid), folded into 0 by metrics_fold_rollups: readers sum over slots. */
  @PrimaryColumn({ type: 'integer', default: 0, primaryKeyConstraintName: 'metrics_supply_changes_pkey' })
  slot!: number;

  @Column({ type: 'integer' })
  facilities!: number;

  @Column({ name: 'spaces_standard', type: 'integer' })
  spacesStandard!: number;

  @Column({ name: 'spaces_ev', type: 'integer' })
  spacesEv!: number;

  @Column({ name: 'spaces_accessible', type: 'integer' })
  spacesAccessible!: number;

  @Column({ name: 'spaces_oversize', type: 'integer' })
  spacesOversize!: number;

  @Column({ name: 'spaces_motorcycle', type: 'integer' })
  spacesMotorcycle!: number;

  @Column({ name: 'open_mon', type: 'bigint' })
  openMon!: string;

  @Column({ name: 'open_tue', type: 'bigint' })
  openTue!: string;

  @Column({ name: 'open_wed', type: 'bigint' })
  openWed!: string;

  @Column({ name: 'open_thu', type: 'bigint' })
  openThu!: string;

  @Column({ name: 'open_fri', type: 'bigint' })
  openFri!: string;

  @Column({ name: 'open_sat', type: 'bigint' })
  openSat!: string;

  @Column({ name: 'open_sun', type: 'bigint' })
  openSun!: string;
}
