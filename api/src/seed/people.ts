import type { Role } from '@aiparksit/shared';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { CITIES, FIRST_NAMES, LAST_NAMES, PLATE_PREFIXES } from './catalog.js';
import type { SeedCalendar } from './demand.js';
import { SeededRandom } from './prng.js';
import type { SeedScale } from './scales.js';

export interface SeedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  /** Demo accounts get their own argon2id hash; generated users share one (see seed-runner). */
  isDemoAccount: boolean;
}

/**
 * How a driver uses the platform, which sets how long they stay: commuters park every working
 * week and rarely leave, regulars come most months, occasional users try it once or twice and
 * mostly drift away (some come back months later).
 */
export type DriverHabit = 'commuter' | 'regular' | 'occasional';

export const DRIVER_HABITS: Record<DriverHabit, { share: number; staysActive: number; comesBack: number; weight: number }> = {
  commuter: { share: 0.2, staysActive: 0.92, comesBack: 0.25, weight: 6 },
  regular: { share: 0.35, staysActive: 0.72, comesBack: 0.15, weight: 2 },
  occasional: { share: 0.45, staysActive: 0.3, comesBack: 0.07, weight: 1 },
};

export interface SeedDriver extends SeedUser {
  vehiclePlate: string;
  /** Index in CITIES of where they park; -1 for the demo driver, who parks anywhere. */
  homeCity: number;
  habit: DriverHabit;
  /** Month (index in the calendar) of their first booking: they sign up in the weeks before it. */
  cohortMonth: number;
  /** Bit m set when they book in month m. */
  activeMonths: number;
}

export interface SeedPeople {
  drivers: SeedDriver[];
  investors: SeedUser[];
  admins: SeedUser[];
  demoOperatorOwner: SeedUser;
}

const DAY = 86_400_000;

/** Demo accounts exist from before the platform opened, so everything they own comes after them. */
function demoAccount(seed: number, role: Role, calendar: SeedCalendar): SeedUser {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`DEMO_ACCOUNTS has no ${role}`);
  const random = new SeededRandom(`${seed}:demo-account:${role}`);
  return { id: random.uuid(), email: account.email, name: account.name, role, createdAt: new Date(calendar.start - 90 * DAY), isDemoAccount: true };
}

/** Lower-case ASCII for e-mail local parts and slugs: "Krüger" → "krueger", "van Dijk" → "vandijk". */
export function asciiSlug(text: string, separator = '-'): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}

export function vehiclePlate(random: SeededRandom, countryCode: string): string {
  const prefix = random.pick(PLATE_PREFIXES[countryCode] ?? PLATE_PREFIXES['DE']!);
  const letters = () => String.fromCharCode(65 + random.int(0, 25)) + String.fromCharCode(65 + random.int(0, 25));
  switch (countryCode) {
    case 'NL':
      return `${prefix}-${random.int(100, 999)}-${letters()[0]}`;
    case 'AT':
      return `${prefix}-${random.int(10_000, 99_999)}${letters()[0]}`;
    case 'CH':
      return `${prefix} ${random.int(10_000, 999_999)}`;
    case 'DK':
      return `${prefix} ${random.int(10, 99)} ${random.int(100, 999)}`;
    case 'GB':
      return `${prefix}${random.int(10, 75)} ${letters()}${letters()[0]}`;
    default:
      return `${prefix}-${letters()} ${random.int(1, 9999)}`;
  }
}

/** Demo accounts, investors and the admin: everyone but the generated drivers and operators. */
export function generatePeople(seed: number, scale: SeedScale, calendar: SeedCalendar): SeedPeople {
  const demoDriver: SeedDriver = {
    ...demoAccount(seed, 'driver', calendar),
    vehiclePlate: 'B-DD 2026',
    homeCity: -1,
    habit: 'regular',
    cohortMonth: 0,
    activeMonths: 0,
  };
  const investors = [demoAccount(seed, 'investor', calendar)];
  for (let i = 1; i <= scale.extraInvestors; i += 1) {
    const random = SeededRandom.stream(seed, 'investor', i);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    investors.push({
      id: random.uuid(),
      email: `${asciiSlug(first, '')}.${asciiSlug(last, '')}.${i}@investors.aiparksit.test`,
      name: `${first} ${last}`,
      role: 'investor',
      createdAt: new Date(calendar.start + random.int(0, 300) * DAY),
      isDemoAccount: false,
    });
  }
  return { drivers: [demoDriver], investors, admins: [demoAccount(seed, 'admin', calendar)], demoOperatorOwner: demoAccount(seed, 'operator', calendar) };
}

