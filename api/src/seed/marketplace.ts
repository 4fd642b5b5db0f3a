import type { Amenity } from '@aiparksit/shared';
import {
  APPROVED_OPERATORS,
  CITIES,
  DEMO_OPERATOR,
  EXTRA_AMENITIES,
  FIRST_NAMES,
  LAST_NAMES,
  OPERATOR_NAME_PARTS,
  REJECTED_OPERATORS,
  SUBMITTED_OPERATORS,
  type City,
  type District,
  type OperatorProfile,
} from './catalog.js';
import { launchDay, type SeedCalendar } from './demand.js';
import { OPENING_HOURS_TEMPLATES, type WeeklyHours } from './opening-hours.js';
import { asciiSlug, type SeedUser } from './people.js';
import { SeededRandom } from './prng.js';
import type { SeedScale } from './scales.js';

export type SpaceType = 'standard' | 'ev' | 'accessible' | 'oversize' | 'motorcycle';
export const SPACE_TYPES: readonly SpaceType[] = ['standard', 'ev', 'accessible', 'oversize', 'motorcycle'];

export interface SeedOperator {
  id: string;
  owner: SeedUser;
  legalName: string;
  displayName: string;
  contactEmail: string;
  contactPhone: string;
  status: 'approved' | 'submitted' | 'rejected';
  submittedAt: Date;
  reviewedAt: Date | null;
  rejectionReason: string | null;
  /** Approved operators that list facilities; the others are recent and have not listed yet. */
  listsFacilities: boolean;
  createdAt: Date;
  cities: readonly City[];
}

export interface SeedRate {
  id: string;
  hourlyCents: number;
  dailyMaxCents: number;
}

export interface SeedFacility {
  index: number;
  id: string;
  operator: SeedOperator;
  name: string;
  slug: string;
  description: string;
  addressLine: string;
  city: City;
  district: District;
  /** How much more (or less) than its district's usual demand this car park draws. */
  popularity: number;
  postalCode: string;
  latitude: number;
  longitude: number;
  openingHours: WeeklyHours | null;
  amenities: Amenity[];
  heightLimitCm: number | null;
  maxDurationMinutes: number;
  published: boolean;
  isCanary: boolean;
  createdAt: Date;
  /** How many spaces of each type, in SPACE_TYPES order; spaces themselves are generated on demand. */
  spaceCounts: Record<SpaceType, number>;
  rates: Partial<Record<SpaceType, SeedRate>>;
}

export interface SeedSpace {
  id: string;
  label: string;
  type: SpaceType;
}

const DAY = 86_400_000;
const TYPE_PRICE_FACTOR: Record<SpaceType, number> = { standard: 1, ev: 1.25, accessible: 1, oversize: 1.6, motorcycle: 0.4 };
const PHONE_PREFIX: Record<string, string> = { DE: '+49 30', NL: '+31 20', AT: '+43 1', CH: '+41 44', DK: '+45 33', GB: '+44 20' };

/**
 * How a car park's spaces divide among the types: always at least one accessible bay (as
 * building codes require), EV bays in most, oversize bays only where there is no roof.
 */
export function divideSpaces(total: number, covered: boolean, random: SeededRandom): Record<SpaceType, number> {
  const accessible = Math.max(1, Math.round(total * 0.04));
  const ev = random.chance(0.85) ? Math.max(1, Math.round(total * (0.05 + random.next() * 0.1))) : 0;
  const motorcycle = random.chance(0.6) ? Math.round(total * 0.04) : 0;
  const oversize = covered ? 0 : Math.max(1, Math.round(total * 0.05));
  const standard = total - accessible - ev - motorcycle - oversize;
  if (standard < 1) throw new RangeError(`a car park of ${total} spaces is too small to divide`);
  return { standard, ev, accessible, oversize, motorcycle };
}

