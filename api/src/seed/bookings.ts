import { CARD_BRANDS, CITIES, type DistrictCharacter } from './catalog.js';
import { dayAtDemand, launchDay, type DemandModel, type SeedCalendar } from './demand.js';
import type { SeedFacility, SeedSpace } from './marketplace.js';
import { WEEKDAYS } from './opening-hours.js';
import { PLATFORM_FEE_BASIS_POINTS, priceForStay, splitGross, type LedgerSplit } from './pricing.js';
import { SeededRandom } from './prng.js';
import { DRIVER_HABITS, type SeedDriver } from './people.js';
import type { SeedScale } from './scales.js';

export type BookingStatus = 'confirmed' | 'cancelled' | 'expired' | 'completed';

/**
 * The project's cancellation terms (BOOKING_FREE_CANCEL_MINUTES and BOOKING_LATE_REFUND_PERCENT,
 * see bookings/cancellation-policy.ts) at their defaults: everything back until an hour before
 * the start, half (rounded down) after that until the start.
 */
export const SEED_CANCELLATION_POLICY = { freeCancelMinutes: 60, lateRefundPercent: 50 } as const;

export interface SeedRefund {
  /** When the driver cancelled: the refund's ledger lines are written at the same instant. */
  at: number;
  split: LedgerSplit;
}

export interface SeedPayment {
  id: string;
  providerRef: string;
  cardBrand: string;
  cardLast4: string;
  /** Epoch milliseconds, like every instant of a booking: five million Date objects are avoidable garbage. */
  createdAt: number;
  split: LedgerSplit;
  /** Present when the booking was cancelled after it was paid. */
  refund: SeedRefund | null;
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
  /** A succeeded card payment for confirmed and completed bookings; refunded (wholly or partly) for paid cancellations. */
  payment: SeedPayment | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Active drivers per city and month, weighted by habit (a commuter books about six times as often
 * as an occasional user) and sorted by sign-up, so a booking can draw among the drivers who had
 * signed up by the time it was made with one binary search.
 */
export class DriverPools {
  private readonly all: { drivers: SeedDriver[]; signedUp: Float64Array }[][] = [];
  private readonly commuters: { drivers: SeedDriver[]; signedUp: Float64Array }[][] = [];

  constructor(
    drivers: readonly SeedDriver[],
    private readonly months: number,
  ) {
    for (let city = 0; city < CITIES.length; city += 1) {
      const all: SeedDriver[][] = Array.from({ length: months }, () => []);
      const commuters: SeedDriver[][] = Array.from({ length: months }, () => []);
      for (const driver of drivers) {
        if (driver.homeCity !== city) continue;
        const weight = DRIVER_HABITS[driver.habit].weight;
        for (let month = 0; month < months; month += 1) {
          if ((driver.activeMonths & (1 << month)) === 0) continue;
          for (let w = 0; w < weight; w += 1) all[month]!.push(driver);
          if (driver.habit === 'commuter') commuters[month]!.push(driver);
        }
      }
      this.all.push(all.map(sortedPool));
      this.commuters.push(commuters.map(sortedPool));
    }
  }

  /** A driver of the city active in the month (or, failing that, an earlier one) who had signed up before `before`. */
  pick(random: SeededRandom, city: number, month: number, before: number, commuter: boolean): SeedDriver | null {
    for (let m = month; m >= 0 && m > month - 3; m -= 1) {
      const pools = commuter ? [this.commuters[city]![m]!, this.all[city]![m]!] : [this.all[city]![m]!];
      for (const pool of pools) {
        let lo = 0;
        let hi = pool.signedUp.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (pool.signedUp[mid]! < before) lo = mid + 1;
          else hi = mid;
        }
        if (lo > 0) return pool.drivers[random.int(0, lo - 1)]!;
      }
    }
    return null;
  }

  get monthCount(): number {
    return this.months;
  }
}

