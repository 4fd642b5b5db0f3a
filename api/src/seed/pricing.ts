/**
 * What a stay costs and how its money splits, in integer minor units only. The seed's own
 * simple tariff: every started hour at the hourly rate, each 24-hour block capped at the daily
 * maximum. (The bookings module owns the real quote; demo amounts only need to be plausible.)
 */
export interface SeedTariff {
  hourlyCents: number;
  dailyMaxCents: number | null;
}

const MINUTES_PER_DAY = 24 * 60;

export function priceForStay(durationMinutes: number, tariff: SeedTariff): number {
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0)
    throw new RangeError(`duration must be a positive whole number of minutes, got ${durationMinutes}`);
  const cap = (cents: number) => (tariff.dailyMaxCents === null ? cents : Math.min(cents, tariff.dailyMaxCents));
  const fullDays = Math.floor(durationMinutes / MINUTES_PER_DAY);
  const restMinutes = durationMinutes % MINUTES_PER_DAY;
  const fullDay = cap(24 * tariff.hourlyCents);
  const rest = restMinutes === 0 ? 0 : cap(Math.ceil(restMinutes / 60) * tariff.hourlyCents);
  return fullDays * fullDay + rest;
}

export interface LedgerSplit {
  grossCents: number;
  platformFeeCents: number;
  operatorNetCents: number;
}

/** The platform keeps `feeBasisPoints` (1500 = 15 %), rounded half up; the operator gets the rest, so gross = fee + net exactly. */
export function splitGross(grossCents: number, feeBasisPoints: number): LedgerSplit {
  if (!Number.isInteger(grossCents) || grossCents < 0) throw new RangeError(`gross must be a non-negative whole number of cents, got ${grossCents}`);
  const platformFeeCents = Math.floor((grossCents * feeBasisPoints + 5_000) / 10_000);
  return { grossCents, platformFeeCents, operatorNetCents: grossCents - platformFeeCents };
}

export const PLATFORM_FEE_BASIS_POINTS = 1_500;