function inventedProfile(seed: number, kind: string, i: number): OperatorProfile {
  const random = SeededRandom.stream(seed, kind, i);
  const stem = `${random.pick(OPERATOR_NAME_PARTS.first)}${random.pick(OPERATOR_NAME_PARTS.second)}`;
  const displayName = `${stem} ${kind === 'operator-profile' ? i : `${kind.slice(0, 1).toUpperCase()}${i}`}`;
  return {
    legalName: `${displayName} ${random.pick(OPERATOR_NAME_PARTS.legalForm)}`,
    displayName,
    cities: random.sample(CITIES, random.int(1, 3)).map((c) => c.name),
  };
}

function operatorProfiles(seed: number, scale: SeedScale): OperatorProfile[] {
  const profiles = APPROVED_OPERATORS.slice(0, scale.extraOperators);
  for (let i = profiles.length; i < scale.extraOperators; i += 1) profiles.push(inventedProfile(seed, 'operator-profile', i));
  return profiles;
}

function operatorOwner(seed: number, index: number, profile: OperatorProfile, createdAt: number): SeedUser {
  const random = SeededRandom.stream(seed, 'operator-owner', index);
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return {
    id: random.uuid(),
    email: `${asciiSlug(first, '')}.${asciiSlug(last, '')}@${asciiSlug(profile.displayName)}.operators.aiparksit.test`,
    name: `${first} ${last}`,
    role: 'operator',
    createdAt: new Date(createdAt),
    isDemoAccount: false,
  };
}

interface OperatorTiming {
  status: SeedOperator['status'];
  /** When the review decided (approved or rejected), or when the still-waiting application was sent. */
  decidedAt: number;
  listsFacilities: boolean;
  rejectionReason?: string;
}

function makeOperator(seed: number, index: number, profile: OperatorProfile, timing: OperatorTiming, owner: SeedUser | null): SeedOperator {
  const random = SeededRandom.stream(seed, 'operator', index);
  const cities = profile.cities.map((name) => {
    const city = CITIES.find((c) => c.name === name);
    if (!city) throw new Error(`operator ${profile.displayName} lists unknown city ${name}`);
    return city;
  });
  // Reviews take from a day to about five weeks, most of them under two.
  const reviewDays = 1 + Math.floor(Math.pow(random.next(), 2) * 35);
  const submittedAt = timing.status === 'submitted' ? timing.decidedAt : timing.decidedAt - reviewDays * DAY - random.int(0, 86_399) * 1000;
  const user = owner ?? operatorOwner(seed, index, profile, submittedAt - random.int(0, 4) * DAY - random.int(600, 86_399) * 1000);
  return {
    id: random.uuid(),
    owner: user,
    legalName: profile.legalName,
    displayName: profile.displayName,
    contactEmail: `info@${asciiSlug(profile.displayName)}.operators.aiparksit.test`,
    contactPhone: `${PHONE_PREFIX[cities[0]!.countryCode] ?? '+49 30'} ${random.int(1_000_000, 9_999_999)}`,
    status: timing.status,
    submittedAt: new Date(submittedAt),
    reviewedAt: timing.status === 'submitted' ? null : new Date(timing.decidedAt),
    rejectionReason: timing.rejectionReason ?? null,
    listsFacilities: timing.listsFacilities,
    createdAt: user.createdAt,
    cities,
  };
}

/**
 * The demo operator first (a launch partner, approved before the platform opened), then the
 * approved operators, each approved a little before the first of its cities opened or at some
 * point after (most early: supply comes first), then a few approved lately that list nothing
 * yet, then applications still waiting for review and applications turned down.
 */
