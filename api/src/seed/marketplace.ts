import {
  APPROVED_OPERATORS,
  CITIES,
  DEMO_OPERATOR,
  EXTRA_AMENITIES,
  FIRST_NAMES,
  LAST_NAMES,
  OPERATOR_NAME_PARTS,
  SUBMITTED_OPERATOR,
  type City,
  type OperatorProfile,
} from './catalog.js';
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
  status: 'approved' | 'submitted';
  submittedAt: Date;
  reviewedAt: Date | null;
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
  postalCode: string;
  latitude: number;
  longitude: number;
  openingHours: WeeklyHours | null;
  amenities: string[];
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
const PHONE_PREFIX: Record<string, string> = { DE: '+49 30', NL: '+31 20', AT: '+43 1', CH: '+41 44', DK: '+45 33' };

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

function operatorProfiles(seed: number, scale: SeedScale): OperatorProfile[] {
  const profiles = APPROVED_OPERATORS.slice(0, scale.extraOperators);
  for (let i = profiles.length; i < scale.extraOperators; i += 1) {
    const random = SeededRandom.stream(seed, 'operator-profile', i);
    const stem = `${random.pick(OPERATOR_NAME_PARTS.first)}${random.pick(OPERATOR_NAME_PARTS.second)}`;
    const displayName = `${stem} ${i}`;
    profiles.push({
      legalName: `${displayName} ${random.pick(OPERATOR_NAME_PARTS.legalForm)}`,
      displayName,
      cities: random.sample(CITIES, random.int(1, 3)).map((c) => c.name),
    });
  }
  return profiles;
}

function operatorOwner(seed: number, index: number, profile: OperatorProfile, anchor: number): SeedUser {
  const random = SeededRandom.stream(seed, 'operator-owner', index);
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return {
    id: random.uuid(),
    email: `${asciiSlug(first, '')}.${asciiSlug(last, '')}@${asciiSlug(profile.displayName)}.operators.aiparksit.test`,
    name: `${first} ${last}`,
    role: 'operator',
    createdAt: new Date(anchor - random.int(400, 700) * DAY),
    isDemoAccount: false,
  };
}

function makeOperator(seed: number, index: number, profile: OperatorProfile, owner: SeedUser, status: SeedOperator['status'], anchor: number): SeedOperator {
  const random = SeededRandom.stream(seed, 'operator', index);
  const cities = profile.cities.map((name) => {
    const city = CITIES.find((c) => c.name === name);
    if (!city) throw new Error(`operator ${profile.displayName} lists unknown city ${name}`);
    return city;
  });
  const submittedAt = status === 'approved' ? new Date(owner.createdAt.getTime() + random.int(1, 20) * DAY) : new Date(anchor - random.int(1, 3) * DAY);
  return {
    id: random.uuid(),
    owner,
    legalName: profile.legalName,
    displayName: profile.displayName,
    contactEmail: `info@${asciiSlug(profile.displayName)}.operators.aiparksit.test`,
    contactPhone: `${PHONE_PREFIX[cities[0]!.countryCode] ?? '+49 30'} ${random.int(1_000_000, 9_999_999)}`,
    status,
    submittedAt,
    reviewedAt: status === 'approved' ? new Date(submittedAt.getTime() + random.int(1, 4) * DAY) : null,
    createdAt: owner.createdAt,
    cities,
  };
}

/** The demo operator first, then approved operators, then the one still awaiting review. */
export function generateOperators(seed: number, scale: SeedScale, demoOwner: SeedUser, anchor: number): SeedOperator[] {
  const operators = [makeOperator(seed, 0, DEMO_OPERATOR, demoOwner, 'approved', anchor)];
  operatorProfiles(seed, scale).forEach((profile, i) => {
    const index = i + 1;
    operators.push(makeOperator(seed, index, profile, operatorOwner(seed, index, profile, anchor), 'approved', anchor));
  });
  const last = scale.extraOperators + 1;
  operators.push(makeOperator(seed, last, SUBMITTED_OPERATOR, operatorOwner(seed, last, SUBMITTED_OPERATOR, anchor), 'submitted', anchor));
  return operators;
}

/**
 * Facilities of the approved operators: the demo operator's first, then the others picked at
 * random; the last `canaryFacilities` are canaries (real-looking, never published, never booked).
 */
export function generateFacilities(seed: number, scale: SeedScale, operators: readonly SeedOperator[], anchor: number): SeedFacility[] {
  const approved = operators.filter((o) => o.status === 'approved');
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
    const kind = random.pick(city.kinds.filter((k) => k.word !== 'P+R' || districtIndex >= 3));
    let name = `${kind.word} ${district.name}`;
    for (let n = 2; usedNames.has(`${city.name}:${name}`); n += 1) name = `${kind.word} ${district.name} ${n}`;
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
    const amenities = [
      ...(kind.covered ? ['covered'] : []),
      ...(spaceCounts.ev > 0 ? ['ev_charging'] : []),
      'accessible',
      ...(kind.word === 'P+R' ? ['public_transport'] : []),
      ...random.sample(EXTRA_AMENITIES, random.int(1, 4)).sort(),
    ];
    const isCanary = index >= scale.facilities - scale.canaryFacilities;
    facilities.push({
      index,
      id: random.uuid(),
      operator,
      name,
      slug,
      description: `${kind.covered ? 'Covered car park' : 'Open-air car park'} near ${district.name}, ${city.name}: ${total} spaces${spaceCounts.ev ? `, ${spaceCounts.ev} with EV charging` : ''}. Run by ${operator.displayName}.`,
      addressLine: `${district.street} ${random.int(1, 180)}`,
      city,
      postalCode: city.postalCode(random.int(0, 9999)),
      latitude: round6(district.latitude + (random.next() - 0.5) * 0.012),
      longitude: round6(district.longitude + (random.next() - 0.5) * 0.018),
      openingHours,
      amenities,
      heightLimitCm: kind.covered ? random.pick([190, 200, 200, 210, 220]) : null,
      maxDurationMinutes: openingHours === null ? 43_200 : 1_440,
      published: !isCanary,
      isCanary,
      createdAt: new Date(Math.max(operator.reviewedAt?.getTime() ?? 0, anchor - random.int(150, 700) * DAY)),
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
