import type { Amenity, FacilitySummary, RateMultiplier, SpaceType } from '@aiparksit/shared';

/**
 * The columns of a FacilitySummary over a row `f` of `facilities`, given the SQL of the operator's
 * name and of the space types (a `text[]`), for statements that have them at hand already.
 */
export function facilitySummaryColumns(operatorName: string, spaceTypes: string): string {
  return `
  f.id, f.name, f.slug, ${operatorName} AS "operatorName", f.address_line AS "addressLine", f.city,
  f.postal_code AS "postalCode", f.country_code AS "countryCode", f.latitude, f.longitude,
  f.time_zone AS "timeZone", f.currency, f.amenities, f.height_limit_cm AS "heightLimitCm", f.photos,
  f.opening_hours IS NULL AS "open24x7",
  ${spaceTypes} AS "spaceTypes"`;
}

/**
 * The columns of a FacilitySummary, for statements that join `facilities f` and `operators o`.
 * `spaceTypes` comes from the `facility_space_types` read model (the types of the active spaces,
 * in the enum's order), one lookup per facility instead of reading all its spaces.
 */
export const FACILITY_SUMMARY_COLUMNS = facilitySummaryColumns(
  'o.display_name',
  `coalesce((SELECT fst.space_types::text[] FROM facility_space_types fst WHERE fst.facility_id = f.id), '{}')`,
);

/**
 * What the public may see: published, of an approved operator, and never a canary (real-looking
 * rows that exist to catch harvesters).
 */
export const LISTED = `f.published AND NOT f.is_canary AND o.status = 'approved'`;

/** Bookings that hold a space; `occupied_period` includes an extension held for payment. */
export const LIVE_BOOKING = `b.status IN ('pending_payment', 'confirmed')`;

export interface FacilitySummaryRow {
  id: string;
  name: string;
  slug: string;
  operatorName: string;
  addressLine: string;
  city: string;
  postalCode: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  currency: string;
  amenities: Amenity[];
  heightLimitCm: number | null;
  photos: string[];
  open24x7: boolean;
  spaceTypes: SpaceType[];
}

export interface RateRow {
  hourlyCents: number;
  dailyMaxCents: number | null;
  multipliers: RateMultiplier[];
}

export function toFacilitySummary(row: FacilitySummaryRow): FacilitySummary {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    operatorName: row.operatorName,
    addressLine: row.addressLine,
    city: row.city,
    postalCode: row.postalCode,
    countryCode: row.countryCode,
    location: { lat: row.latitude, lng: row.longitude },
    timeZone: row.timeZone,
    currency: row.currency,
    amenities: row.amenities,
    heightLimitCm: row.heightLimitCm,
    photos: row.photos,
    open24x7: row.open24x7,
    spaceTypes: row.spaceTypes,
  };
}
