/**
 * Prices and opening hours: the shapes stored on facilities and rates (jsonb columns of the
 * foundation migration) and the quote the API hands to the SPA.
 *
 * Times of day are local wall-clock "HH:MM" in the facility's IANA time zone; "24:00" may end an
 * interval. An interval whose end is earlier than its start (["22:00", "02:00"]) crosses midnight
 * and belongs to the day it starts on. An interval whose end equals its start is empty.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock time "HH:MM" (00:00–23:59, or 24:00 as an interval's end). */
export type WallClockTime = string;
export type WallClockInterval = [from: WallClockTime, to: WallClockTime];

/**
 * `facilities.opening_hours`: `null` means open 24/7; otherwise the open intervals per weekday.
 * A weekday that is missing or has `[]` is closed.
 */
export type OpeningHours = Partial<Record<Weekday, WallClockInterval[]>> | null;

/** One entry of `rates.multipliers`: on these weekdays, from–to local time, the hourly rate is multiplied. */
export interface RateMultiplier {
  days: Weekday[];
  from: WallClockTime;
  to: WallClockTime;
  /** A factor from 0 to 10 with at most 2 decimals, e.g. 1.5 for a morning peak, 0.5 for nights, 0 for free hours. */
  multiplier: number;
}

/**
 * Limits of what an operator may save as a rate. Amounts are minor units of the facility's
 * currency, so the hourly ceiling leaves room for currencies with small units (IDR, KRW).
 */
export const RATE_LIMITS = {
  hourlyCentsMax: 1_000_000,
  dailyMaxCentsMax: 10_000_000,
  multiplierMin: 0,
  multiplierMax: 10,
  multiplierDecimals: 2,
  multipliersPerRate: 50,
} as const;

/**
 * The largest price a booking, an extension or a payment can hold: the `integer` amount columns
 * of PostgreSQL. A rate is refused when some booking it could price would cost more.
 */
export const PRICE_CENTS_MAX = 2_147_483_647;

/** A `rates` row (one per space type of a facility), with the facility's currency when known. */
export interface Rate {
  hourlyCents: number;
  dailyMaxCents: number | null;
  multipliers: RateMultiplier[];
  /** ISO 4217, from `facilities.currency`. */
  currency?: string;
}

/** A stretch of one local day billed at one multiplier. Instants are ISO 8601 UTC. */
export interface PriceQuoteSegment {
  start: string;
  end: string;
  /** Wall clock at the start and end ("24:00" when it ends at the next local midnight). */
  localStart: WallClockTime;
  localEnd: WallClockTime;
  /** Real elapsed minutes (a 02:00–03:00 stretch in the repeated fall-back hour counts twice). */
  minutes: number;
  multiplier: number;
}

/** The part of the window on one local calendar day of the facility, and what it costs. */
export interface PriceQuoteDay {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  start: string;
  end: string;
  billedMinutes: number;
  segments: PriceQuoteSegment[];
  /** The day's minutes at their rates, rounded half up to a whole cent once. */
  uncappedCents: number;
  dailyMaxCents: number | null;
  capApplied: boolean;
  totalCents: number;
}

export interface PriceQuote {
  totalCents: number;
  currency?: string;
  timeZone: string;
  /** The billed window: the requested one widened to whole minutes. */
  start: string;
  end: string;
  billedMinutes: number;
  lines: PriceQuoteDay[];
}

/** An open stretch on a facility's day timeline. Instants are ISO 8601 UTC. */
export interface OpenInterval {
  start: string;
  end: string;
  localStart: WallClockTime;
  localEnd: WallClockTime;
}

/** No booking may last longer than this, whatever the facility allows (30 days). */
export const MAX_BOOKING_MINUTES = 43_200;

export const BOOKING_WINDOW_VIOLATIONS = [
  'invalid_window',
  'end_not_after_start',
  'start_in_past',
  'shorter_than_minimum',
  'longer_than_maximum',
  'longer_than_30_days',
  'outside_opening_hours',
] as const;
export type BookingWindowViolationCode = (typeof BOOKING_WINDOW_VIOLATIONS)[number];

export interface BookingWindowViolation {
  code: BookingWindowViolationCode;
  message: string;
}
