import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Amenity, OpeningHours, RateMultiplier, SpaceType } from '@aiparksit/shared';
import type { TimeWindow } from './opening-hours/index.js';
import { busySpacesSql, capacitySql } from './availability-sql.js';
import { FACILITY_SUMMARY_COLUMNS, LISTED, type FacilitySummaryRow } from './facility-rows.js';
import { SqlParams } from './sql-params.js';

export interface CatalogueFilters {
  /** `search_key()` of the city's names: any of them matches `facilities.city`. */
  cityKeys?: string[] | undefined;
  amenities: Amenity[];
  spaceType?: SpaceType | undefined;
}

export interface FacilityDetailRow extends FacilitySummaryRow {
  description: string;
  openingHours: OpeningHours;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  /** Whether the public may see it (published, approved operator, not a canary). */
  listed: boolean;
  isCanary: boolean;
  /** The account owning the operator: it may see its own unlisted facility. */
  ownerId: string;
  rates: { spaceType: SpaceType; hourlyCents: number; dailyMaxCents: number | null; multipliers: RateMultiplier[] }[];
  spaces: { spaceType: SpaceType; count: number }[];
}

/** A listed facility's clock and the rules a booking's window must keep there. */
export interface ListedFacilityRules {
  id: string;
  timeZone: string;
  openingHours: OpeningHours;
  minDurationMinutes: number;
  maxDurationMinutes: number;
}

/** Capacity and busy spaces of one type: for the window, and for each hour of the timeline. */
export interface TypeOccupancyRow {
  spaceType: SpaceType;
  capacity: number;
  busyInWindow: number;
  busyByHour: number[];
}

/** SQL of single facilities and of the public catalogue. */
@Injectable()
export class FacilitiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Listed facilities by name, keyset-paged on (name, id). */
  catalogue(filters: CatalogueFilters, after: [name: string, id: string] | undefined, limit: number): Promise<FacilitySummaryRow[]> {
    const p = new SqlParams();
    const conditions = [LISTED];
    if (filters.cityKeys !== undefined) conditions.push(`f.city_key = ANY (${p.add(filters.cityKeys, 'text[]')})`);
    if (filters.amenities.length) conditions.push(`f.amenities @> ${p.add(filters.amenities, 'text[]')}`);
    if (filters.spaceType !== undefined)
      conditions.push(`EXISTS (SELECT 1 FROM spaces s WHERE s.facility_id = f.id AND s.space_type = ${p.add(filters.spaceType, 'space_type')} AND s.active)`);
    if (after) conditions.push(`(f.name, f.id) > (${p.add(after[0], 'text')}, ${p.add(after[1], 'uuid')})`);
    return this.dataSource.query(
      `SELECT ${FACILITY_SUMMARY_COLUMNS}
         FROM facilities f JOIN operators o ON o.id = f.operator_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY f.name, f.id
        LIMIT ${p.add(limit, 'int')}`,
      p.values,
    );
  }

  /** Of the facilities, the ones the public may see (listed), with their clock and the rules of a booking's window. */
  listedAmong(ids: string[]): Promise<ListedFacilityRules[]> {
    return this.dataSource.query(
      `SELECT f.id, f.time_zone AS "timeZone", f.opening_hours AS "openingHours",
              f.min_duration_minutes AS "minDurationMinutes", f.max_duration_minutes AS "maxDurationMinutes"
         FROM facilities f JOIN operators o ON o.id = f.operator_id
        WHERE f.id = ANY($1::uuid[]) AND ${LISTED}`,
      [ids],
    );
  }

  /** The facility with rates and active spaces per type, whatever its visibility (the service decides). */
  async findDetail(id: string): Promise<FacilityDetailRow | undefined> {
    const rows: FacilityDetailRow[] = await this.dataSource.query(
      `SELECT ${FACILITY_SUMMARY_COLUMNS}, f.description, f.opening_hours AS "openingHours",
              f.min_duration_minutes AS "minDurationMinutes", f.max_duration_minutes AS "maxDurationMinutes",
              (${LISTED}) AS listed, f.is_canary AS "isCanary", o.owner_id AS "ownerId",
              COALESCE((SELECT json_agg(json_build_object('spaceType', r.space_type, 'hourlyCents', r.hourly_cents,
                                                          'dailyMaxCents', r.daily_max_cents, 'multipliers', r.multipliers) ORDER BY r.space_type)
                          FROM rates r WHERE r.facility_id = f.id), '[]') AS rates,
              COALESCE((SELECT json_agg(json_build_object('spaceType', t.space_type, 'count', t.count) ORDER BY t.space_type)
                          FROM (SELECT s.space_type, count(*)::int AS count FROM spaces s WHERE s.facility_id = f.id AND s.active GROUP BY s.space_type) t), '[]') AS spaces
         FROM facilities f JOIN operators o ON o.id = f.operator_id
        WHERE f.id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * Per space type with active spaces: capacity, spaces a live booking holds (or a blackout
   * takes) at any moment of the window, and the same for each hour given (hours as parallel arrays of starts and ends).
   */
  occupancy(facilityId: string, window: TimeWindow, hours: TimeWindow[]): Promise<TypeOccupancyRow[]> {
    const starts = hours.map((h) => h.start.toISOString());
    const ends = hours.map((h) => h.end.toISOString());
    return this.dataSource.query(
      `WITH hours AS (SELECT * FROM unnest($4::timestamptz[], $5::timestamptz[]) WITH ORDINALITY AS h(start, finish, n)),
       types AS (SELECT DISTINCT sa.space_type FROM space_availability sa WHERE sa.facility_id = $1 AND sa.active)
       SELECT t.space_type AS "spaceType", ${capacitySql('$1', 't.space_type')} AS capacity,
              ${busySpacesSql('$1', 't.space_type', 'tstzrange($2::timestamptz, $3::timestamptz)')} AS "busyInWindow",
              ARRAY(SELECT ${busySpacesSql('$1', 't.space_type', 'tstzrange(hours.start, hours.finish)')} FROM hours ORDER BY hours.n) AS "busyByHour"
         FROM types t
        ORDER BY t.space_type`,
      [facilityId, window.start.toISOString(), window.end.toISOString(), starts, ends],
    );
  }
}
