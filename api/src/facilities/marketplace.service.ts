import { Injectable, Logger } from '@nestjs/common';
import type { Amenity, FacilityListPage, MarketplacePage, MarketplaceResult, MarketplaceSort, PlaceView, PriceQuote, SpaceType } from '@aiparksit/shared';
import type { Principal } from '../access/index.js';
import { CataloguePaging, type PageRequest } from './catalogue-paging.js';
import type { FacilityListQueryDto } from './dto/facility-list-query.dto.js';
import { PAGE_LIMIT_DEFAULT } from './dto/search-fields.js';
import { RADIUS_DEFAULT_METERS, type MarketplaceQueryDto } from './dto/marketplace-query.dto.js';
import { FacilitiesException } from './facilities.exception.js';
import { FacilitiesRepository } from './facilities.repository.js';
import { toFacilitySummary, type RateRow } from './facility-rows.js';
import { availabilityView } from './fidelity.js';
import { PlacesRepository } from './places.repository.js';
import { searchKey } from './search-key.js';
import {
  MarketplaceRepository,
  type MarketplaceRow,
  type PriceCandidateRow,
  type SearchArea,
  type SearchFilters,
  type SqlOrder,
} from './marketplace.repository.js';
import { quoteForWindow } from './pricing/index.js';
import type { TimeWindow } from './opening-hours/index.js';
import { currentMinute, parseWindow } from './search-window.js';

/** Most facilities one search prices in memory when ordering or filtering by the window's quote. */
export const PRICE_CANDIDATES_MAX = 5000;

const SQL_ORDER: Record<MarketplaceSort, SqlOrder> = { distance: 'distance', price: 'hourly', availability: 'free' };

@Injectable()
export class MarketplaceService {
  private readonly logger = new Logger(MarketplaceService.name);

  constructor(
    private readonly marketplace: MarketplaceRepository,
    private readonly facilities: FacilitiesRepository,
    private readonly paging: CataloguePaging,
    private readonly places: PlacesRepository,
  ) {}

  /**
   * Marketplace search. Orders SQL can keep (distance, hourly rate without a window, free
   * spaces) are keyset-paged in SQL, one statement per page. A window's price depends on
   * multipliers, daily caps and the facility's time zone, which only `quoteForWindow` knows: to
   * order or filter by it, the search's candidates are priced in memory (identical rates and
   * zones priced once) and paged by the same keyset, so the order is exact for the window.
   */
  async search(principal: Principal | undefined, query: MarketplaceQueryDto, now = new Date()): Promise<MarketplacePage> {
    const located = locate(query);
    const requestedWindow = parseWindow(query.start, query.end, now);
    const sort = query.sort ?? (located.kind === 'bbox' ? 'price' : 'distance');
    if (sort === 'distance' && located.kind === 'bbox') {
      throw new FacilitiesException('invalid_search', 'Sorting by distance needs a point or a city: give lat and lng, or city.', { field: 'sort' });
    }
    const resolved = located.kind === 'city' ? await this.resolveCity(located.city, located.radiusMeters) : { area: located, place: undefined };
    if (!resolved) return { results: [], nextCursor: null, fidelity: this.paging.open(principal, { search: 'marketplace' }, undefined).fidelity };
    const { area, place } = resolved;
    const spaceType: SpaceType = query.spaceType ?? 'standard';
    const amenities = amenitiesOf(query.amenities);
    const filters: SearchFilters = {
      area,
      spaceType,
      amenities,
      window: requestedWindow ?? currentMinute(now),
      maxHourlyCents: requestedWindow ? undefined : query.maxPriceCents,
    };
    const request = this.paging.open(
      principal,
      {
        search: 'marketplace',
        area,
        start: requestedWindow?.start.toISOString(),
        end: requestedWindow?.end.toISOString(),
        spaceType,
        amenities,
        maxPriceCents: query.maxPriceCents,
        sort,
      },
      query.cursor,
    );
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const after = keysetOf(request.after);

    let rows: MarketplaceRow[];
    let quotes = new Map<string, PriceQuote>();
    let hasMore: boolean;
    let lastKey: (string | number)[] | undefined;
    if (requestedWindow && (sort === 'price' || query.maxPriceCents !== undefined)) {
      const priced = this.pricedPage(
        await this.marketplace.priceCandidates(filters, PRICE_CANDIDATES_MAX),
        requestedWindow,
        sort,
        query.maxPriceCents,
        after,
        limit,
      );
      hasMore = priced.hasMore;
      lastKey = priced.lastKey;
      quotes = priced.quotes;
      rows = priced.page.length
        ? await this.marketplace.byIds(
            filters,
            priced.page.map((c) => c.id),
            priced.page.map((c) => c.distanceMeters),
          )
        : [];
    } else {
      const page = await this.marketplace.page(filters, SQL_ORDER[sort], after, limit + 1);
      hasMore = page.length > limit;
      rows = page.slice(0, limit);
      const last = rows.at(-1);
      lastKey = last ? [last.orderValue, last.id] : undefined;
    }

    const quote = requestedWindow ? quoterFor(requestedWindow) : undefined;
    const results: MarketplaceResult[] = [];
    for (const row of rows) {
      const priced = quote ? (quotes.get(row.id) ?? quote(row, row.currency, row.timeZone)) : null;
      if (quote && !priced) {
        this.leaveOutUnpriceable(row.id);
        continue;
      }
      results.push({
        facility: toFacilitySummary(row),
        distanceMeters: row.distanceMeters === null ? null : Math.round(row.distanceMeters),
        quote: priced,
        availability: availabilityView(spaceType, row.capacity, row.busy, request.fidelity),
      });
    }
    return { results, nextCursor: this.paging.next(request, hasMore, lastKey), fidelity: request.fidelity, ...(place ? { place } : {}) };
  }

