import type { SpaceType } from './facilities.js';

/**
 * - `waiting`: in line for the window.
 * - `offered`: a space freed and is held for the driver (`booking`, `pending_payment`) until its
 *   hold expires; paying it makes the entry `booked`, letting it lapse makes it `lapsed` and the
 *   space goes to the next in line.
 * - `left`: the driver left the line. `expired`: the window started with no space freed.
 */
export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'lapsed', 'left', 'expired'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/** `POST /api/waitlist`: the stay the driver wants, as a booking would ask for it. */
export interface JoinWaitlistRequest {
  facilityId: string;
  spaceType: SpaceType;
  start: string;
  end: string;
  vehiclePlate: string;
}

export interface WaitlistEntryView {
  id: string;
  status: WaitlistStatus;
  facility: { id: string; name: string; addressLine: string; city: string; timeZone: string };
  spaceType: SpaceType;
  start: string;
  end: string;
  vehiclePlate: string;
  /** The price quoted when the driver joined: what a hold offered to them will cost. */
  amountCents: number;
  currency: string;
  /** While `waiting`: 1 for the first in line at this car park and space type; null otherwise. */
  position: number | null;
  /** The held booking once a space was offered (pay it before `holdExpiresAt`); null before. */
  booking: { id: string; code: string; status: string; holdExpiresAt: string | null } | null;
  offeredAt: string | null;
  createdAt: string;
}

/** `GET /api/waitlist`: the driver's entries, newest first. */
export interface WaitlistEntryList {
  items: WaitlistEntryView[];
}