function sortedPool(drivers: SeedDriver[]): { drivers: SeedDriver[]; signedUp: Float64Array } {
  drivers.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  return { drivers, signedUp: Float64Array.from(drivers, (d) => d.createdAt.getTime()) };
}

export interface BookingContext {
  seed: number;
  scale: SeedScale;
  calendar: SeedCalendar;
  demand: DemandModel;
  pools: DriverPools;
  demoDriver: SeedDriver;
  /** Bookings per unit of demand of one space, so the data set totals about `scale.bookings`. */
  bookingsPerDemand: number;
}

/** The first day a facility's spaces can be booked: two days after it was listed (local and UTC days differ by hours), and not before its city opened. */
export function firstBookableDay(calendar: SeedCalendar, facility: SeedFacility): number {
  const listed = Math.floor((facility.createdAt.getTime() - calendar.start) / DAY) + 2;
  return Math.max(listed, launchDay(calendar, facility.city));
}

/** The facility's share of all demand, per space: what calibrates `bookingsPerDemand`. */
export function demandOfSpace(demand: DemandModel, facility: SeedFacility): number {
  const prefix = demand.prefix(facility.city, facility.district);
  const from = Math.min(firstBookableDay(demand.calendar, facility), demand.calendar.days);
  return facility.popularity * (prefix[demand.calendar.days]! - prefix[from]!);
}

/**
 * One space's bookings. Its expected count is its facility's demand while it exists; their days
 * are drawn by stratified sampling of that demand (the k-th of n bookings from the k-th n-quantile
 * band), so busy days, months and cities get more, and each stay starts after the previous one
 * ends: bookings of one space never overlap, by construction. The hour and length of a stay
 * follow the district (commuters arrive 7–9:30 and stay the working day; shoppers come late
 * morning and afternoon; evenings out) within the facility's opening hours.
 */
export function bookingsOfSpace(context: BookingContext, facility: SeedFacility, space: SeedSpace, spaceOrdinal: number): SeedBooking[] {
  if (facility.isCanary) return [];
  const { calendar, demand } = context;
  const random = new SeededRandom(`${context.seed}:bookings:${facility.index}:${spaceOrdinal}`);
  const rate = facility.rates[space.type];
  if (!rate) throw new Error(`facility ${facility.slug} has ${space.type} spaces but no ${space.type} rate`);
  const prefix = demand.prefix(facility.city, facility.district);
  const from = firstBookableDay(calendar, facility);
  if (from >= calendar.days) return [];
  const low = prefix[from]!;
  const mass = prefix[calendar.days]! - low;
  const count = Math.floor(context.bookingsPerDemand * facility.popularity * mass + random.next());
  const hours = weeklyMinutes(facility);
  const offsets = demand.offsetsOf(facility.city.timeZone);
  const boosts = demand.eventBoosts(facility.city, facility.district);
  const launch = calendar.start + launchDay(calendar, facility.city) * DAY;
  const bookings: SeedBooking[] = [];
  let free = calendar.start + from * DAY;
  for (let k = 0; k < count; k += 1) {
    let day = dayAtDemand(prefix, low + ((k + random.next()) / count) * mass, from, calendar.days);
    let stay: Stay | null = null;
    for (let attempt = 0; attempt < 3 && day < calendar.days; attempt += 1, day += 1) {
      stay = stayOn(
        random,
        facility.district.character,
        demand.weekdayOfDay[day]!,
        boosts[day]! > 1,
        hours,
        offsets[day]!,
        calendar.start + day * DAY,
        facility.openingHours === null,
      );
      if (stay && stay.start >= free && stay.end <= calendar.end) break;
      stay = null;
    }
    if (!stay || stay.start < launch) continue;
    const booking = describeBooking(random, context, facility, space, stay, rate);
    if (!booking) continue;
    bookings.push(booking);
    free = stay.end;
  }
  return bookings;
}

interface Stay {
  start: number;
  end: number;
  commuter: boolean;
  /** Minutes booked ahead, at most. */
  leadMinutes: number;
}

