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
  /** Successful payments (booking and extensions): charged, refunded, and the first card used. */
  paidCents: number | null;
  refundedCents: number | null;
  cardBrand: string | null;
  cardLast4: string | null;
  paymentProvider: string | null;
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