export function generateOperators(seed: number, scale: SeedScale, demoOwner: SeedUser, calendar: SeedCalendar): SeedOperator[] {
  const dayStart = (d: number) => calendar.start + d * DAY;
  const firstLaunch = (profile: OperatorProfile) =>
    Math.min(
      ...profile.cities.map((name) =>
        launchDay(
          calendar,
          CITIES.find((c) => c.name === name)!,
        ),
      ),
    );
  const operators = [makeOperator(seed, 0, DEMO_OPERATOR, { status: 'approved', decidedAt: dayStart(-30), listsFacilities: true }, demoOwner)];
  const latest = calendar.anchorDay - 45;
  operatorProfiles(seed, scale).forEach((profile, i) => {
    const index = i + 1;
    const random = SeededRandom.stream(seed, 'operator-joined', index);
    const launch = firstLaunch(profile);
    // The named operators are each city's launch partners; invented ones join over time.
    const day =
      i < APPROVED_OPERATORS.length
        ? launch - random.int(7, 40)
        : Math.min(latest, launch - 40 + Math.floor(Math.pow(random.next(), 1.4) * (latest - launch + 40)));
    operators.push(
      makeOperator(seed, index, profile, { status: 'approved', decidedAt: dayStart(day) + random.int(28_800, 64_800) * 1000, listsFacilities: true }, null),
    );
  });
  let index = scale.extraOperators + 1;
  const recent = (random: SeededRandom, from: number, to: number) => dayStart(calendar.anchorDay - random.int(from, to)) + random.int(28_800, 64_800) * 1000;
  for (let i = 0; i < scale.approvedWithoutFacilities; i += 1, index += 1) {
    const random = SeededRandom.stream(seed, 'operator-joined', index);
    operators.push(
      makeOperator(seed, index, inventedProfile(seed, 'recent', i), { status: 'approved', decidedAt: recent(random, 2, 25), listsFacilities: false }, null),
    );
  }
  for (let i = 0; i < scale.submittedOperators; i += 1, index += 1) {
    const random = SeededRandom.stream(seed, 'operator-joined', index);
    const profile = SUBMITTED_OPERATORS[i] ?? inventedProfile(seed, 'waiting', i);
    operators.push(makeOperator(seed, index, profile, { status: 'submitted', decidedAt: recent(random, 1, 12), listsFacilities: false }, null));
  }
  for (let i = 0; i < scale.rejectedOperators; i += 1, index += 1) {
    const random = SeededRandom.stream(seed, 'operator-joined', index);
    const named = REJECTED_OPERATORS[i % REJECTED_OPERATORS.length]!;
    const profile = i < REJECTED_OPERATORS.length ? named : inventedProfile(seed, 'rejected', i);
    const day = random.int(20, calendar.anchorDay - 10);
    operators.push(
      makeOperator(
        seed,
        index,
        profile,
        { status: 'rejected', decidedAt: dayStart(day), listsFacilities: false, rejectionReason: named.rejectionReason },
        null,
      ),
    );
  }
  return operators;
}

/**
 * Facilities of the approved operators: the demo operator's first, then the others picked at
 * random; the last `canaryFacilities` are canaries (real-looking, never published, never booked).
 */