/** Opening and closing minute of each weekday (Sunday first), null when closed; 24/7 is 0–1440. */
function weeklyMinutes(facility: SeedFacility): ([number, number] | null)[] {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return WEEKDAYS.map((weekday) => {
    if (facility.openingHours === null) return [0, 1440];
    const interval = facility.openingHours[weekday][0];
    return interval ? [minutes(interval[0]), minutes(interval[1])] : null;
  });
}

const slots = (random: SeededRandom, fromHour: number, toHour: number) => random.int(fromHour * 4, toHour * 4) * 15;

/** When a stay of this district starts (local minutes) and how long it lasts, before opening hours. */
function stayShape(
  random: SeededRandom,
  character: DistrictCharacter,
  weekday: number,
  eventDay: boolean,
  roundTheClock: boolean,
): { from: number; minutes: number; commuter: boolean; leadMinutes: number } {
  const workday = weekday >= 1 && weekday <= 5;
  const commute = () => ({ from: slots(random, 7, 9.5), minutes: slots(random, 7.5, 10), commuter: true, leadMinutes: random.int(60, 4_320) });
  const visit = (fromHour: number, toHour: number, minHours: number, maxHours: number) => ({
    from: slots(random, fromHour, toHour),
    minutes: slots(random, minHours, maxHours),
    commuter: false,
    leadMinutes: random.int(10, 10_080),
  });
  if (eventDay) return { ...visit(14, 19, 3, 5), leadMinutes: random.int(1_440, 40_320) };
  const r = random.next();
  switch (character) {
    case 'business':
      return workday && r < 0.7 ? commute() : visit(9, 16, 0.75, 3);
    case 'station':
      if (workday && r < 0.35) return commute();
      if (r < 0.55 && roundTheClock)
        return { from: slots(random, 5, 10), minutes: random.int(1, 4) * 1_440 + slots(random, 0, 10), commuter: false, leadMinutes: random.int(600, 30_240) };
      if (r < 0.7) return { ...visit(6, 9, 9, 14), leadMinutes: random.int(120, 20_160) };
      return visit(7, 21, 0.5, 2);
    case 'residential':
      return roundTheClock && r < 0.5 ? { ...visit(17, 21, 10, 14), leadMinutes: random.int(60, 4_320) } : visit(10, 19, 1, 3);
    case 'leisure':
    case 'venue':
      if (r < 0.4) return visit(10, 13, 1.5, 4);
      if (r < 0.75) return visit(13, 17, 1, 3);
      return visit(18, 21, 2, 4);
  }
}

function stayOn(
  random: SeededRandom,
  character: DistrictCharacter,
  weekday: number,
  eventDay: boolean,
  hours: ([number, number] | null)[],
  offsetMinutes: number,
  utcMidnight: number,
  roundTheClock: boolean,
): Stay | null {
  const open = hours[weekday];
  if (!open) return null;
  const shape = stayShape(random, character, weekday, eventDay, roundTheClock);
  const minutes = Math.max(30, shape.minutes);
  let from = Math.min(Math.max(shape.from, open[0]), open[1] - 30);
  if (!roundTheClock) from = Math.max(open[0], Math.min(from, open[1] - minutes));
  const to = roundTheClock ? from + minutes : Math.min(from + minutes, open[1]);
  const localMidnight = utcMidnight - offsetMinutes * MINUTE;
  return { start: localMidnight + from * MINUTE, end: localMidnight + to * MINUTE, commuter: shape.commuter, leadMinutes: shape.leadMinutes };
}

