import type { BookingView } from './bookings.js';
import type { CardInput } from './payments.js';
import type { SpaceType } from './facilities.js';

/** How many weeks a weekly pattern may run: a month is the common case, a quarter the most. */
export const SERIES_WEEKS_MIN = 1;
export const SERIES_WEEKS_MAX = 12;

/**
 * `all`: every occurrence is held, or none (409 naming the ones that cannot be).
 * `free`: the occurrences that can be held are, the others are listed as skipped.
 */
export const SERIES_MODES = ['all', 'free'] as const;
export type SeriesMode = (typeof SERIES_MODES)[number];

/** The SPA's page of one series (the confirmation after paying, and "My bookings" link here). */
export function bookingSeriesPagePath(seriesId: string): string {
  return `/driver/series/${encodeURIComponent(seriesId)}`;
}

/** The SPA's "repeat weekly" checkout, starting from one stay the driver chose. */
export function bookingSeriesCheckoutPath(facilityId: string, stay: { start: string; end: string }, spaceType: string): string {
  const query = Object.entries({ facility: facilityId, start: stay.start, end: stay.end, type: spaceType }).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return `/driver/series/new?${query.join('&')}`;
}

/**
 * A weekly pattern on the facility's local clock: every chosen ISO weekday (1 = Monday … 7 =
 * Sunday) from `firstDate` for `weeks` weeks, `startTime` to `endTime` local wall-clock time on
 * the same day, whatever the UTC offset that day.
 */
export interface WeeklyPattern {
  weekdays: number[];
  /** `HH:mm`, local to the facility. */
  startTime: string;
  /** `HH:mm`, later than `startTime` on the same day. */
  endTime: string;
  /** `YYYY-MM-DD`, the facility's local date the pattern starts on (not before its today). */
  firstDate: string;
  weeks: number;
}

/** `POST /api/booking-series/preview` (nothing is held). */
export interface BookingSeriesPreviewRequest extends WeeklyPattern {
  facilityId: string;
  spaceType: SpaceType;
  vehiclePlate: string;
}

/** `POST /api/booking-series` (with an Idempotency-Key header): holds the occurrences in one transaction. */
export interface CreateBookingSeriesRequest extends BookingSeriesPreviewRequest {
  mode: SeriesMode;
}

/** Why an occurrence cannot be booked: a booking rule's code (`outside_opening_hours`, `blacked_out`, …) or `no_space_available`. */
export interface SeriesOccurrenceRefusal {
  code: string;
  message: string;
}

export interface SeriesOccurrencePreview {
  /** The facility's local date. */
  date: string;
  start: string;
  end: string;
  /** A space of the type is free for the whole occurrence and every booking rule passes. */
  free: boolean;
  /** Its price by the facility's rate; null when the occurrence breaks a rule and cannot be priced. */
  amountCents: number | null;
  refusal: SeriesOccurrenceRefusal | null;
}

export interface BookingSeriesPreview {
  facilityId: string;
  spaceType: SpaceType;
  timeZone: string;
  currency: string;
  occurrences: SeriesOccurrencePreview[];
  /** What mode `all` would cost; null when some occurrence cannot be booked (mode `all` would be refused). */
  allTotalCents: number | null;
  /** What mode `free` would cost: the free occurrences only. */
  freeTotalCents: number;
  freeCount: number;
}

export interface SkippedOccurrence extends SeriesOccurrenceRefusal {
  date: string;
  start: string;
  end: string;
}

/** The one charge that paid the series (one payment line per occurrence shares it). */
export interface BookingSeriesPayment {
  amountCents: number;
  refundedCents: number;
  cardBrand: string | null;
  cardLast4: string | null;
  testMode: boolean;
  paidAt: string;
}

export interface BookingSeriesView {
  id: string;
  facility: { id: string; name: string; addressLine: string; city: string; timeZone: string };
  spaceType: SpaceType;
  vehiclePlate: string;
  pattern: WeeklyPattern;
  mode: SeriesMode;
  /** The held occurrences' price when the series was made: what one payment charges. */
  totalCents: number;
  currency: string;
  /** When the unpaid holds lapse (all share it); null once paid or lapsed. */
  holdExpiresAt: string | null;
  /** Each held occurrence as an ordinary booking, earliest first. */
  occurrences: BookingView[];
  /** Occurrences of the pattern not held (mode `free`), with why. */
  skipped: SkippedOccurrence[];
  payment: BookingSeriesPayment | null;
  createdAt: string;
}

export interface BookingSeriesList {
  items: BookingSeriesView[];
}

/** `POST /api/booking-series/:id/payment` (with an Idempotency-Key header): one charge for every held occurrence. */
export interface PayBookingSeriesRequest {
  card: CardInput;
}

/** `POST /api/booking-series/:id/cancel`: every occurrence not yet started, each by the booking's own cancellation terms. */
export interface CancelBookingSeriesResult {
  series: BookingSeriesView;
  cancelledCount: number;
  refundedCents: number;
}
