import type { BookingStatus } from './bookings.js';
import type { SpaceType } from './facilities.js';

/** How many months ahead a pass may be bought: the current calendar month and the next two. */
export const PASS_MONTHS_AHEAD = 3;

/** One month of a facility's pass offer for a space type, as drivers and the operator see it. */
export interface PassMonthAvailability {
  /** The calendar month at the facility, `YYYY-MM`. */
  month: string;
  /** The period a pass bought now covers: from now (the current month) or the 1st at 00:00 local, to the next 1st. */
  start: string;
  end: string;
  /** What a pass bought now costs: the month's price, pro rata for the part of the current month left. */
  priceCents: number;
  /** Live passes (held or paid) of this month. */
  sold: number;
  /** Passes still for sale this month: the limit less those sold (never below 0). */
  left: number;
}

/** `GET /api/facilities/:id/pass-offers`: what a facility sells, per space type. */
export interface PassOfferView {
  facilityId: string;
  spaceType: SpaceType;
  /** Passes sold per calendar month; 0 sells none. */
  passLimit: number;
  /** Price of a whole calendar month, in cents of `currency`. */
  priceCents: number;
  currency: string;
  timeZone: string;
  months: PassMonthAvailability[];
}

export interface PassOfferList {
  items: PassOfferView[];
}

/** `PUT /api/operator/facilities/:id/pass-offers/:spaceType`. */
export interface UpdatePassOfferRequest {
  passLimit: number;
  priceCents: number;
}

/** `POST /api/passes`: a pass of the facility's space type for one calendar month. */
export interface CreatePassRequest {
  facilityId: string;
  spaceType: SpaceType;
  /** `YYYY-MM`, the current month at the facility or one of the next two. */
  month: string;
  vehiclePlate: string;
}

/**
 * A monthly pass: a space of the type held for the whole period through an ordinary booking
 * (`booking`), paid with `POST /api/payments` and that booking's id. Its status is the booking's.
 */
export interface PassView {
  id: string;
  month: string;
  status: BookingStatus;
  facility: { id: string; name: string; addressLine: string; city: string; timeZone: string };
  spaceType: SpaceType;
  start: string;
  end: string;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  booking: { id: string; code: string; holdExpiresAt: string | null };
  createdAt: string;
  /** Cancellable (fully refunded) until the period starts; a held pass can always be dropped. */
  cancellableNow: boolean;
  refundableNowCents: number;
}

export interface PassList {
  items: PassView[];
}

export interface CancelPassResult {
  pass: PassView;
  refundedCents: number;
}

/** The pass holders of a facility's month, for its operator. */
export interface PassHolderView {
  id: string;
  month: string;
  status: BookingStatus;
  spaceType: SpaceType;
  spaceLabel: string;
  driverName: string;
  vehiclePlate: string;
  bookingCode: string;
  start: string;
  end: string;
  amountCents: number;
}

/** `GET /api/operator/facilities/:id/passes`: the facility's offers with sold and left per month, and its live and past pass holders. */
export interface OperatorPassOverview {
  offers: PassOfferView[];
  holders: PassHolderView[];
}
