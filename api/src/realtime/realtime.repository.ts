import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BoundingBox, SpaceType } from '@aiparksit/shared';
import { busySpacesSql, capacitySql } from '../facilities/index.js';

/** The instant now as a range: a space is taken now when its busy periods overlap it. */
const NOW = `tstzrange(now(), now(), '[]')`;

/** What the gateway needs to know of a facility to route its events. */
export interface FacilityRouting {
  id: string;
  operatorId: string;
  /** Published and not a canary: anyone may follow it. */
  public: boolean;
  published: boolean;
  latitude: number;
  longitude: number;
}

export interface SpaceTypeCount {
  spaceType: SpaceType;
  capacity: number;
  availableNow: number;
}

export interface RevenueFigures {
  currency: string;
  todayCents: number;
  monthToDateCents: number;
}

/**
 * The gateway's SQL: cheap, indexed reads run after a trigger announced a change. Counting
 * here, not in the trigger, keeps the writing transaction short and lets bursts share a count.
 */
@Injectable()
export class RealtimeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async facilityRouting(facilityId: string): Promise<FacilityRouting | undefined> {
    const rows: FacilityRouting[] = await this.dataSource.query(
      `SELECT id, operator_id AS "operatorId", (published AND NOT is_canary) AS public, published, latitude, longitude
         FROM facilities WHERE id = $1`,
      [facilityId],
    );
    return rows[0];
  }

  /**
   * Active spaces of each type (capacity) and those free right now: from the availability read
   * model, as the search counts them, so a live booking (hold or confirmed, extension hold
   * included) whose occupied period contains now and a blackout in force both take a space.
   * `types` null means every type.
   */
  async countAvailableNow(facilityId: string, types: SpaceType[] | null): Promise<SpaceTypeCount[]> {
    const rows: { spaceType: SpaceType; capacity: number; occupied: number }[] = await this.dataSource.query(
      `SELECT t.space_type AS "spaceType", ${capacitySql('$1', 't.space_type')} AS capacity, ${busySpacesSql('$1', 't.space_type', NOW)} AS occupied
         FROM (SELECT DISTINCT sa.space_type FROM space_availability AS sa
                WHERE sa.facility_id = $1 AND sa.active AND ($2::space_type[] IS NULL OR sa.space_type = ANY ($2::space_type[]))) AS t`,
      [facilityId, types],
    );
    const counted = rows.map((r) => ({ spaceType: r.spaceType, capacity: r.capacity, availableNow: r.capacity - r.occupied }));
    // A type whose last space went away still changed: it now has nothing.
    for (const type of types ?? []) if (!counted.some((c) => c.spaceType === type)) counted.push({ spaceType: type, capacity: 0, availableNow: 0 });
    return counted;
  }

  /** Gross minus refunds over the facility's local day and month so far (its own time zone). */
  async revenue(facilityId: string): Promise<RevenueFigures | undefined> {
    const rows: RevenueFigures[] = await this.dataSource.query(
      `WITH bounds AS (
         SELECT f.currency,
                date_trunc('day', now() AT TIME ZONE f.time_zone) AT TIME ZONE f.time_zone AS day_start,
                date_trunc('month', now() AT TIME ZONE f.time_zone) AT TIME ZONE f.time_zone AS month_start
           FROM facilities AS f WHERE f.id = $1)
       SELECT b.currency,
              coalesce(sum(CASE WHEN l.account = 'gross' THEN l.amount_cents ELSE -abs(l.amount_cents) END)
                         FILTER (WHERE l.occurred_at >= b.day_start), 0)::bigint AS "todayCents",
              coalesce(sum(CASE WHEN l.account = 'gross' THEN l.amount_cents ELSE -abs(l.amount_cents) END), 0)::bigint AS "monthToDateCents"
         FROM bounds AS b
         LEFT JOIN ledger_entries AS l
           ON l.facility_id = $1 AND l.account IN ('gross', 'refund') AND l.occurred_at >= b.month_start
        GROUP BY b.currency`,
      [facilityId],
    );
    const row = rows[0];
    // bigint arrives as a string; one facility's month fits a JS number many times over.
    return row && { currency: row.currency, todayCents: Number(row.todayCents), monthToDateCents: Number(row.monthToDateCents) };
  }

  /** The operator company an account owns, if any (operators.owner_id is unique). */
  async operatorOwnedBy(userId: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM operators WHERE owner_id = $1`, [userId]);
    return rows[0]?.id;
  }

  async facilityIdsOfOperator(operatorId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM facilities WHERE operator_id = $1 ORDER BY id`, [operatorId]);
    return rows.map((r) => r.id);
  }

  /**
   * Public facilities inside the box, at most `limit`. The earth_box prefilter uses the
   * facilities' GiST index (a circle around the box); the BETWEENs make it exact.
   */
  async publicFacilitiesIn(box: BoundingBox, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH box AS (
         SELECT ll_to_earth(($1::float8 + $3::float8) / 2, ($2::float8 + $4::float8) / 2) AS center,
                earth_distance(ll_to_earth($1, $2), ll_to_earth($3, $4)) * 0.55 + 1000 AS radius)
       SELECT f.id FROM facilities AS f, box
        WHERE f.published AND NOT f.is_canary
          AND earth_box(box.center, box.radius) @> ll_to_earth(f.latitude, f.longitude)
          AND f.latitude BETWEEN $1 AND $3 AND f.longitude BETWEEN $2 AND $4
        ORDER BY f.id LIMIT $5`,
      [box.minLat, box.minLng, box.maxLat, box.maxLng, limit],
    );
    return rows.map((r) => r.id);
  }
}
