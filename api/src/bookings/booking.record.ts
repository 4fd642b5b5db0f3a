import type { BookingStatus, OpeningHours, Rate, SpaceType } from '@aiparksit/shared';

/** A booking as its SQL reads it, with what a view needs of its facility, space and payments. */
export interface BookingRecord {
  id: string;
  code: string;
  driverId: string;
  facilityId: string;
  operatorId: string;
  operatorOwnerId: string;
  facilityName: string;
  addressLine: string;
  city: string;
  timeZone: string;
  spaceId: string;
  spaceType: SpaceType;
  spaceLabel: string;
  start: Date;
  end: Date;
  status: BookingStatus;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  holdExpiresAt: Date | null;
  extensionHoldEnd: Date | null;
  createdAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  seriesId: string | null;
  /** Successful payments (booking and extensions): charged, refunded, and the first card used. */
  paidCents: number | null;
  refundedCents: number | null;
  cardBrand: string | null;
  cardLast4: string | null;
  paymentProvider: string | null;
  /** Each successful payment as the SQL builds it in JSON (timestamps as text), oldest first; null without any. */
  lines: BookingPaymentRow[] | null;
  /** The monthly pass this booking holds the space of, if it is one. */
  passId: string | null;
}

export interface BookingPaymentRow {
  id: string;
  extensionId: string | null;
  status: 'succeeded' | 'refunded' | 'partially_refunded';
  amountCents: number;
  refundedCents: number;
  currency: string;
  cardBrand: string | null;
  cardLast4: string | null;
  paidAt: string;
  refunds: { amountCents: number; refundedAt: string }[];
}

/** What booking a facility needs: its rules, and the rate of the asked space type when it has one. */
export interface BookableFacility {
  id: string;
  timeZone: string;
  currency: string;
  openingHours: OpeningHours;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  rate: Rate | null;
}

export interface NewBookingHold {
  driverId: string;
  facilityId: string;
  spaceType: SpaceType;
  start: Date;
  end: Date;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  holdMinutes: number;
  /** The request's Idempotency-Key, kept on the booking (unique per driver). */
  idempotencyKey: string;
}