/**
 * The generated drivers. Each joins a city in a month drawn in proportion to that city's demand
 * in that month (`cohortWeights[city][month]`, damped; launch months counted double: the launch campaign),
 * signs up in the four weeks before, and then books or not month by month as a two-state chain
 * of their habit: active months stay active with `staysActive`, lapsed ones come back with
 * `comesBack`. Later bookings are drawn only from drivers active in their month, so the retention
 * triangle falls off at a rate that differs by cohort mix and some lapsed drivers return.
 */
export function generateDrivers(seed: number, scale: SeedScale, calendar: SeedCalendar, cohortWeights: readonly Float64Array[]): SeedDriver[] {
  const months = calendar.monthStarts.length - 1;
  const anchorMonth = calendar.monthOfDay[calendar.anchorDay]!;
  const cells: { city: number; month: number; cumulative: number }[] = [];
  let total = 0;
  cohortWeights.forEach((weights, city) => {
    let first = true;
    for (let month = 0; month <= anchorMonth; month += 1) {
      // Damped (^0.75): word of mouth lags demand, so early cohorts are not as tiny as early demand.
      const weight = Math.pow(weights[month]!, 0.75);
      if (weight <= 0) continue;
      total += first ? 2 * weight : weight;
      first = false;
      cells.push({ city, month, cumulative: total });
    }
  });
  if (total <= 0) throw new Error('no demand to give drivers');
  const drivers: SeedDriver[] = [];
  const habits = Object.entries(DRIVER_HABITS) as [DriverHabit, (typeof DRIVER_HABITS)[DriverHabit]][];
  for (let i = 1; i < scale.drivers; i += 1) {
    const random = SeededRandom.stream(seed, 'driver', i);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const u = random.next() * total;
    let lo = 0;
    let hi = cells.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cells[mid]!.cumulative > u) hi = mid;
      else lo = mid + 1;
    }
    const cell = cells[lo]!;
    let pick = random.next();
    const [habit, rules] = habits.find(([, h]) => (pick -= h.share) < 0) ?? habits[habits.length - 1]!;
    let activeMonths = 1 << cell.month;
    let active = true;
    for (let month = cell.month + 1; month < months; month += 1) {
      active = random.chance(active ? rules.staysActive : rules.comesBack);
      if (active) activeMonths |= 1 << month;
    }
    const monthStart = calendar.start + calendar.monthStarts[cell.month]! * DAY;
    const home = CITIES[cell.city]!;
    drivers.push({
      id: random.uuid(),
      email: `${asciiSlug(first, '')}.${asciiSlug(last, '')}.${i}@drivers.aiparksit.test`,
      name: `${first} ${last}`,
      role: 'driver',
      // Most drivers sign up shortly before their first stay, many the same day or week: from
      // three weeks before their first month to its middle (a booking only goes to a driver who
      // had signed up by then), so the current month has sign-ups too.
      createdAt: new Date(signUpTime(random, monthStart, calendar.anchor)),
      isDemoAccount: false,
      vehiclePlate: vehiclePlate(random, home.countryCode),
      homeCity: cell.city,
      habit,
      cohortMonth: cell.month,
      activeMonths,
    });
  }
  return drivers;
}

/** Sign-up instant of a driver whose first month starts at `monthStart`; never after the anchor (redrawn before the month instead, so the last days do not pile up). */
function signUpTime(random: SeededRandom, monthStart: number, anchor: number): number {
  const at = monthStart + random.int(-21 * 86_400, 15 * 86_400) * 1000;
  return at < anchor - 3_600_000 ? at : monthStart - random.int(0, 21 * 86_400) * 1000;
}
