import type { BookingWindowViolation, OpeningHours, PriceQuote, RateMultiplier } from './pricing.js';

/** Kinds of space a facility offers; each has its own rate and availability. */
export const SPACE_TYPES = ['standard', 'ev', 'accessible', 'oversize', 'motorcycle'] as const;
export type SpaceType = (typeof SPACE_TYPES)[number];

/**
 * What a facility offers besides a space; stored in `facilities.amenities`. The one vocabulary:
 * the API's enum and validation, the seed, the database's check constraint and the SPA's labels
 * all use this list (older names were rewritten by a migration: `restrooms` → `toilets`,
 * `bike_parking` → `bicycle_parking`, `security` → `staffed`).
 */
export const AMENITIES = [
  'covered',
  'ev_charging',
  'accessible',
  'cctv',
  'staffed',
  'lighting',
  'lift',
  'toilets',
  'car_wash',
  'bicycle_parking',
  'contactless_entry',
  'public_transport',
  'valet',
] as const;
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
  /** Metres around lat/lng, or around the city's centre for a city search; default 5000, at most 50000. */
  radius?: number;
  /** `minLng,minLat,maxLng,maxLat`. */
  bbox?: string;
  /**
   * A city by any of its names, accents and case ignored ("Zurich", "zürich", "München", "Munich"):
   * the search is lat/lng at the city's centre with `radius`. A name no known city has matches
   * facilities whose city is that name, around their middle.
   */
  city?: string;
  /**
   * ISO 8601 instants; without a window, results carry no quote and availability is "now".
   * A start more than two minutes ago is refused (400, field code `in_the_past`).
   */
  start?: string;
  end?: string;
  spaceType?: SpaceType;
  /** Comma list; a facility must have all of them. */
  amenities?: string;
  maxPriceCents?: number;
  /**
   * `distance` (default for point and city searches): nearest the point or city centre first.
   * `price`: cheapest first (the window's total, or the hourly rate without a window; default for bbox).
   * `availability`: most free spaces first. Ties go by id, so pages never overlap.
   */
  sort?: MarketplaceSort;
  cursor?: string;
  /** Page size, at most 50 (default 20). */
  limit?: number;
}

export interface MarketplaceResult {
  facility: FacilitySummary;
  /** Metres from the searched point or the city's centre; `null` for bbox searches. */
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
  /** For a city search, the city it resolved to and the centre distances are measured from. */
  place?: PlaceView;
}

/** A city (or town) searches can be centred on, known by several names. */
export interface PlaceView {
  /** Stable id, e.g. `zurich`. */
  id: string;
  /** The name facilities use for it (`Zürich`, `Munich`). */
  name: string;
  countryCode: string;
  /** Where "near the city centre" is measured from. */
  centre: GeoPoint;
}

/** What a suggestion stands for: a city, a car park by name, or a car park's street address. */
export const SUGGESTION_KINDS = ['city', 'facility', 'address'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** Query string of `GET /api/proxy/suggestions`. */
export interface SuggestionQuery {
  /** What the person has typed so far: at least 2 characters, at most 100; accents and case are ignored. */
  q: string;
  /** At most this many suggestions (1–10, default 8). */
  limit?: number;
  /** Only car parks and addresses in this city (any of its names), and no cities. */
  city?: string;
}

interface SuggestionBase {
  kind: SuggestionKind;
  /** Unique in the list (`city:zurich`, `facility:<uuid>`, `address:<uuid>`), for list keys. */
  id: string;
  /** The main line, e.g. "Zürich", "Parkhaus Alexanderplatz", "Karl-Liebknecht-Straße 12". */
  label: string;
  /** The second line, e.g. "Switzerland", "Karl-Liebknecht-Straße 12, Berlin", "Parkhaus Alexanderplatz, Berlin". */
  secondary: string;
  /** Where to search around (a city's centre, a car park's entrance). */
  location: GeoPoint;
}

/** Search the marketplace with `city` (its canonical name) and the form's radius. */
export interface CitySuggestion extends SuggestionBase {
  kind: 'city';
  placeId: string;
  /** The name to send as `city`. */
  city: string;
  countryCode: string;
  /** The name that matched when it is not the label ("München" for Munich); `null` otherwise. */
  matchedName: string | null;
}

/** Open the car park's page (`facilityId`/`slug`), or search around `location`. */
export interface FacilitySuggestion extends SuggestionBase {
  kind: 'facility';
  facilityId: string;
  slug: string;
  city: string;
}

/** Search around `location` (lat/lng with the form's radius); `facilityId` is the car park at that address. */
export interface AddressSuggestion extends SuggestionBase {
  kind: 'address';
  facilityId: string;
  city: string;
}

export type Suggestion = CitySuggestion | FacilitySuggestion | AddressSuggestion;

/**
 * `GET /api/proxy/suggestions`: cities first, then car parks by name, then addresses; within a
 * kind, names that start with the typed text before those that contain it.
 */
export interface SuggestionList {
  /** The query as it was matched (trimmed). */
  q: string;
  suggestions: Suggestion[];
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
  /**
   * Why this car park would refuse a booking of the window whatever is free (closed for part of
   * it, shorter or longer than the stays it takes), as the booking would answer; empty when it
   * takes such a stay.
   */
  windowProblems: BookingWindowViolation[];
  fidelity: DataFidelity;
}

/** Query string of `GET /api/facilities/:id/alternatives`: the window and type the driver wanted there. */
export interface FacilityAlternativesQuery {
  start: string;
  end: string;
  /** Default `standard`. */
  spaceType?: SpaceType;
  /** Metres around the facility; default 5000, at most 50000. */
  radius?: number;
  /** At most this many alternatives, nearest first; default 3, at most 10. */
  limit?: number;
}

/** A nearby facility with a space of the type free for the whole window. */
export interface FacilityAlternative extends MarketplaceResult {
  /** Metres from the facility the driver wanted. */
  distanceMeters: number;
  /**
   * The alternative's total for the window minus the wanted facility's, in cents of the same
   * currency (negative: cheaper); `null` when either has no quote or their currencies differ.
   */
  priceDifferenceCents: number | null;
}

/**
 * `GET /api/facilities/:id/alternatives`: where else the driver can park for the same window when
 * this facility has no space of the type (also in the `details.alternatives` of a booking's 409
 * `no_space_available`). Nearest first; only facilities with a space free for the whole window.
 */
export interface FacilityAlternatives {
  facilityId: string;
  spaceType: SpaceType;
  window: { start: string; end: string };
  /** The wanted facility's price of the window, which `priceDifferenceCents` is measured from; `null` when it has none. */
  quote: PriceQuote | null;
  alternatives: FacilityAlternative[];
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
