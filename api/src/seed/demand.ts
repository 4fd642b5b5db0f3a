import { CITIES, LOCAL_EVENTS, type City, type District, type DistrictCharacter } from './catalog.js';
import { zoneOffsetMinutes } from './opening-hours.js';
import type { SeedScale } from './scales.js';

const DAY = 86_400_000;

/**
 * The data set's days: from the first day of the month `historyMonths` before the anchor's month
 * (so the first cohort month is whole) to `futureDays` after the anchor. Day `d` is the local
 * calendar date whose UTC midnight is `start + d·DAY` in every zone (as openWindowUtc reads it).
 */
export interface SeedCalendar {
  start: number;
  anchor: number;
  end: number;
  days: number;
  anchorDay: number;
  /** Day index at which each month starts; the last entry is `days` (one past the last month). */
  monthStarts: number[];
  /** Month index of every day. */
  monthOfDay: Uint8Array;
}

export function seedCalendar(anchor: number, scale: Pick<SeedScale, 'historyMonths' | 'futureDays'>): SeedCalendar {
  const at = new Date(anchor);
  const start = Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - scale.historyMonths, 1);
  const end = anchor + scale.futureDays * DAY;
  const days = Math.round((end - start) / DAY);
  const monthStarts: number[] = [];
  for (let m = 0; ; m += 1) {
    const day = Math.round((Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - scale.historyMonths + m, 1) - start) / DAY);
    if (day >= days) break;
    monthStarts.push(day);
  }
  monthStarts.push(days);
  const monthOfDay = new Uint8Array(days);
  for (let m = 0; m < monthStarts.length - 1; m += 1) monthOfDay.fill(m, monthStarts[m]!, monthStarts[m + 1]!);
  return { start, anchor, end, days, anchorDay: Math.round((anchor - start) / DAY), monthStarts, monthOfDay };
}

/** Day index of the first day the platform takes bookings in the city. */
export function launchDay(calendar: SeedCalendar, city: City): number {
  return calendar.monthStarts[Math.min(city.launchMonth, calendar.monthStarts.length - 2)]!;
}

// Sunday first, as Date#getUTCDay counts. Offices empty at weekends; shops and old towns fill on
// Saturdays (German shops close on Sundays); stations carry commuters and weekend travellers.
const WEEKDAY_FACTORS: Record<DistrictCharacter, readonly number[]> = {
  business: [0.12, 1, 1.05, 1.05, 1, 0.85, 0.22],
  leisure: [0.6, 0.5, 0.5, 0.55, 0.65, 0.95, 1.15],
  station: [0.65, 1, 1, 1, 1, 1.1, 0.6],
  residential: [0.85, 0.7, 0.7, 0.7, 0.7, 0.8, 0.9],
  venue: [0.45, 0.25, 0.25, 0.25, 0.3, 0.5, 0.7],
};

// January first. Commuters go on holiday in July and August and between the years; leisure
// demand peaks with Christmas shopping in December and dips after it; stations carry holiday traffic.
const MONTH_FACTORS: Record<DistrictCharacter, readonly number[]> = {
  business: [0.95, 1, 1, 0.95, 0.95, 0.95, 0.8, 0.6, 1, 1, 1, 0.9],
  leisure: [0.7, 0.75, 0.9, 1, 1.05, 1.1, 1.15, 1.1, 1, 0.95, 1.05, 1.5],
  station: [0.9, 0.9, 0.95, 1, 1, 1.05, 1.15, 1.1, 1, 1, 0.95, 1.15],
  residential: [0.95, 0.95, 1, 1, 1, 1, 0.95, 0.9, 1, 1, 1, 1.05],
  venue: [0.7, 0.75, 0.9, 1, 1.1, 1.15, 1.2, 1.1, 1, 0.95, 0.9, 1],
};

/** How much a district of this character draws, relative to an office district. */
const CHARACTER_BASE: Record<DistrictCharacter, number> = { business: 1, leisure: 1, station: 1.1, residential: 0.6, venue: 0.35 };

/** Between the years offices are shut and shops close for Christmas (24–26 December). */
function holidayFactor(character: DistrictCharacter, month: number, dayOfMonth: number): number {
  const betweenYears = (month === 12 && dayOfMonth >= 22) || (month === 1 && dayOfMonth <= 2);
  if (character === 'business' && betweenYears) return 0.4;
  if ((character === 'leisure' || character === 'venue') && month === 12 && dayOfMonth >= 24 && dayOfMonth <= 26) return 0.3;
  return 1;
}

/**
 * Adoption in a city: under a third of mature demand in the launch week, rising as word spreads (most of
 * it within half a year), and still growing slowly after that as the brand becomes known.
 */
