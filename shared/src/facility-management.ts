import type { BookingStatus } from './bookings.js';
import type { Amenity, FacilityDetail, SpaceType } from './facilities.js';
import type { OpeningHours, RateMultiplier } from './pricing.js';

/** Spaces to add per type, e.g. `{ "standard": 40, "ev": 6 }`; labels continue each type's numbering. */
export type SpaceCounts = Partial<Record<SpaceType, number>>;

/** One rate card of a facility (the currency is the facility's). */
export interface RateInput {
  spaceType: SpaceType;
  hourlyCents: number;
  dailyMaxCents: number | null;
  multipliers: RateMultiplier[];
}

/** `POST /api/facilities` by an operator (or an admin naming the operator). */
export interface CreateFacilityRequest {
  /** Only for admins: the operator the facility belongs to. Operators always create their own. */
  operatorId?: string;
  name: string;
  description?: string;
  addressLine: string;
  city: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  location: { lat: number; lng: number };
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  /** ISO 4217, e.g. EUR. */
  currency: string;
  /** `null` (the default) is open 24/7. */
  openingHours?: OpeningHours;
  amenities?: Amenity[];
  heightLimitCm?: number | null;
  /** https URLs. */
  photos?: string[];
  minDurationMinutes?: number;
  maxDurationMinutes?: number;
  rates: RateInput[];
  spaces: SpaceCounts;
  /** Default false: a facility is published when its operator says so. */
  published?: boolean;
}

/** `PATCH /api/facilities/:id`: any subset of the creation fields except spaces and the operator. */
export type UpdateFacilityRequest = Partial<Omit<CreateFacilityRequest, 'spaces' | 'operatorId'>>;

/** The operator's view of one facility: the public detail plus what only its operator sees. */
export interface ManagedFacility extends Omit<FacilityDetail, 'fidelity'> {
  operatorId: string;
  published: boolean;
  /** Published, of an approved operator: what the marketplace shows. */
  listed: boolean;
  /** Inactive spaces per type (never deleted). */
  inactiveSpaces: { spaceType: SpaceType; count: number }[];
  createdAt: string;
  updatedAt: string;
}

/** A row of `GET /api/operator/facilities`. */
export interface OperatorFacilityRow {
  id: string;
  name: string;
  slug: string;
  city: string;
  published: boolean;
  listed: boolean;
  activeSpaces: number;
  inactiveSpaces: number;
  /** Live bookings (pending payment or confirmed) that have not ended. */
  upcomingBookings: number;
  /** Blackouts that have not ended. */
  currentBlackouts: number;
}

export interface OperatorFacilityList {
  results: OperatorFacilityRow[];
}

/** A space as its operator sees it, with the next live booking that has not ended. */
export interface ManagedSpace {
  id: string;
  label: string;
  spaceType: SpaceType;
  active: boolean;
  nextBooking: { id: string; code: string; start: string; end: string; status: BookingStatus } | null;
}

export interface ManagedSpaceList {
  results: ManagedSpace[];
}

/** A booking that keeps a space from being deactivated, or that lies inside a new blackout. */
export interface BlockingBooking {
  id: string;
  code: string;
  spaceId: string;
  spaceLabel: string;
  start: string;
  end: string;
  status: BookingStatus;
}

/**
 * A period when a facility, or some of its spaces, take no new bookings. Without `spaceType`
 * and `spaceIds` it covers the whole facility; with `spaceType` every space of the type; with
 * `spaceIds` those spaces.
 */
export interface CreateBlackoutRequest {
  start: string;
  end: string;
  spaceType?: SpaceType;
  spaceIds?: string[];
  reason?: string;
}

export interface BlackoutView {
  id: string;
  facilityId: string;
  start: string;
  end: string;
  spaceType: SpaceType | null;
  spaceIds: string[] | null;
  reason: string;
  createdAt: string;
}

