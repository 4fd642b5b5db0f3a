import { CARD_BRANDS } from './catalog.js';
import type { SeedFacility, SeedSpace } from './marketplace.js';
import { openWindowUtc } from './opening-hours.js';
import { PLATFORM_FEE_BASIS_POINTS, priceForStay, splitGross, type LedgerSplit } from './pricing.js';
import { SeededRandom } from './prng.js';
import type { SeedDriver } from './people.js';
import type { SeedScale } from './scales.js';

export type BookingStatus = 'confirmed' | 'cancelled' | 'expired' | 'completed';

export interface SeedPayment {
  id: string;
  providerRef: string;
  cardBrand: string;
  cardLast4: string;
  /** Epoch milliseconds, like every instant of a booking: five million Date objects are avoidable garbage. */
  createdAt: number;
  split: LedgerSplit;
}

export interface SeedBooking {
  id: string;
  driver: SeedDriver;
  facility: SeedFacility;
  space: SeedSpace;
  start: number;
  end: number;
  status: BookingStatus;
  amountCents: number;
  createdAt: number;
  updatedAt: number;
  holdExpiresAt: number;
  confirmedAt: number | null;
  cancelledAt: number | null;
  /** Present exactly when the booking is confirmed or completed: a succeeded card payment. */
  payment: SeedPayment | null;
}

const MINUTE = 60_000;
const SLOT = 15 * MINUTE;
const DAY = 24 * 60 * MINUTE;

export interface BookingWindow {
  /** "Now" of the data set: UTC midnight; past bookings end before it, upcoming ones start after. */
  anchor: number;
  from: number;
  to: number;
}

export function bookingWindow(anchor: number, scale: SeedScale): BookingWindow {
  return { anchor, from: anchor - scale.pastDays * DAY, to: anchor + scale.futureDays * DAY };
}

/**
 * One space's bookings. The window is cut into as many equal segments as the space gets
 * bookings and each booking lies inside its own segment, so bookings of one space never
 * overlap, by construction. Stays respect the facility's opening hours (multi-day stays only
 * where it is open 24/7); the status follows from the period's place relative to the anchor.
 */
export function bookingsOfSpace(
  seed: number,
  scale: SeedScale,
  window: BookingWindow,
  facility: SeedFacility,
  space: SeedSpace,
  spaceOrdinal: number,
  drivers: readonly SeedDriver[],
): SeedBooking[] {
  if (facility.isCanary) return [];
  const random = new SeededRandom(`${seed}:bookings:${facility.index}:${spaceOrdinal}`);
  const count = random.int(scale.bookingsPerSpace[0], scale.bookingsPerSpace[1]);
  const rate = facility.rates[space.type];
  if (!rate) throw new Error(`facility ${facility.slug} has ${space.type} spaces but no ${space.type} rate`);
  const segment = Math.floor((window.to - window.from) / count / DAY) * DAY;
  const bookings: SeedBooking[] = [];
  for (let k = 0; k < count; k += 1) {
    const segmentStart = window.from + k * segment;
    const stay = facility.openingHours === null ? roundTheClockStay(random, segmentStart, segment) : stayWithinHours(random, facility, segmentStart, segment);
    if (!stay) continue;
    bookings.push(describeBooking(random, scale, window, facility, space, stay, drivers, rate));
  }
  return bookings;
}

function roundTheClockStay(random: SeededRandom, segmentStart: number, segment: number): { start: number; end: number } {
  const kind = random.weighted([
    ['short', 50],
    ['day', 30],
    ['overnight', 12],
    ['days', 8],
  ] as const);
  const slots = kind === 'short' ? random.int(4, 16) : kind === 'day' ? random.int(20, 40) : kind === 'overnight' ? random.int(48, 96) : random.int(2, 5) * 96;
  const duration = Math.min(slots * SLOT, segment - SLOT);
  const start = segmentStart + random.int(0, Math.floor((segment - duration) / SLOT)) * SLOT;
  return { start, end: start + duration };
}

function stayWithinHours(random: SeededRandom, facility: SeedFacility, segmentStart: number, segment: number): { start: number; end: number } | null {
  const days = segment / DAY;
  const firstTry = random.int(0, days - 1);
  for (let attempt = 0; attempt < days; attempt += 1) {
    const day = segmentStart + ((firstTry + attempt) % days) * DAY;
    const open = openWindowUtc(facility.openingHours, facility.city.timeZone, day);
    if (!open || open.opens < segmentStart || open.closes > segmentStart + segment) continue;
    const openSlots = Math.floor((open.closes - open.opens) / SLOT);
    const slots = Math.min(
      openSlots,
      random.weighted([
        [random.int(4, 12), 70],
        [random.int(12, 40), 30],
      ] as const),
    );
    const start = open.opens + random.int(0, openSlots - slots) * SLOT;
    return { start, end: start + slots * SLOT };
  }
  return null;
}

function describeBooking(
  random: SeededRandom,
  scale: SeedScale,
  window: BookingWindow,
  facility: SeedFacility,
  space: SeedSpace,
  stay: { start: number; end: number },
  drivers: readonly SeedDriver[],
  rate: { hourlyCents: number; dailyMaxCents: number },
): SeedBooking {
  const id = random.uuid();
  const driver = random.chance(scale.demoDriverShare) ? drivers[0]! : drivers[random.int(0, drivers.length - 1)]!;
  const status: BookingStatus =
    stay.end <= window.anchor
      ? random.weighted([
          ['completed', 88],
          ['cancelled', 8],
          ['expired', 4],
        ] as const)
      : stay.start >= window.anchor
        ? random.weighted([
            ['confirmed', 90],
            ['cancelled', 10],
          ] as const)
        : 'confirmed';
  const amountCents = priceForStay((stay.end - stay.start) / MINUTE, rate);
  // Booked between 10 minutes and 3 weeks ahead, and never after the anchor.
  const created = Math.min(stay.start - random.int(10, 30_240) * MINUTE, window.anchor - random.int(5, 600) * MINUTE);
  const holdExpires = created + 15 * MINUTE;
  const confirmed = status === 'confirmed' || status === 'completed' ? created + random.int(20, 180) * 1000 : null;
  const cancelled = status === 'cancelled' ? Math.min(created + random.int(1, 4_000) * MINUTE, stay.start, window.anchor) : null;
  const updated = status === 'completed' ? stay.end : status === 'expired' ? holdExpires : (cancelled ?? confirmed ?? created);
  let payment: SeedPayment | null = null;
  if (confirmed !== null) {
    payment = {
      id: random.uuid(),
      providerRef: `sbx_${random.uuid().replace(/-/g, '').slice(0, 24)}`,
      cardBrand: random.weighted(CARD_BRANDS),
      cardLast4: String(random.int(0, 9999)).padStart(4, '0'),
      createdAt: confirmed,
      split: splitGross(amountCents, PLATFORM_FEE_BASIS_POINTS),
    };
  }
  return {
    id,
    driver,
    facility,
    space,
    start: stay.start,
    end: stay.end,
    status,
    amountCents,
    createdAt: created,
    updatedAt: updated,
    holdExpiresAt: holdExpires,
    confirmedAt: confirmed,
    cancelledAt: cancelled,
    payment,
  };
}
