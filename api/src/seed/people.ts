import type { Role } from '@aiparksit/shared';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { CITIES, FIRST_NAMES, LAST_NAMES, PLATE_PREFIXES } from './catalog.js';
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

export interface SeedDriver extends SeedUser {
  vehiclePlate: string;
}

export interface SeedPeople {
  drivers: SeedDriver[];
  investors: SeedUser[];
  admins: SeedUser[];
  demoOperatorOwner: SeedUser;
}

const DAY = 86_400_000;

function demoAccount(seed: number, role: Role, anchor: number): SeedUser {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`DEMO_ACCOUNTS has no ${role}`);
  const random = new SeededRandom(`${seed}:demo-account:${role}`);
  return { id: random.uuid(), email: account.email, name: account.name, role, createdAt: new Date(anchor - 400 * DAY), isDemoAccount: true };
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

/**
 * Sign-ups skew recent (a growing platform): the age in days is drawn from a curve that puts
 * more accounts in the last months, which the investor growth charts then show.
 */
function signUpDate(random: SeededRandom, anchor: number): Date {
  const age = Math.floor(Math.pow(random.next(), 1.8) * 540) + 1;
  return new Date(anchor - age * DAY - random.int(0, 86_399) * 1000);
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
    default:
      return `${prefix}-${letters()} ${random.int(1, 9999)}`;
  }
}

export function generatePeople(seed: number, scale: SeedScale, anchor: number): SeedPeople {
  const demoDriver = demoAccount(seed, 'driver', anchor);
  const drivers: SeedDriver[] = [{ ...demoDriver, vehiclePlate: 'B-DD 2026' }];
  for (let i = 1; i < scale.drivers; i += 1) {
    const random = SeededRandom.stream(seed, 'driver', i);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const home = random.pick(CITIES);
    drivers.push({
      id: random.uuid(),
      email: `${asciiSlug(first, '')}.${asciiSlug(last, '')}.${i}@drivers.aiparksit.test`,
      name: `${first} ${last}`,
      role: 'driver',
      createdAt: signUpDate(random, anchor),
      isDemoAccount: false,
      vehiclePlate: vehiclePlate(random, home.countryCode),
    });
  }
  const investors = [demoAccount(seed, 'investor', anchor)];
  for (let i = 1; i <= scale.extraInvestors; i += 1) {
    const random = SeededRandom.stream(seed, 'investor', i);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    investors.push({
      id: random.uuid(),
      email: `${asciiSlug(first, '')}.${asciiSlug(last, '')}.${i}@investors.aiparksit.test`,
      name: `${first} ${last}`,
      role: 'investor',
      createdAt: new Date(anchor - random.int(300, 500) * DAY),
      isDemoAccount: false,
    });
  }
  return { drivers, investors, admins: [demoAccount(seed, 'admin', anchor)], demoOperatorOwner: demoAccount(seed, 'operator', anchor) };
}
