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

  /** Records an admin's lift of the client's block, for the other instances (see harvest_block_lifts). */
  async recordLift(client: string, actorId: string | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO harvest_block_lifts (client, lifted_by) VALUES ($1, $2)
       ON CONFLICT (client) DO UPDATE SET lifted_at = now(), lifted_by = EXCLUDED.lifted_by`,
      [client, actorId],
    );
  }

  /** When the client's block was last lifted (ms), if ever. */
  async liftedAt(client: string): Promise<number | undefined> {
    const rows: { liftedAt: Date }[] = await this.dataSource.query(`SELECT lifted_at AS "liftedAt" FROM harvest_block_lifts WHERE client = $1`, [client]);
    return rows[0] ? new Date(rows[0].liftedAt).getTime() : undefined;
  }

  canaryFacilities(): Promise<CanaryFacilityRow[]> {
    return this.dataSource.query(`SELECT f.id, o.owner_id AS "ownerId" FROM facilities f JOIN operators o ON o.id = f.operator_id WHERE f.is_canary`);
  }
}