export interface BlackoutList {
  results: BlackoutView[];
}

/** Existing live bookings inside a new blackout are kept; they are listed so the operator can act. */
export interface BlackoutCreated {
  blackout: BlackoutView;
  bookingsInside: BlockingBooking[];
}

/**
 * Orders of the operator's booking list. The default, newest created first, puts a booking just
 * made on the first page; `start_*` orders by when the stay begins.
 */
export const OPERATOR_BOOKING_SORTS = ['created_desc', 'created_asc', 'start_desc', 'start_asc'] as const;
export type OperatorBookingSort = (typeof OPERATOR_BOOKING_SORTS)[number];
export const OPERATOR_BOOKING_SORT_DEFAULT: OperatorBookingSort = 'created_desc';

/** Query string of `GET /api/operator/bookings` and `GET /api/operator/bookings.csv`. */
export interface OperatorBookingQuery {
  /** Default `created_desc`. */
  sort?: OperatorBookingSort;
  facilityId?: string;
  status?: BookingStatus;
  /** Bookings whose period overlaps [from, to). */
  from?: string;
  to?: string;
  /** A booking code, or a vehicle plate (or its beginning). */
  q?: string;
  cursor?: string;
  /** Page size, at most 100 (default 50); not for the CSV. */
  limit?: number;
}

export interface OperatorBookingRow {
  id: string;
  code: string;
  facilityId: string;
  facilityName: string;
  /** The car park's IANA zone: times are shown in it. */
  facilityTimeZone: string;
  spaceLabel: string;
  spaceType: SpaceType;
  start: string;
  end: string;
  status: BookingStatus;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  createdAt: string;
}

export interface OperatorBookingPage {
  results: OperatorBookingRow[];
  /** Opaque; pass back as `cursor` (with the same sort) for the next page. `null` on the last page. */
  nextCursor: string | null;
}

/** A charge of a booking or of one of its extensions, as its operator sees it: the card's brand and last four only. */
export interface OperatorBookingPayment {
  id: string;
  /** `extension` for a payment of a later end. */
  purpose: 'booking' | 'extension';
  status: 'succeeded' | 'declined' | 'failed' | 'refunded' | 'partially_refunded';
  amountCents: number;
  refundedCents: number;
  currency: string;
  cardBrand: string | null;
  cardLast4: string | null;
  testMode: boolean;
  /** Why a declined or failed charge did not go through. */
  failureCode: string | null;
  createdAt: string;
}

/** Money given back to the driver (a cancellation), from the ledger. */
export interface OperatorBookingRefund {
  paymentId: string | null;
  amountCents: number;
  currency: string;
  refundedAt: string;
}

export interface OperatorBookingExtension {
  id: string;
  previousEnd: string;
  newEnd: string;
  amountCents: number;
  currency: string;
  status: 'pending_payment' | 'confirmed' | 'expired';
  createdAt: string;
}

/** `GET /api/operator/bookings/:id`: one booking of the operator's car parks, read-only. */
export interface OperatorBookingDetail extends OperatorBookingRow {
  facilityCity: string;
  /** When an unpaid hold lapses (`pending_payment` only). */
  holdExpiresAt: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  payments: OperatorBookingPayment[];
  refunds: OperatorBookingRefund[];
  extensions: OperatorBookingExtension[];
}

/** Spaces changed at once, e.g. everything ticked in the space list. At most this many per request. */
export const BULK_SPACES_MAX = 2000;

/**
 * `POST /api/facilities/:id/spaces/deactivate` and `/activate`: the spaces to take out of service
 * or back. Idempotent: a space already in the asked state is left as it is.
 */
export interface BulkSpaceChangeRequest {
  spaceIds: string[];
}

/** What a bulk change did: the spaces it changed and those that already were in the asked state. */
export interface BulkSpaceChangeResult {
  changed: number;
  unchanged: number;
  spaces: ManagedSpaceList;
}
