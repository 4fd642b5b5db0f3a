import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Amenity, SpaceType } from '@aiparksit/shared';
import type { TimeWindow } from './opening-hours/index.js';
import { idleBlackedOutSpaces } from './blackout-sql.js';
import { FACILITY_SUMMARY_COLUMNS, LISTED, LIVE_BOOKING, type FacilitySummaryRow, type RateRow } from './facility-rows.js';
import { queryPrepared } from './prepared-statements.js';
import { SqlParams } from './sql-params.js';

export type SearchArea =
  | { kind: 'point'; lat: number; lng: number; radiusMeters: number }
  | { kind: 'bbox'; minLng: number; minLat: number; maxLng: number; maxLat: number }
  /** A city no place knows: its facilities by name, distances from their middle. */
  | { kind: 'city'; cityKeys: string[]; lat: number; lng: number };

export interface SearchFilters {
  area: SearchArea;
  spaceType: SpaceType;
  amenities: Amenity[];
  /** The window free spaces are counted for (a minute from now when the caller gave none). */
  window: TimeWindow;
  /** Upper bound on the hourly rate; only for searches without a window, where it is the price. */
  maxHourlyCents?: number | undefined;
}

/** Orders SQL can page by keyset; the quote-based price order is the service's. */
export type SqlOrder = 'distance' | 'hourly' | 'free';

/** A row's position in its order: the sort value, then the id as tie-breaker. */
export type KeysetAfter = [value: number, id: string];

export interface MarketplaceRow extends FacilitySummaryRow, RateRow {
  distanceMeters: number | null;
  capacity: number;
  busy: number;
}

/** A light row for ordering by quote: enough to price the window, nothing to show. */
export interface PriceCandidateRow extends RateRow {
  id: string;
  distanceMeters: number | null;
  timeZone: string;
  currency: string;
  free: number;
}

/** The radius of earthdistance's sphere (`earth()`), in metres. */
const EARTH_RADIUS_METERS = 6_378_168;

const ORDER_COLUMN: Record<SqlOrder, string> = { distance: 'distance_m', hourly: 'hourly_cents', free: 'free' };

/**
 * The marketplace's SQL. Locating uses an index per kind of area: the earthdistance GiST index
 * (`earth_box` is the index-friendly coarse cut, the great-circle distance the exact one), a GiST index
 * on the point for a bounding box, the city_key index for a city no place knows (a known
 * city is a point search around its centre). Rows are plain; one
 * statement per page.
 */