export function adoption(daysSinceLaunch: number): number {
  if (daysSinceLaunch < 0) return 0;
  return (0.3 + 0.7 * (1 - Math.exp(-daysSinceLaunch / 120))) * (1 + daysSinceLaunch / 720);
}

/** Upcoming days hold the bookings already made: many for next week, few for next month. */
function advanceBookingFactor(daysAhead: number): number {
  return daysAhead < 0 ? 1 : Math.exp(-daysAhead / 20);
}

/**
 * Relative demand per day for each district of each city: the product of adoption since the
 * city's launch, the weekday and the month of the district's character, holidays, local events
 * and, after the anchor, how far ahead people book. Kept as prefix sums, so a space's share of a
 * period is one subtraction and a day is drawn in proportion to its demand by a binary search.
 */
export class DemandModel {
  private readonly prefixes = new Map<string, Float64Array>();
  private readonly boosts = new Map<string, Float32Array>();
  private readonly offsets = new Map<string, Int16Array>();
  /** 0 = Sunday, as Date#getUTCDay. */
  readonly weekdayOfDay: Uint8Array;
  private readonly monthOfYear: Uint8Array;
  private readonly dayOfMonth: Uint8Array;

  constructor(readonly calendar: SeedCalendar) {
    const { days, start } = calendar;
    this.weekdayOfDay = new Uint8Array(days);
    this.monthOfYear = new Uint8Array(days);
    this.dayOfMonth = new Uint8Array(days);
    for (let d = 0; d < days; d += 1) {
      const date = new Date(start + d * DAY);
      this.weekdayOfDay[d] = date.getUTCDay();
      this.monthOfYear[d] = date.getUTCMonth() + 1;
      this.dayOfMonth[d] = date.getUTCDate();
    }
  }

  /** Cumulative demand of the district before each day: `prefix[d + 1] − prefix[d]` is day d's. */
  prefix(city: City, district: District): Float64Array {
    const key = `${city.name}|${district.name}`;
    let prefix = this.prefixes.get(key);
    if (prefix) return prefix;
    const { days, anchorDay } = this.calendar;
    const launch = launchDay(this.calendar, city);
    const boost = this.eventBoosts(city, district);
    const weekday = WEEKDAY_FACTORS[district.character];
    const months = MONTH_FACTORS[district.character];
    const base = CHARACTER_BASE[district.character];
    prefix = new Float64Array(days + 1);
    for (let d = 0; d < days; d += 1) {
      const month = this.monthOfYear[d]!;
      const demand =
        base *
        adoption(d - launch) *
        weekday[this.weekdayOfDay[d]!]! *
        months[month - 1]! *
        holidayFactor(district.character, month, this.dayOfMonth[d]!) *
        boost[d]! *
        advanceBookingFactor(d - anchorDay);
      prefix[d + 1] = prefix[d]! + demand;
    }
    this.prefixes.set(key, prefix);
    return prefix;
  }

  /** The event multiplier of each day in the district (1 on ordinary days). */
  eventBoosts(city: City, district: District): Float32Array {
    const key = `${city.name}|${district.name}`;
    let boosts = this.boosts.get(key);
    if (boosts) return boosts;
    const { start, days } = this.calendar;
    boosts = new Float32Array(days).fill(1);
    const firstYear = new Date(start).getUTCFullYear();
    for (const event of LOCAL_EVENTS) {
      if (event.city !== city.name || event.district !== district.name) continue;
      for (let year = firstYear; year <= firstYear + 3; year += 1) {
        const first = Math.round((Date.UTC(year, event.month - 1, event.day) - start) / DAY);
        for (let d = Math.max(0, first); d < Math.min(days, first + event.days); d += 1) boosts[d] = event.boost;
      }
    }
    this.boosts.set(key, boosts);
    return boosts;
  }

  /** Minutes the zone is ahead of UTC at local noon of each day. */
  offsetsOf(timeZone: string): Int16Array {
    let offsets = this.offsets.get(timeZone);
    if (offsets) return offsets;
    offsets = new Int16Array(this.calendar.days);
    for (let d = 0; d < this.calendar.days; d += 1) offsets[d] = zoneOffsetMinutes(timeZone, this.calendar.start + d * DAY + 12 * 3_600_000);
    this.offsets.set(timeZone, offsets);
    return offsets;
  }
}

/** The day d with prefix[d] ≤ u < prefix[d + 1] (prefix ascending; flat stretches are skipped). */
export function dayAtDemand(prefix: Float64Array, u: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (prefix[mid]! <= u) lo = mid;
    else hi = mid;
  }
  return lo;
}

export const CITY_INDEX = new Map(CITIES.map((c, i) => [c.name, i]));
