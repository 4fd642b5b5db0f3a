import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CanaryFacilityRow {
  id: string;
  /** The account owning the facility's operator: it may open its own canary. */
  ownerId: string;
}

/** SQL the guard needs: only the canary facilities and who owns them. */
@Injectable()
export class HarvestRepository {
  constructor(private readonly dataSource: DataSource) {}

  canaryFacilities(): Promise<CanaryFacilityRow[]> {
    return this.dataSource.query(`SELECT f.id, o.owner_id AS "ownerId" FROM facilities f JOIN operators o ON o.id = f.operator_id WHERE f.is_canary`);
  }
}
