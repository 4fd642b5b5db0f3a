import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OpeningHours, PriceSuggestionBand, RateChangeView, RateInput, SpaceType } from '@aiparksit/shared';
import type { SqlTransaction } from '../database/index.js';

export interface PricedFacilityRow {
  id: string;
  ownerId: string;
  timeZone: string;
  currency: string;
  openingHours: OpeningHours;
}

export interface StoredSuggestionRow {
  id: string;
  spaceType: SpaceType;
  fingerprint: string;
  suggested: RateInput;
}

/** Demand per UTC hour: mean spaces of a type taken over the hour. */
export interface HourlyDemandRow {
  spaceType: SpaceType;
  hourMs: number;
  occupied: number;
}

@Injectable()
export class PriceSuggestionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async facility(id: string): Promise<PricedFacilityRow | undefined> {
    const rows: PricedFacilityRow[] = await this.dataSource.query(
      `SELECT f.id, o.owner_id AS "ownerId", f.time_zone AS "timeZone", f.currency, f.opening_hours AS "openingHours"
         FROM facilities f JOIN operators o ON o.id = f.operator_id
        WHERE f.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Each rate card with the type's active spaces and the operator's floor. */
  async rateCards(facilityId: string): Promise<(RateInput & { capacity: number; floorCents: number | null })[]> {
    return this.dataSource.query(
      `SELECT r.space_type AS "spaceType", r.hourly_cents AS "hourlyCents", r.daily_max_cents AS "dailyMaxCents", r.multipliers,
              (SELECT count(*)::int FROM spaces s WHERE s.facility_id = r.facility_id AND s.space_type = r.space_type AND s.active) AS capacity,
              pf.floor_cents AS "floorCents"
         FROM rates r LEFT JOIN price_floors pf ON pf.facility_id = r.facility_id AND pf.space_type = r.space_type
        WHERE r.facility_id = $1
        ORDER BY r.space_type`,
      [facilityId],
    );
  }

  /**
   * Space-hours taken per type and UTC hour over [from, to), by confirmed and completed bookings
   * (what the occupancy rollups count), each booking cut into the hours it overlaps. Hours with
   * nothing taken have no row.
   */
  async hourlyDemand(facilityId: string, from: Date, to: Date): Promise<HourlyDemandRow[]> {
    const rows: { spaceType: SpaceType; hourMs: string; occupied: number }[] = await this.dataSource.query(
      `SELECT b.space_type AS "spaceType", (extract(epoch FROM h.start) * 1000)::bigint AS "hourMs",
              sum(extract(epoch FROM least(upper(b.period), h.start + interval '1 hour', $3::timestamptz) - greatest(lower(b.period), h.start, $2::timestamptz)))::float8 / 3600
                AS occupied
         FROM bookings b
        CROSS JOIN LATERAL generate_series(
                date_trunc('hour', greatest(lower(b.period), $2::timestamptz) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
                least(upper(b.period), $3::timestamptz) - interval '1 microsecond', interval '1 hour') AS h(start)
        WHERE b.facility_id = $1 AND b.status IN ('confirmed', 'completed') AND b.period && tstzrange($2, $3)
        GROUP BY 1, 2`,
      [facilityId, from, to],
    );
    return rows.map((r) => ({ spaceType: r.spaceType, hourMs: Number(r.hourMs), occupied: r.occupied }));
  }

  /** When each type's rate card last changed (the rate history's newest entry that left a card). */
  async lastRateChanges(facilityId: string): Promise<Map<SpaceType, Date>> {
    const rows: { spaceType: SpaceType; changedAt: Date }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (space_type) space_type AS "spaceType", changed_at AS "changedAt"
         FROM rate_changes WHERE facility_id = $1 AND after IS NOT NULL
        ORDER BY space_type, changed_at DESC`,
      [facilityId],
    );
    return new Map(rows.map((r) => [r.spaceType, r.changedAt]));
  }

  /** Records a suggestion as shown (once per fingerprint) and returns its id. */
  async saveSuggestion(
    facilityId: string,
    suggestion: {
      spaceType: SpaceType;
      fingerprint: string;
      basedOn: RateInput;
      suggested: RateInput;
      bands: PriceSuggestionBand[];
      weeklyRevenueChangeCents: number;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO price_suggestions (facility_id, space_type, fingerprint, based_on, suggested, bands, weekly_revenue_change_cents)
       VALUES ($1, $2::space_type, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7)
       ON CONFLICT (facility_id, space_type, fingerprint)
         DO UPDATE SET bands = EXCLUDED.bands, weekly_revenue_change_cents = EXCLUDED.weekly_revenue_change_cents
       RETURNING id`,
      [
        facilityId,
        suggestion.spaceType,
        suggestion.fingerprint,
        JSON.stringify(suggestion.basedOn),
        JSON.stringify(suggestion.suggested),
        JSON.stringify(suggestion.bands),
        suggestion.weeklyRevenueChangeCents,
      ],
    );
    return rows[0]!.id;
  }

  async suggestion(facilityId: string, id: string): Promise<StoredSuggestionRow | undefined> {
    const rows: StoredSuggestionRow[] = await this.dataSource.query(
      `SELECT id, space_type AS "spaceType", fingerprint, suggested FROM price_suggestions WHERE facility_id = $1 AND id = $2`,
      [facilityId, id],
    );
    return rows[0];
  }

  /** The floor as it stands inside a rate change's transaction (the facility is locked by it). */
  async floorIn(tx: SqlTransaction, facilityId: string, spaceType: SpaceType): Promise<number | null> {
    const rows = await tx.rows<{ floorCents: number }>(`SELECT floor_cents AS "floorCents" FROM price_floors WHERE facility_id = $1 AND space_type = $2`, [
      facilityId,
      spaceType,
    ]);
    return rows[0]?.floorCents ?? null;
  }

  async markAccepted(tx: SqlTransaction, id: string, userId: string): Promise<Date> {
    const rows = await tx.rows<{ acceptedAt: Date }>(
      `UPDATE price_suggestions SET accepted_at = now(), accepted_by = $2 WHERE id = $1 RETURNING accepted_at AS "acceptedAt"`,
      [id, userId],
    );
    return rows[0]!.acceptedAt;
  }

  /** Sets or removes a floor, under the facility's lock, so an acceptance never reads it half-way. */
  async setFloor(facilityId: string, spaceType: SpaceType, floorCents: number | null, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM facilities WHERE id = $1 FOR UPDATE`, [facilityId]);
      if (floorCents === null) await manager.query(`DELETE FROM price_floors WHERE facility_id = $1 AND space_type = $2`, [facilityId, spaceType]);
      else
        await manager.query(
          `INSERT INTO price_floors (facility_id, space_type, floor_cents, updated_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (facility_id, space_type) DO UPDATE SET floor_cents = EXCLUDED.floor_cents, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [facilityId, spaceType, floorCents, userId],
        );
    });
  }

  /** The facility's rate history, newest first. */
  async rateChanges(facilityId: string, limit: number): Promise<RateChangeView[]> {
    const rows: (Omit<RateChangeView, 'changedAt'> & { changedAt: Date })[] = await this.dataSource.query(
      `SELECT id, space_type AS "spaceType", before, after, source, suggestion_id AS "suggestionId", changed_by AS "changedBy", changed_at AS "changedAt"
         FROM rate_changes WHERE facility_id = $1
        ORDER BY changed_at DESC, id DESC LIMIT $2`,
      [facilityId, limit],
    );
    return rows.map((r) => ({ ...r, changedAt: r.changedAt.toISOString() }));
  }
}