function describeBooking(
  random: SeededRandom,
  context: BookingContext,
  facility: SeedFacility,
  space: SeedSpace,
  stay: Stay,
  rate: { hourlyCents: number; dailyMaxCents: number },
): SeedBooking | null {
  const { calendar } = context;
  const anchor = calendar.anchor;
  const id = random.uuid();
  // Booked ahead (commuters a day or so, event-goers weeks), never after the anchor, never before
  // the facility was listed or its city opened.
  const earliest = Math.max(facility.createdAt.getTime(), calendar.start + launchDay(calendar, facility.city) * DAY) + MINUTE;
  const created = Math.max(earliest, Math.min(stay.start - random.int(10, stay.leadMinutes) * MINUTE, anchor - random.int(20, 600) * MINUTE));
  if (created > stay.start - 10 * MINUTE || created > anchor) return null;
  const day = Math.floor((stay.start - calendar.start) / DAY);
  const driver = random.chance(context.scale.demoDriverShare)
    ? context.demoDriver
    : context.pools.pick(random, CITY_INDEX.get(facility.city.name)!, calendar.monthOfDay[Math.min(day, calendar.days - 1)]!, created, stay.commuter);
  if (!driver) return null;

  const ended = stay.end <= anchor;
  const upcoming = stay.start >= anchor;
  // Paid and later cancelled (refunded by the policy), an unpaid hold dropped, a hold left to expire.
  const r = random.next();
  const status: BookingStatus | 'refunded' =
    ended || upcoming ? (r < 0.06 ? 'refunded' : r < 0.085 ? 'cancelled' : r < 0.11 ? 'expired' : ended ? 'completed' : 'confirmed') : 'confirmed';
  const amountCents = priceForStay((stay.end - stay.start) / MINUTE, rate);
  const holdExpires = created + 15 * MINUTE;
  const paid = status === 'confirmed' || status === 'completed' || status === 'refunded';
  const confirmed = paid ? created + random.int(20, 180) * 1000 : null;
  let cancelled: number | null = null;
  let refund: SeedRefund | null = null;
  if (status === 'cancelled') cancelled = Math.min(created + random.int(1, 14) * MINUTE, stay.start - MINUTE, anchor);
  if (status === 'refunded') {
    const freeUntil = stay.start - SEED_CANCELLATION_POLICY.freeCancelMinutes * MINUTE;
    const last = Math.min(stay.start - MINUTE, anchor - MINUTE);
    // Most cancel in good time; a fifth in the last hour, for half the money back.
    const late = random.chance(0.2) || freeUntil <= confirmed! + MINUTE;
    const from = late ? Math.max(confirmed! + MINUTE, freeUntil) : confirmed! + MINUTE;
    const to = late ? last : Math.min(freeUntil - MINUTE, last);
    if (to < from) return null;
    cancelled = from + Math.floor(random.next() * (to - from));
    const refundCents = cancelled < freeUntil ? amountCents : Math.floor((amountCents * SEED_CANCELLATION_POLICY.lateRefundPercent) / 100);
    refund = { at: cancelled, split: splitGross(refundCents, PLATFORM_FEE_BASIS_POINTS) };
  }
  const payment: SeedPayment | null =
    confirmed === null
      ? null
      : {
          id: random.uuid(),
          providerRef: `sbx_${random.uuid().replace(/-/g, '').slice(0, 24)}`,
          cardBrand: random.weighted(CARD_BRANDS),
          cardLast4: String(random.int(0, 9999)).padStart(4, '0'),
          createdAt: confirmed,
          split: splitGross(amountCents, PLATFORM_FEE_BASIS_POINTS),
          refund,
        };
  const finalStatus: BookingStatus = status === 'refunded' ? 'cancelled' : status;
  const updated = finalStatus === 'completed' ? stay.end : finalStatus === 'expired' ? holdExpires : (cancelled ?? confirmed ?? created);
  return {
    id,
    driver,
    facility,
    space,
    start: stay.start,
    end: stay.end,
    status: finalStatus,
    amountCents,
    createdAt: created,
    updatedAt: updated,
    holdExpiresAt: holdExpires,
    confirmedAt: confirmed,
    cancelledAt: cancelled,
    payment,
  };
}

const CITY_INDEX = new Map(CITIES.map((c, i) => [c.name, i]));