@Injectable()
export class MarketplaceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page in a keyset order, with summaries and free spaces of the type for the window. */
  async page(filters: SearchFilters, order: SqlOrder, after: KeysetAfter | undefined, limit: number): Promise<MarketplaceRow[]> {
    if (order === 'distance' && filters.area.kind !== 'bbox') {
      const nearest = await this.nearestFirst(filters, after, limit);
      if (nearest) return nearest;
    }
    const p = new SqlParams();
    const matched = this.matched(filters, p, order === 'free');
    const column = ORDER_COLUMN[order];
    const descending = order === 'free';
    let keyset = '';
    if (after) {
      const value = p.add(after[0], 'float8');
      const id = p.add(after[1], 'uuid');
      keyset = descending ? `WHERE (m.free < ${value} OR (m.free = ${value} AND m.id > ${id}))` : `WHERE (m.${column}, m.id) > (${value}, ${id})`;
    }
    const direction = descending ? 'DESC' : 'ASC';
    const sql = `
      WITH matched AS (${matched}),
      page AS (SELECT m.* FROM matched m ${keyset} ORDER BY m.${column} ${direction}, m.id LIMIT ${p.add(limit, 'int')})
      ${this.pageDetails(filters, p, `page.${column} ${direction}, page.id`)}`;
    return queryPrepared(this.dataSource, sql, p.values);
  }

  /**
   * The distance order without joining every facility in the circle: the nearest few listed
   * facilities are short-listed from `facilities` alone (the GiST box, then the exact distance),
   * and only they are checked against operator, rate and spaces. In a city centre that is 30
   * rows joined instead of hundreds. When the checks reject so many that the page may be short
   * while more facilities remain, answers undefined and the caller runs the general statement.
   */
  private async nearestFirst(filters: SearchFilters, after: KeysetAfter | undefined, limit: number): Promise<MarketplaceRow[] | undefined> {
    const p = new SqlParams();
    const shortlistSize = limit * 2 + 8;
    const conditions = [`f.published AND NOT f.is_canary`, this.inArea(filters.area, p)];
    if (filters.amenities.length) conditions.push(`f.amenities @> ${p.add(filters.amenities, 'text[]')}`);
    if (after) conditions.push(`(${this.distance(filters.area, p)}, f.id) > (${p.add(after[0], 'float8')}, ${p.add(after[1], 'uuid')})`);
    const type = p.add(filters.spaceType, 'space_type');
    const maxHourly = filters.maxHourlyCents === undefined ? '' : `AND r.hourly_cents <= ${p.add(filters.maxHourlyCents, 'int')}`;
    const sql = `
      WITH shortlist AS MATERIALIZED (
        SELECT f.id, ${this.distance(filters.area, p)} AS distance_m
          FROM facilities f
         WHERE ${conditions.join('\n           AND ')}
         ORDER BY 2, 1 LIMIT ${p.add(shortlistSize, 'int')}
      ),
      page AS (
        SELECT n.id, n.distance_m
          FROM shortlist n
          JOIN facilities f ON f.id = n.id
          JOIN operators o ON o.id = f.operator_id AND o.status = 'approved'
          JOIN rates r ON r.facility_id = f.id AND r.space_type = ${type} ${maxHourly}
         WHERE EXISTS (SELECT 1 FROM spaces s WHERE s.facility_id = f.id AND s.space_type = ${type} AND s.active)
         ORDER BY n.distance_m, n.id LIMIT ${p.add(limit, 'int')}
      )
      ${this.pageDetails(filters, p, 'page.distance_m, page.id', '(SELECT count(*) FROM shortlist)::int AS "shortlisted"')}`;
    const rows = await queryPrepared<MarketplaceRow & { shortlisted?: number }>(this.dataSource, sql, p.values);
    const exhausted = rows.length > 0 && rows[0]!.shortlisted! < shortlistSize;
    if (rows.length < limit && !exhausted) return undefined;
    for (const row of rows) delete row.shortlisted;
    return rows;
  }

  /**
   * Every facility of the search, lightly, for an order or a filter on the window's quote,
   * which only the pricing code can compute. Capped: a search area holds hundreds, not the
   * whole catalogue (radius at most 50 km).
   */
  priceCandidates(filters: SearchFilters, cap: number): Promise<PriceCandidateRow[]> {
    const p = new SqlParams();
    const sql = `
      SELECT m.id, m.distance_m AS "distanceMeters", m.hourly_cents AS "hourlyCents", m.daily_max_cents AS "dailyMaxCents",
             m.multipliers, m.time_zone AS "timeZone", m.currency, m.free
        FROM (${this.matched(filters, p, true)}) m
       ORDER BY m.id LIMIT ${p.add(cap, 'int')}`;
    return queryPrepared(this.dataSource, sql, p.values);
  }

  /** The rows of chosen facilities, in the order given, as `page` returns them. */
  byIds(filters: SearchFilters, ids: string[], distances: (number | null)[]): Promise<MarketplaceRow[]> {
    const p = new SqlParams();
    const sql = `
      WITH page AS (
        SELECT given.id, given.distance_m, given.n FROM unnest(${p.add(ids, 'uuid[]')}, ${p.add(distances, 'float8[]')}) WITH ORDINALITY AS given(id, distance_m, n)
      )
      ${this.pageDetails(filters, p, 'page.n')}`;
    return queryPrepared(this.dataSource, sql, p.values);
  }

  /** Listed facilities in the area with a rate and an active space of the type. */
  private matched(filters: SearchFilters, p: SqlParams, withFree: boolean): string {
    const type = p.add(filters.spaceType, 'space_type');
    const conditions = [
      LISTED,
      this.inArea(filters.area, p),
      `EXISTS (SELECT 1 FROM spaces s WHERE s.facility_id = f.id AND s.space_type = ${type} AND s.active)`,
    ];
    if (filters.amenities.length) conditions.push(`f.amenities @> ${p.add(filters.amenities, 'text[]')}`);
    if (filters.maxHourlyCents !== undefined) conditions.push(`r.hourly_cents <= ${p.add(filters.maxHourlyCents, 'int')}`);
    const free = withFree ? `, (SELECT ${this.freeSpaces('f.id', type, filters.window, p)}) AS free` : '';
    return `
      SELECT f.id, ${this.distance(filters.area, p)} AS distance_m, r.hourly_cents, r.daily_max_cents, r.multipliers, f.time_zone, f.currency${free}
        FROM facilities f
        JOIN operators o ON o.id = f.operator_id
        JOIN rates r ON r.facility_id = f.id AND r.space_type = ${type}
       WHERE ${conditions.join('\n         AND ')}`;
  }

  /** The final SELECT over a `page` CTE (id, distance_m): summaries, rate, capacity and busy spaces. */
  private pageDetails(filters: SearchFilters, p: SqlParams, orderBy: string, extraColumns = ''): string {
    const type = p.add(filters.spaceType, 'space_type');
    const window = p.add(`[${filters.window.start.toISOString()},${filters.window.end.toISOString()})`, 'tstzrange');
    return `
      SELECT ${FACILITY_SUMMARY_COLUMNS}, page.distance_m AS "distanceMeters",
             r.hourly_cents AS "hourlyCents", r.daily_max_cents AS "dailyMaxCents", r.multipliers,
             (SELECT count(*)::int FROM spaces s WHERE s.facility_id = f.id AND s.space_type = ${type} AND s.active) AS capacity,
             (SELECT count(DISTINCT b.space_id)::int FROM bookings b JOIN spaces s ON s.id = b.space_id
               WHERE b.facility_id = f.id AND ${LIVE_BOOKING} AND b.occupied_period && ${window}
                 AND s.space_type = ${type} AND s.active)
             + ${idleBlackedOutSpaces('f.id', type, window)} AS busy${extraColumns ? `, ${extraColumns}` : ''}
        FROM page
        JOIN facilities f ON f.id = page.id
        JOIN operators o ON o.id = f.operator_id
        JOIN rates r ON r.facility_id = f.id AND r.space_type = ${type}
       ORDER BY ${orderBy}`;
  }

  /** Active spaces of the type minus those a live booking holds, or a blackout takes, at any moment of the window. */
  private freeSpaces(facilityId: string, type: string, window: TimeWindow, p: SqlParams): string {
    const range = p.add(`[${window.start.toISOString()},${window.end.toISOString()})`, 'tstzrange');
    return `(SELECT count(*)::int FROM spaces s WHERE s.facility_id = ${facilityId} AND s.space_type = ${type} AND s.active)
          - (SELECT count(DISTINCT b.space_id)::int FROM bookings b JOIN spaces s ON s.id = b.space_id
              WHERE b.facility_id = ${facilityId} AND ${LIVE_BOOKING} AND b.occupied_period && ${range}
                AND s.space_type = ${type} AND s.active)
          - ${idleBlackedOutSpaces(facilityId, type, range)}`;
  }

  private inArea(area: SearchArea, p: SqlParams): string {
    switch (area.kind) {
      case 'point': {
        const radius = p.add(area.radiusMeters, 'float8');
        const box = `earth_box(ll_to_earth(${p.add(area.lat, 'float8')}, ${p.add(area.lng, 'float8')}), ${radius}) @> ll_to_earth(f.latitude, f.longitude)`;
        return `${box} AND ${this.distance(area, p)} <= ${radius}`;
      }
      case 'bbox':
        return `point(f.longitude, f.latitude) <@ box(point(${p.add(area.minLng, 'float8')}, ${p.add(area.minLat, 'float8')}), point(${p.add(area.maxLng, 'float8')}, ${p.add(area.maxLat, 'float8')}))`;
      case 'city':
        return `f.city_key = ANY (${p.add(area.cityKeys, 'text[]')})`;
    }
  }

  /**
   * Great-circle metres from the searched point or city middle (haversine on earthdistance's sphere, so the
   * exact cut agrees with `earth_box`). Written with built-in arithmetic rather than
   * `earth_distance(ll_to_earth(...))`: those are SQL-bodied functions PostgreSQL calls row by
   * row (~45 µs each on the large data set), which made a city-centre search cost 100+ ms.
   */
  private distance(area: SearchArea, p: SqlParams): string {
    if (area.kind === 'bbox') return 'NULL::float8';
    const lat = p.add(area.lat, 'float8');
    const lng = p.add(area.lng, 'float8');
    const cosLat = p.add(Math.cos((area.lat * Math.PI) / 180), 'float8');
    return `(${2 * EARTH_RADIUS_METERS} * asin(least(1, sqrt(sin(radians(f.latitude - ${lat}) / 2) ^ 2 + ${cosLat} * cos(radians(f.latitude)) * sin(radians(f.longitude - ${lng}) / 2) ^ 2))))`;
  }
}
