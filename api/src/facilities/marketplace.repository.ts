import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Amenity, SpaceType } from '@aiparksit/shared';
import type { TimeWindow } from './opening-hours/index.js';
import { capacityAndFreeSql, freeSpacesSql } from './availability-sql.js';
import { FACILITY_SUMMARY_COLUMNS, LISTED, facilitySummaryColumns, type FacilitySummaryRow, type RateRow } from './facility-rows.js';
import { queryPrepared } from '../database/index.js';
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
  /** The row's value in the order the statement paged by: the first half of its keyset position. */
  orderValue: number;
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

/**
 * The facility columns FACILITY_SUMMARY_COLUMNS reads (besides id, operator_id and amenities), for
 * a scan that carries them to the page instead of fetching each facility again by its key.
 */
const SUMMARY_FACILITY_COLUMNS = [
  'name',
  'slug',
  'address_line',
  'city',
  'postal_code',
  'country_code',
  'latitude',
  'longitude',
  'time_zone',
  'currency',
  'height_limit_cm',
  'photos',
  'opening_hours',
]
  .map((column) => `, f.${column}`)
  .join('');

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
    if (order === 'distance' && filters.area.kind === 'point') return await this.nearest(filters, filters.area, after, limit);
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
      page AS (SELECT m.*, m.${column} AS order_value FROM matched m ${keyset} ORDER BY m.${column} ${direction}, m.id LIMIT ${p.add(limit, 'int')})
      ${this.pageDetails(filters, p, `page.${column} ${direction}, page.id`)}`;
    return await queryPrepared(this.dataSource, sql, p.values);
  }

  /**
   * Nearest first around a point, straight from the earthdistance GiST index: a nearest-neighbour
   * scan (`<->`, cube's Euclidean distance between points on earthdistance's sphere: the chord,
   * which orders exactly as the great-circle distance does) yields published facilities nearest
   * first, each checked as it comes (radius, operator, rate, an active space of the type) until
   * the page is full. A city centre reads some thirty facilities instead of the few hundred in
   * its circle. Equal chords (facilities at one spot) are ordered by id; pages are keyset-paged
   * by (chord, id), so `orderValue` is the chord.
   *
   * The scan reads at most `reach` facilities, so that a page short of results ends instead of
   * scanning the whole catalogue for more in the radius. A short page is complete when the
   * `reach`-th nearest is outside the radius (or there is none); otherwise the reach grows and
   * the page is read again (the same prepared statements). The radius is a check, not the index's
   * box: the planner has no statistics for cube containment, guesses a handful of rows in any box
   * and then sorts the whole circle instead of scanning nearest first.
   */
  private async nearest(
    filters: SearchFilters,
    area: Extract<SearchArea, { kind: 'point' }>,
    after: KeysetAfter | undefined,
    limit: number,
  ): Promise<MarketplaceRow[]> {
    for (let reach = limit * 2 + 8; ; reach *= 4) {
      const p = new SqlParams();
      const near = this.nearestScan(area, after, reach, p, SUMMARY_FACILITY_COLUMNS);
      const type = p.add(filters.spaceType, 'space_type');
      const window = this.window(filters.window, p);
      const conditions = [`near.distance_m <= ${p.add(area.radiusMeters, 'float8')}`];
      if (filters.amenities.length) conditions.push(`near.amenities @> ${p.add(filters.amenities, 'text[]')}`);
      // Each check is a LATERAL lookup that also yields what the page shows (the operator's name,
      // the rate, the space types), so the page reads each of those rows once. OFFSET 0 keeps
      // each one per row, in the scan's order: turned into plain joins, they would be run for the
      // whole reach (a hash of every operator, then a sort) instead of until the page is full.
      // An active space of the type exists exactly when the facility's space types hold it.
      const sql = `
        WITH page AS (
          SELECT near.*, near.chord AS order_value, o.display_name AS operator_name,
                 r.hourly_cents, r.daily_max_cents, r.multipliers, t.space_types
            FROM ${near} near
           CROSS JOIN LATERAL (SELECT o.display_name FROM operators o WHERE o.id = near.operator_id AND o.status = 'approved' OFFSET 0) o
           CROSS JOIN LATERAL (SELECT r.hourly_cents, r.daily_max_cents, r.multipliers FROM rates r
                                WHERE r.facility_id = near.id AND r.space_type = ${type}${filters.maxHourlyCents === undefined ? '' : ` AND r.hourly_cents <= ${p.add(filters.maxHourlyCents, 'int')}`} OFFSET 0) r
           CROSS JOIN LATERAL (SELECT fst.space_types FROM facility_space_types fst
                                WHERE fst.facility_id = near.id AND fst.space_types @> ARRAY[${type}] OFFSET 0) t
           WHERE ${conditions.join(' AND ')}
           ORDER BY near.chord, near.id
           LIMIT ${sqlInteger(limit)}
        )
        SELECT ${facilitySummaryColumns('f.operator_name', 'f.space_types::text[]')}, f.distance_m AS "distanceMeters", f.order_value::float8 AS "orderValue",
               f.hourly_cents AS "hourlyCents", f.daily_max_cents AS "dailyMaxCents", f.multipliers,
               av.capacity, av.capacity - av.free AS busy
          FROM page f
         CROSS JOIN LATERAL ${capacityAndFreeSql('f.id', type, window)} AS av
         ORDER BY f.order_value, f.id`;
      const rows = await queryPrepared<MarketplaceRow>(this.dataSource, sql, p.values);
      if (rows.length >= limit || (await this.nearestExhausted(area, after, reach))) return rows;
    }
  }

  /** Whether fewer than `reach` facilities follow `after`, or the `reach`-th of them is outside the radius. */
  private async nearestExhausted(area: Extract<SearchArea, { kind: 'point' }>, after: KeysetAfter | undefined, reach: number): Promise<boolean> {
    const p = new SqlParams();
    const near = this.nearestScan(area, after, reach, p);
    const sql = `SELECT count(*) < ${sqlInteger(reach)} OR max(near.distance_m) > ${p.add(area.radiusMeters, 'float8')} AS exhausted FROM ${near} near`;
    const [row] = await queryPrepared<{ exhausted: boolean }>(this.dataSource, sql, p.values);
    return row!.exhausted;
  }

  /**
   * The `reach` published facilities nearest the point after `after`, in (chord, id) order, as a
   * subquery. The reach is written into the text, not bound: with a LIMIT it cannot see, the
   * planner costs the generic plan for a tenth of the table and re-plans every call (planning
   * cost as much as running). Each reach is its own prepared statement: a few per page size.
   */
  private nearestScan(area: Extract<SearchArea, { kind: 'point' }>, after: KeysetAfter | undefined, reach: number, p: SqlParams, carry = ''): string {
    // The stored point (its own index): the expression index made PostgreSQL compute ll_to_earth again for every row the scan yields.
    const chord = `f.earth_point <-> ll_to_earth(${p.add(area.lat, 'float8')}, ${p.add(area.lng, 'float8')})`;
    const keyset = after ? `AND (${chord}, f.id) > (${p.add(after[0], 'float8')}, ${p.add(after[1], 'uuid')})` : '';
    return `(SELECT f.id, f.operator_id, f.amenities${carry}, ${chord} AS chord, ${this.distance(area, p)} AS distance_m
               FROM facilities f
              WHERE f.published AND NOT f.is_canary ${keyset}
              ORDER BY ${chord}, f.id
              LIMIT ${sqlInteger(reach)})`;
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
        SELECT given.id, given.distance_m, given.n AS order_value FROM unnest(${p.add(ids, 'uuid[]')}, ${p.add(distances, 'float8[]')}) WITH ORDINALITY AS given(id, distance_m, n)
      )
      ${this.pageDetails(filters, p, 'page.order_value')}`;
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
    const free = withFree ? `, ${freeSpacesSql('f.id', type, this.window(filters.window, p))} AS free` : '';
    return `
      SELECT f.id, ${this.distance(filters.area, p)} AS distance_m, r.hourly_cents, r.daily_max_cents, r.multipliers, f.time_zone, f.currency${free}
        FROM facilities f
        JOIN operators o ON o.id = f.operator_id
        JOIN rates r ON r.facility_id = f.id AND r.space_type = ${type}
       WHERE ${conditions.join('\n         AND ')}`;
  }

  /** The final SELECT over a `page` CTE (id, distance_m, order_value): summaries, rate, capacity and busy spaces. */
  private pageDetails(filters: SearchFilters, p: SqlParams, orderBy: string): string {
    const type = p.add(filters.spaceType, 'space_type');
    const window = this.window(filters.window, p);
    return `
      SELECT ${FACILITY_SUMMARY_COLUMNS}, page.distance_m AS "distanceMeters", page.order_value::float8 AS "orderValue",
             r.hourly_cents AS "hourlyCents", r.daily_max_cents AS "dailyMaxCents", r.multipliers,
             av.capacity, av.capacity - av.free AS busy
        FROM page
        JOIN facilities f ON f.id = page.id
        JOIN operators o ON o.id = f.operator_id
        JOIN rates r ON r.facility_id = f.id AND r.space_type = ${type}
        CROSS JOIN LATERAL ${capacityAndFreeSql('f.id', type, window)} AS av
       ORDER BY ${orderBy}`;
  }

  private window(window: TimeWindow, p: SqlParams): string {
    return p.add(`[${window.start.toISOString()},${window.end.toISOString()})`, 'tstzrange');
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
  private distance(area: SearchArea, p: SqlParams, table = 'f'): string {
    if (area.kind === 'bbox') return 'NULL::float8';
    const lat = p.add(area.lat, 'float8');
    const lng = p.add(area.lng, 'float8');
    const cosLat = p.add(Math.cos((area.lat * Math.PI) / 180), 'float8');
    return `(${2 * EARTH_RADIUS_METERS} * asin(least(1, sqrt(sin(radians(${table}.latitude - ${lat}) / 2) ^ 2 + ${cosLat} * cos(radians(${table}.latitude)) * sin(radians(${table}.longitude - ${lng}) / 2) ^ 2))))`;
  }
}

/** An integer for the text of a statement: only ever a count the code computed, checked all the same. */
function sqlInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not an integer: ${value}`);
  return String(value);
}