  /**
   * A city search is a search near the city's centre with the form's radius: the city is found by
   * any of its names, accents and case ignored. A name no place has ("Testburg", a town an operator
   * listed first) falls back to the facilities whose city has that name, distances measured from
   * their middle; undefined when there are none.
   */
  private async resolveCity(name: string, radiusMeters: number): Promise<{ area: SearchArea; place: PlaceView | undefined } | undefined> {
    const key = searchKey(name);
    const place = key ? await this.places.resolve(key) : undefined;
    if (place) {
      return {
        area: { kind: 'point', lat: place.latitude, lng: place.longitude, radiusMeters },
        place: { id: place.id, name: place.name, countryCode: place.countryCode, centre: { lat: place.latitude, lng: place.longitude } },
      };
    }
    const middle = key ? await this.places.middleOfCity(key) : undefined;
    return middle && { area: { kind: 'city', cityKeys: [key], lat: middle.latitude, lng: middle.longitude }, place: undefined };
  }

  /** The keys of every name of the city (so "Munich" lists facilities whose city reads "München"), or of the name itself. */
  private async cityKeys(name: string | undefined): Promise<string[] | undefined> {
    if (name === undefined) return undefined;
    const key = searchKey(name);
    const place = key ? await this.places.resolve(key) : undefined;
    return place ? place.cityKeys : [key];
  }

  /** The public catalogue by name, with the same paging and depth rule as the marketplace. */
  async list(principal: Principal | undefined, query: FacilityListQueryDto): Promise<FacilityListPage> {
    const filters = { cityKeys: await this.cityKeys(query.city), amenities: amenitiesOf(query.amenities), spaceType: query.spaceType };
    const request: PageRequest = this.paging.open(principal, { search: 'catalogue', ...filters }, query.cursor);
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const after = request.after;
    if (after && !(after.length === 2 && typeof after[0] === 'string' && typeof after[1] === 'string')) {
      throw new FacilitiesException('invalid_cursor', 'The cursor is not one this API issued; pass back nextCursor unchanged.', { field: 'cursor' });
    }
    const rows = await this.facilities.catalogue(filters, after as [string, string] | undefined, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      results: page.map(toFacilitySummary),
      nextCursor: this.paging.next(request, rows.length > limit, last ? [last.name, last.id] : undefined),
      fidelity: request.fidelity,
    };
  }

  /** One facility with a rate that cannot be priced must not fail the whole search; its operator has to correct the rate. */
  private leaveOutUnpriceable(facilityId: string): void {
    this.logger.warn(`Facility ${facilityId} left out of a search: its stored rate cannot price the window`);
  }