export function generateFacilities(seed: number, scale: SeedScale, operators: readonly SeedOperator[], calendar: SeedCalendar): SeedFacility[] {
  const approved = operators.filter((o) => o.status === 'approved' && o.listsFacilities);
  const [demoOperator, ...others] = approved;
  if (!demoOperator) throw new Error('no approved operator to own facilities');
  const usedSlugs = new Set<string>();
  const usedNames = new Set<string>();
  const facilities: SeedFacility[] = [];
  for (let index = 0; index < scale.facilities; index += 1) {
    const random = SeededRandom.stream(seed, 'facility', index);
    const operator = index < scale.demoOperatorFacilities || others.length === 0 ? demoOperator : random.pick(others);
    const city = random.pick(operator.cities);
    const districtIndex = random.int(0, city.districts.length - 1);
    const district = city.districts[districtIndex]!;
    // Park-and-ride sits by the outer stations (the catalog lists central districts first).
    const kind = random.pick(city.kinds.filter((k) => !k.parkAndRide || districtIndex >= 3));
    const named = (n: number) => (kind.placeFirst ? `${district.name} ${kind.word}` : `${kind.word} ${district.name}`) + (n > 1 ? ` ${n}` : '');
    let name = named(1);
    for (let n = 2; usedNames.has(`${city.name}:${name}`); n += 1) name = named(n);
    usedNames.add(`${city.name}:${name}`);
    let slug = asciiSlug(`${name} ${city.name}`);
    if (usedSlugs.has(slug)) slug = `${slug}-${index}`;
    usedSlugs.add(slug);

    const total = random.int(scale.spacesPerFacility[0], scale.spacesPerFacility[1]);
    const spaceCounts = divideSpaces(total, kind.covered, random);
    const openingHours = kind.covered ? random.pick(OPENING_HOURS_TEMPLATES) : random.chance(0.7) ? null : OPENING_HOURS_TEMPLATES[2]!;
    const cityPriceFactor = 0.8 + random.next() * 0.5;
    const rates: Partial<Record<SpaceType, SeedRate>> = {};
    for (const type of SPACE_TYPES) {
      if (spaceCounts[type] === 0) continue;
      const hourlyCents = Math.max(50, Math.round((city.baseHourlyCents * cityPriceFactor * TYPE_PRICE_FACTOR[type]) / 10) * 10);
      rates[type] = { id: random.uuid(), hourlyCents, dailyMaxCents: Math.round((hourlyCents * random.int(6, 10)) / 50) * 50 };
    }
    const extras = random.sample(EXTRA_AMENITIES, random.int(1, 4)).sort();
    const amenities: Amenity[] = [
      ...(kind.covered ? (['covered'] as const) : []),
      ...(spaceCounts.ev > 0 ? (['ev_charging'] as const) : []),
      'accessible',
      ...(kind.parkAndRide ? (['public_transport'] as const) : []),
      ...extras,
      // Valet is derived, not drawn, so the random stream (and every later draw) stays as it was:
      // staffed, covered car parks in business districts and by venues offer it.
      ...(kind.covered && extras.includes('staffed') && (district.character === 'business' || district.character === 'venue') ? (['valet'] as const) : []),
    ];
    const isCanary = index >= scale.facilities - scale.canaryFacilities;
    // Listed once the operator is approved and not long before the city opens; half of
    // an operator's car parks from the start, the rest one by one until a fortnight ago.
    const listedFrom = Math.max(
      operator.reviewedAt!.getTime() + random.int(1, 10) * DAY,
      calendar.start + (launchDay(calendar, city) - random.int(3, 21)) * DAY,
    );
    const listedBy = calendar.anchor - 14 * DAY;
    const createdAt =
      random.chance(0.5) || listedFrom >= listedBy
        ? Math.min(listedFrom + random.int(0, 14) * DAY, Math.max(listedFrom, listedBy))
        : listedFrom + Math.floor(random.next() * (listedBy - listedFrom));
    facilities.push({
      index,
      id: random.uuid(),
      operator,
      name,
      slug,
      description: `${kind.covered ? 'Covered car park' : 'Open-air car park'} near ${district.name}, ${city.name}: ${total} spaces${spaceCounts.ev ? `, ${spaceCounts.ev} with EV charging` : ''}. Run by ${operator.displayName}.`,
      addressLine: `${district.street} ${random.int(1, 180)}`,
      city,
      district,
      popularity: round6(0.5 + random.next()),
      postalCode: city.postalCode(random.int(0, 9999)),
      latitude: round6(district.latitude + (random.next() - 0.5) * 0.012),
      longitude: round6(district.longitude + (random.next() - 0.5) * 0.018),
      openingHours,
      amenities,
      heightLimitCm: kind.covered ? random.pick([190, 200, 200, 210, 220]) : null,
      maxDurationMinutes: openingHours === null ? 43_200 : 1_440,
      published: !isCanary,
      isCanary,
      createdAt: new Date(createdAt + random.int(25_200, 68_400) * 1000),
      spaceCounts,
      rates,
    });
  }
  return facilities;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The facility's spaces, regenerated identically on every call: labels A001…, grouped by type. */
export function spacesOf(seed: number, facility: SeedFacility): SeedSpace[] {
  const random = SeededRandom.stream(seed, 'spaces', facility.index);
  const spaces: SeedSpace[] = [];
  let ordinal = 0;
  for (const type of SPACE_TYPES) {
    for (let i = 0; i < facility.spaceCounts[type]; i += 1) {
      const level = String.fromCharCode(65 + Math.floor(ordinal / 100));
      spaces.push({ id: random.uuid(), label: `${level}${String((ordinal % 100) + 1).padStart(3, '0')}`, type });
      ordinal += 1;
    }
  }
  return spaces;
}
