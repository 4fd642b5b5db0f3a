import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from './prepared-statements.js';
import { likePatterns } from './search-key.js';
import { SqlParams } from './sql-params.js';

/** A city resolved from one of its names, with the keys of all its names (to match `facilities.city`). */
export interface PlaceRow {
  id: string;
  name: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  cityKeys: string[];
}

/** Where the listed facilities of a city no place knows are: their middle, to measure distances from. */
export interface CityMiddleRow {
  latitude: number;
  longitude: number;
}

/** How well a name matched: 0 the whole name, 1 its start, 2 the start of a word, 3 inside a word. */
export type MatchRank = 0 | 1 | 2 | 3;

export interface CityMatchRow {
  placeId: string;
  name: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  /** The name that matched best (the canonical name when it matched as well as any other). */
  matchedName: string;
  rank: MatchRank;
  hasFacilities: boolean;
}

export interface FacilityMatchRow {
  id: string;
  slug: string;
  name: string;
  addressLine: string;
  city: string;
  latitude: number;
  longitude: number;
  rank: MatchRank;
}

/** Matches of a typed key: its LIKE patterns (`search-key.ts`) and the key itself. */
export interface KeyMatch {
  key: string;
  limit: number;
}

const rankOf = (column: string, p: SqlParams, key: string): string => {
  const patterns = likePatterns(key);
  return `CASE WHEN ${column} = ${p.add(key, 'text')} THEN 0 WHEN ${column} LIKE ${p.add(patterns.start, 'text')} THEN 1 WHEN ${column} LIKE ${p.add(patterns.wordStart, 'text')} THEN 2 ELSE 3 END`;
};

/** Short keys match word starts only; both patterns are trigram-index searches. */
const matches = (column: string, p: SqlParams, key: string): string => {
  const patterns = likePatterns(key);
  const anywhere = `${column} LIKE ${p.add(patterns.anywhere, 'text')}`;
  return key.length >= 3 ? anywhere : `(${anywhere} OR ${column} LIKE ${p.add(patterns.wordStart, 'text')})`;
};

/**
 * Places (cities by all their names) and the name and address search of listed facilities. Every
 * comparison is between `search_key()` of a stored text, which the trigram and btree indexes of
 * migration 1795502600000 are built over, and a key computed the same way from what was typed.
 */
@Injectable()
export class PlacesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The place with a name of this key ("zurich" finds Zürich, "munchen" Munich), or undefined. */
  async resolve(key: string): Promise<PlaceRow | undefined> {
    const rows = await queryPrepared<PlaceRow>(
      this.dataSource,
      `SELECT p.id, p.name, p.country_code AS "countryCode", p.latitude, p.longitude,
              ARRAY(SELECT DISTINCT search_key(a.name) FROM place_names a WHERE a.place_id = p.id) AS "cityKeys"
         FROM place_names n JOIN places p ON p.id = n.place_id
        WHERE search_key(n.name) = $1::text
        ORDER BY p.id
        LIMIT 1`,
      [key],
    );
    return rows[0];
  }

  /** The middle of the listed facilities whose city has this key; undefined when there are none. */
  async middleOfCity(key: string): Promise<CityMiddleRow | undefined> {
    const [row] = await queryPrepared<{ latitude: number | null; longitude: number | null }>(
      this.dataSource,
      `SELECT avg(f.latitude) AS latitude, avg(f.longitude) AS longitude
         FROM facilities f
        WHERE f.published AND NOT f.is_canary AND search_key(f.city) = $1::text`,
      [key],
    );
    return row && row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : undefined;
  }

  /** Cities one of whose names contains the key: best match first, then those with car parks, then by name. */
  cities({ key, limit }: KeyMatch): Promise<CityMatchRow[]> {
    const p = new SqlParams();
    const nameKey = 'search_key(n.name)';
    const sql = `
      WITH matched AS (
        SELECT DISTINCT ON (p.id) p.id, p.name, p.country_code, p.latitude, p.longitude, n.name AS matched_name, ${rankOf(nameKey, p, key)} AS rank
          FROM place_names n JOIN places p ON p.id = n.place_id
         WHERE ${matches(nameKey, p, key)}
         ORDER BY p.id, rank, n.name = p.name DESC, length(n.name), n.name
      )
      SELECT m.id AS "placeId", m.name, m.country_code AS "countryCode", m.latitude, m.longitude, m.matched_name AS "matchedName", m.rank,
             EXISTS (SELECT 1 FROM facilities f
                      WHERE f.published AND NOT f.is_canary
                        AND search_key(f.city) IN (SELECT search_key(a.name) FROM place_names a WHERE a.place_id = m.id)) AS "hasFacilities"
        FROM matched m
       ORDER BY m.rank, "hasFacilities" DESC, m.name
       LIMIT ${p.add(limit, 'int')}`;
    return queryPrepared(this.dataSource, sql, p.values);
  }

  /** Listed facilities whose name contains the key. */
  facilitiesByName({ key, limit }: KeyMatch): Promise<FacilityMatchRow[]> {
    return this.facilitiesMatching('search_key(f.name)', key, limit, 'f.name, f.id');
  }

  /** Listed facilities whose street address contains the key, one per address and city. */
  facilitiesByAddress({ key, limit }: KeyMatch): Promise<FacilityMatchRow[]> {
    return this.facilitiesMatching('search_key(f.address_line)', key, limit, 'f.address_line, f.city, f.id', 'f.address_line, f.city');
  }

  private facilitiesMatching(column: string, key: string, limit: number, order: string, distinctOn?: string): Promise<FacilityMatchRow[]> {
    const p = new SqlParams();
    // The partial trigram indexes cover published, non-canary rows: the condition is spelled as
    // theirs so the planner can use them; the operator's approval is checked on the few matches.
    const select = `
      SELECT ${distinctOn ? `DISTINCT ON (${distinctOn})` : ''} f.id, f.slug, f.name, f.address_line AS "addressLine", f.city, f.latitude, f.longitude,
             ${rankOf(column, p, key)} AS rank
        FROM facilities f
        JOIN operators o ON o.id = f.operator_id AND o.status = 'approved'
       WHERE f.published AND NOT f.is_canary AND ${matches(column, p, key)}`;
    const sql = distinctOn
      ? `SELECT * FROM (${select} ORDER BY ${distinctOn}, rank, f.id) d ORDER BY d.rank, d."addressLine", d.city, d.id LIMIT ${p.add(limit, 'int')}`
      : `${select} ORDER BY rank, ${order} LIMIT ${p.add(limit, 'int')}`;
    return queryPrepared(this.dataSource, sql, p.values);
  }
}