  private pricedPage(
    candidates: PriceCandidateRow[],
    window: TimeWindow,
    sort: MarketplaceSort,
    maxPriceCents: number | undefined,
    after: [number, string] | undefined,
    limit: number,
  ): { page: PriceCandidateRow[]; quotes: Map<string, PriceQuote>; hasMore: boolean; lastKey: (string | number)[] | undefined } {
    const quote = quoterFor(window);
    const quotes = new Map<string, PriceQuote>();
    for (const candidate of candidates) {
      const priced = quote(candidate, candidate.currency, candidate.timeZone);
      if (priced) quotes.set(candidate.id, priced);
      else this.leaveOutUnpriceable(candidate.id);
    }
    const valueOf = (c: PriceCandidateRow): number => (sort === 'price' ? quotes.get(c.id)!.totalCents : sort === 'distance' ? c.distanceMeters! : c.free);
    const descending = sort === 'availability';
    const compare = (a: PriceCandidateRow, b: PriceCandidateRow): number => {
      const byValue = descending ? valueOf(b) - valueOf(a) : valueOf(a) - valueOf(b);
      return byValue !== 0 ? byValue : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    };
    const ordered = candidates
      .filter((c) => quotes.has(c.id))
      .filter((c) => maxPriceCents === undefined || quotes.get(c.id)!.totalCents <= maxPriceCents)
      .filter((c) => {
        if (!after) return true;
        const [value, id] = after;
        const v = valueOf(c);
        return descending ? v < value || (v === value && c.id > id) : v > value || (v === value && c.id > id);
      })
      .sort(compare);
    const page = ordered.slice(0, limit);
    const last = page.at(-1);
    return { page, quotes, hasMore: ordered.length > limit, lastKey: last ? [valueOf(last), last.id] : undefined };
  }
}

/**
 * Quotes of one window; many facilities share a rate card and a zone, and a quote depends on nothing else.
 * A stored rate or zone that cannot price the window (saved before today's limits) answers null.
 */
function quoterFor(window: TimeWindow): (rate: RateRow, currency: string, timeZone: string) => PriceQuote | null {
  const byRate = new Map<string, PriceQuote | null>();
  return (rate, currency, timeZone) => {
    const key = JSON.stringify([rate.hourlyCents, rate.dailyMaxCents, rate.multipliers, currency, timeZone]);
    let quote = byRate.get(key);
    if (quote === undefined) {
      try {
        quote = quoteForWindow({ hourlyCents: rate.hourlyCents, dailyMaxCents: rate.dailyMaxCents, multipliers: rate.multipliers, currency }, window, timeZone);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        quote = null;
      }
      byRate.set(key, quote);
    }
    return quote;
  };
}

/** A cursor of the marketplace always holds [value, id]. */
function keysetOf(after: (string | number)[] | undefined): [number, string] | undefined {
  if (!after) return undefined;
  const [value, id] = after;
  if (after.length !== 2 || typeof value !== 'number' || typeof id !== 'string') {
    throw new FacilitiesException('invalid_cursor', 'The cursor is not one this API issued; pass back nextCursor unchanged.', { field: 'cursor' });
  }
  return [value, id];
}

function amenitiesOf(list: string | undefined): Amenity[] {
  return list ? [...new Set(list.split(',') as Amenity[])].sort() : [];
}

type Located = Exclude<SearchArea, { kind: 'city' }> | { kind: 'city'; city: string; radiusMeters: number };

/** Exactly one way to locate a search: lat+lng (with radius), bbox, or city (with radius). */
function locate(query: MarketplaceQueryDto): Located {
  const hasPoint = query.lat !== undefined || query.lng !== undefined;
  const ways = [hasPoint, query.bbox !== undefined, query.city !== undefined].filter(Boolean).length;
  if (ways !== 1) {
    throw new FacilitiesException('invalid_search', 'Locate the search one way: lat and lng (with radius), bbox, or city.', { field: ways ? 'bbox' : 'lat' });
  }
  const radiusMeters = query.radius ?? RADIUS_DEFAULT_METERS;
  if (hasPoint) {
    if (query.lat === undefined || query.lng === undefined) {
      throw new FacilitiesException('invalid_search', 'A point needs both lat and lng.', { field: query.lat === undefined ? 'lat' : 'lng' });
    }
    return { kind: 'point', lat: query.lat, lng: query.lng, radiusMeters };
  }
  if (query.bbox !== undefined) {
    if (query.radius !== undefined) throw new FacilitiesException('invalid_search', 'radius goes with lat and lng, or with city.', { field: 'radius' });
    const [minLng, minLat, maxLng, maxLat] = query.bbox.split(',').map(Number) as [number, number, number, number];
    const inRange = [minLng, maxLng].every((v) => v >= -180 && v <= 180) && [minLat, maxLat].every((v) => v >= -90 && v <= 90);
    if (!inRange || minLng > maxLng || minLat > maxLat) {
      throw new FacilitiesException('invalid_search', 'bbox must be minLng,minLat,maxLng,maxLat with min ≤ max, in degrees (not across the antimeridian).', {
        field: 'bbox',
      });
    }
    return { kind: 'bbox', minLng, minLat, maxLng, maxLat };
  }
  return { kind: 'city', city: query.city!, radiusMeters };
}
