import type { OpeningHours, PriceQuote, RateMultiplier } from './pricing.js';

/** Kinds of space a facility offers; each has its own rate and availability. */
export const SPACE_TYPES = ['standard', 'ev', 'accessible', 'oversize', 'motorcycle'] as const;
export type SpaceType = (typeof SPACE_TYPES)[number];

/** What a facility offers besides a space; stored in `facilities.amenities`. */
export const AMENITIES = ['covered', 'ev_charging', 'accessible', 'security', 'cctv', 'valet', 'lighting', 'restrooms', 'car_wash', 'bike_parking'] as const;
export type Amenity = (typeof AMENITIES)[number];

export interface GeoPoint {
  lat: number;
  lng: number;
}

/**
 * How much a client is told about free spaces. Signed-in drivers and API keys get exact counts
 * (`full`); anonymous browsers get a coarse level only (`coarse`), so the catalogue cannot be
 * harvested wholesale.
 */
export type DataFidelity = 'full' | 'coarse';
export type AvailabilityLevel = 'none' | 'few' | 'many';

/** Free spaces of one type for a window: exact numbers at full fidelity, a level always. */
export interface SpaceTypeAvailability {
  spaceType: SpaceType;
  level: AvailabilityLevel;
  /** Spaces free for the whole window; `null` at coarse fidelity. */
  available: number | null;
  /** Active spaces of the type; `null` at coarse fidelity. */
  capacity: number | null;
}

export interface FacilitySummary {
  id: string;
  name: string;
  slug: string;
  operatorName: string;
  addressLine: string;
  city: string;
  postalCode: string;
  countryCode: string;
  location: GeoPoint;
  timeZone: string;
  currency: string;
  amenities: Amenity[];
  heightLimitCm: number | null;
  photos: string[];
  /** True when `openingHours` is null: open around the clock. */
  open24x7: boolean;
  /** Space types the facility has at least one active space of. */
  spaceTypes: SpaceType[];
}

export type MarketplaceSort = 'distance' | 'price' | 'availability';

/** Query string of `GET /api/proxy/marketplace`. One of point+radius, bbox or city locates the search. */
export interface MarketplaceQuery {
  lat?: number;
  lng?: number;
  /** Metres around lat/lng; default 5000, at most 50000. */
  radius?: number;
  /** `minLng,minLat,maxLng,maxLat`. */
  bbox?: string;
  city?: string;
  /** ISO 8601 instants; without a window, results carry no quote and availability is "now". */
  start?: string;
  end?: string;
  spaceType?: SpaceType;
  /** Comma list; a facility must have all of them. */
  amenities?: string;
  maxPriceCents?: number;
  sort?: MarketplaceSort;
  cursor?: string;
  /** Page size, at most 50 (default 20). */
  limit?: number;
}

export interface MarketplaceResult {
  facility: FacilitySummary;
  /** Metres from the searched point; `null` for bbox or city searches. */
  distanceMeters: number | null;
  /** The price of the window for the requested space type (standard by default); `null` without a window. */
  quote: PriceQuote | null;
  /** Availability of the requested space type for the whole window (or now). */
  availability: SpaceTypeAvailability;
}

export interface MarketplacePage {
  results: MarketplaceResult[];
  /** Opaque; pass back as `cursor` for the next page. `null` on the last page. */
  nextCursor: string | null;
  fidelity: DataFidelity;
}

export interface RateView {
  spaceType: SpaceType;
  hourlyCents: number;
  dailyMaxCents: number | null;
  multipliers: RateMultiplier[];
  currency: string;
}

/** `GET /api/facilities/:id`. */
export interface FacilityDetail extends FacilitySummary {
  description: string;
  openingHours: OpeningHours;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  rates: RateView[];
  /** Active spaces per type (exact at full fidelity; `count` is null at coarse fidelity). */
  spaces: { spaceType: SpaceType; count: number | null }[];
  fidelity: DataFidelity;
}

/** One hour of a facility's day, in its local time, with free spaces per type. */
export interface AvailabilityTimelineHour {
  /** ISO 8601 UTC instant the hour starts. */
  start: string;
  /** Local wall clock "HH:MM" in the facility's time zone. */
  localStart: string;
  open: boolean;
  perType: SpaceTypeAvailability[];
}

export interface SpaceTypeQuote {
  spaceType: SpaceType;
  quote: PriceQuote | null;
}

/** `GET /api/facilities/:id/availability?start&end`. */
export interface FacilityAvailability {
  facilityId: string;
  timeZone: string;
  window: { start: string; end: string };
  /** Free for the whole window, per type. */
  perType: SpaceTypeAvailability[];
  /**
   * The price of the window per space type with a rate (what "Book" will hold at), so the total
   * shows before a space is held; `quote` is null when the rate cannot price the window.
   */
  quotes: SpaceTypeQuote[];
  /** Hour by hour, over the local day the window starts on. */
  timeline: AvailabilityTimelineHour[];
  fidelity: DataFidelity;
}

/** Query string of `GET /api/proxy/facilities`, the public catalogue, ordered by name. */
export interface FacilityListQuery {
  city?: string;
  /** Comma list; a facility must have all of them. */
  amenities?: string;
  /** Only facilities with at least one active space of this type. */
  spaceType?: SpaceType;
  cursor?: string;
  /** Page size, at most 50 (default 20). */
  limit?: number;
}

export interface FacilityListPage {
  results: FacilitySummary[];
  /** Opaque; pass back as `cursor` for the next page. `null` on the last page. */
  nextCursor: string | null;
  fidelity: DataFidelity;
}

/** Query string of `GET /api/facilities/:id/availability`. */
export interface FacilityAvailabilityQuery {
  start: string;
  end: string;
}

/** Anonymous callers see `few` for 1 to this many free spaces, `many` above. */
export const FEW_SPACES_AT_MOST = 5;
