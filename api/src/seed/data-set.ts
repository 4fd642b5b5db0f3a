import { bookingsOfSpace, demandOfSpace, DriverPools, firstBookableDay, type BookingContext, type SeedBooking } from './bookings.js';
import { CITIES } from './catalog.js';
import { DemandModel, seedCalendar } from './demand.js';
import { generateFacilities, generateOperators, spacesOf, SPACE_TYPES, type SeedFacility, type SeedOperator } from './marketplace.js';
import { generateDrivers, generatePeople, type SeedPeople } from './people.js';
import type { SeedScale } from './scales.js';

/** Everything of a data set but its bookings, which are generated on demand (there can be millions). */
export interface DataSetPlan {
  seed: number;
  scale: SeedScale;
  context: BookingContext;
  people: SeedPeople;
  operators: SeedOperator[];
  facilities: SeedFacility[];
}

/**
 * People, operators and facilities, then the calibration: the data set's total demand (spaces ×
 * demand while each exists) sets how many bookings a unit of demand gets, so the set totals about
 * `scale.bookings`; its split by city and month sizes the driver cohorts. Pure: same seed and
 * anchor, same plan.
 */
export function planDataSet(seed: number, scale: SeedScale, anchor: number): DataSetPlan {
  const calendar = seedCalendar(anchor, scale);
  const months = calendar.monthStarts.length - 1;
  if (months > 30) throw new RangeError('the seed keeps active months in a 31-bit mask: at most 30 months');
  const people = generatePeople(seed, scale, calendar);
  const operators = generateOperators(seed, scale, people.demoOperatorOwner, calendar);
  const facilities = generateFacilities(seed, scale, operators, calendar);
  const demand = new DemandModel(calendar);
  const cohortWeights = CITIES.map(() => new Float64Array(months));
  let totalDemand = 0;
  for (const facility of facilities) {
    if (facility.isCanary) continue;
    const spaces = SPACE_TYPES.reduce((n, t) => n + facility.spaceCounts[t], 0);
    totalDemand += spaces * demandOfSpace(demand, facility);
    const prefix = demand.prefix(facility.city, facility.district);
    const from = firstBookableDay(calendar, facility);
    const weights = cohortWeights[CITIES.indexOf(facility.city)]!;
    for (let m = 0; m < months; m += 1) {
      const a = Math.max(from, calendar.monthStarts[m]!);
      const b = calendar.monthStarts[m + 1]!;
      if (b > a) weights[m]! += spaces * facility.popularity * (prefix[b]! - prefix[a]!);
    }
  }
  const drivers = generateDrivers(seed, scale, calendar, cohortWeights);
  people.drivers.push(...drivers);
  const context: BookingContext = {
    seed,
    scale,
    calendar,
    demand,
    pools: new DriverPools(drivers, months),
    demoDriver: people.drivers[0]!,
    bookingsPerDemand: scale.bookings / totalDemand,
  };
  return { seed, scale, context, people, operators, facilities };
}

/** Every booking of the data set, facility by facility and space by space, in the same order on every call. */
export function* allBookings(plan: DataSetPlan): Generator<SeedBooking> {
  for (const facility of plan.facilities) {
    const spaces = spacesOf(plan.seed, facility);
    for (let ordinal = 0; ordinal < spaces.length; ordinal += 1) yield* bookingsOfSpace(plan.context, facility, spaces[ordinal]!, ordinal);
  }
}
