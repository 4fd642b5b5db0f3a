import type { SpaceType } from './facilities.js';

export const BOOKING_STATUSES = ['pending_payment', 'confirmed', 'cancelled', 'expired', 'completed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

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
  payment: BookingPaymentSummary | null;
}

/** `GET /api/bookings`: the driver's own bookings. */
export interface BookingList {
  upcoming: BookingView[];
  past: BookingView[];
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
