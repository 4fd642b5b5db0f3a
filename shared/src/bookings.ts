import type { Page } from './auth.js';
import type { SpaceType } from './facilities.js';

export const BOOKING_STATUSES = ['pending_payment', 'confirmed', 'cancelled', 'expired', 'completed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** The SPA's page of one booking, where its driver sees, changes or cancels it (emails link here). */
export function bookingPagePath(bookingId: string): string {
  return `/driver/bookings/${encodeURIComponent(bookingId)}`;
}

/** The SPA's page that pays a held booking (a waitlist offer's email links here). */
export function bookingPaymentPath(bookingId: string): string {
  return `/driver/checkout/${encodeURIComponent(bookingId)}`;
}

/** Header a client sends with a POST that creates a booking or money, so a retry is safe. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** `POST /api/bookings` (with an Idempotency-Key header). */
export interface CreateBookingRequest {
  facilityId: string;
  start: string;
  end: string;
  spaceType: SpaceType;
  vehiclePlate: string;
}

/**
 * Cancellation terms, stated on every booking: free (full refund) until `freeUntil`; after it,
 * `lateRefundPercent` of the price is refunded; no cancellation once the booking has started.
 */
export interface CancellationTerms {
  freeUntil: string;
  lateRefundPercent: number;
  /** What cancelling now would refund, in cents. */
  refundableNowCents: number;
  cancellableNow: boolean;
}

export interface BookingPaymentSummary {
  status: 'succeeded' | 'refunded' | 'partially_refunded';
  amountCents: number;
  refundedCents: number;
  cardBrand: string | null;
  cardLast4: string | null;
  /** True when the sandbox (test-mode) provider took the payment. */
  testMode: boolean;
}

/** One refund of a payment, back to the card that payment was made with. */
export interface BookingRefundLine {
  amountCents: number;
  refundedAt: string;
}

/**
 * One successful charge of a booking: the booking itself, or one of its extensions, each with
 * the card it was paid with (an extension may be paid with another card) and its refunds.
 */
export interface BookingPaymentLine {
  id: string;
  purpose: 'booking' | 'extension';
  status: 'succeeded' | 'refunded' | 'partially_refunded';
  amountCents: number;
  refundedCents: number;
  currency: string;
  cardBrand: string | null;
  cardLast4: string | null;
  paidAt: string;
  refunds: BookingRefundLine[];
}

export interface BookingView {
  id: string;
  /** Short, human-readable, unique: what the driver shows at the gate. */
  code: string;
  status: BookingStatus;
  facility: { id: string; name: string; addressLine: string; city: string; timeZone: string };
  spaceType: SpaceType;
  spaceLabel: string;
  start: string;
  end: string;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  /** When an unpaid hold lapses (`pending_payment` only). */
  holdExpiresAt: string | null;
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  cancellation: CancellationTerms;
  /** The sums of `payments`, with the first card used. */
  payment: BookingPaymentSummary | null;
  /** Every successful charge, oldest first. */
  payments: BookingPaymentLine[];
  /** Set when the booking is a monthly pass's hold of its space (`GET /api/passes/:id`). */
  passId: string | null;
  /** The weekly series (`/api/booking-series/:id`) the booking is an occurrence of; null for a single booking. */
  seriesId: string | null;
}

/**
 * Which of the driver's bookings `GET /api/bookings` lists. `upcoming`: held or paid and not
 * ended; `past`: ended, completed or lapsed; `cancelled`: cancelled. `all` lists upcoming ones
 * first (soonest first), then the rest (most recent first).
 */
export const BOOKING_LIST_FILTERS = ['all', 'upcoming', 'past', 'cancelled'] as const;
export type BookingListFilter = (typeof BOOKING_LIST_FILTERS)[number];

/** Query string of `GET /api/bookings`. */
export interface BookingListQuery {
  filter?: BookingListFilter;
  page?: number;
  pageSize?: number;
}

/** `GET /api/bookings`: one page of the driver's own bookings, with how many each filter holds. */
export interface BookingList extends Page<BookingView> {
  filter: BookingListFilter;
  counts: Record<BookingListFilter, number>;
}

export interface CancelBookingResult {
  booking: BookingView;
  refundedCents: number;
}

/** `POST /api/bookings/:id/extend`. */
export interface ExtendBookingRequest {
  end: string;
}

/** An extension holds the extra time on the same space until it is paid. */
export interface BookingExtensionView {
  id: string;
  bookingId: string;
  newEnd: string;
  amountCents: number;
  currency: string;
  status: 'pending_payment' | 'confirmed' | 'expired';
  holdExpiresAt: string | null;
}

/** `PATCH /api/bookings/:id/vehicle`. */
export interface UpdateVehicleRequest {
  vehiclePlate: string;
}
