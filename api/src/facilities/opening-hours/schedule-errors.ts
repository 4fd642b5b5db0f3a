import { WEEKDAYS } from '@aiparksit/shared';
import { minuteOfDay } from './wall-clock-time.js';

/**
 * What is wrong with stored-to-be jsonb, in words, so the facilities service can refuse bad
 * opening hours or multipliers with a 400 before they reach the database (the quote and the
 * opening-hours checks throw on them, which would otherwise surface as 500s much later).
 */
function timeError(where: string, time: unknown, allowEndOfDay: boolean): string | null {
  if (typeof time !== 'string') return `${where} must be a time "HH:MM"`;
  try {
    minuteOfDay(time, { allowEndOfDay });
    return null;
  } catch (error) {
    return `${where}: ${(error as Error).message}`;
  }
}

function intervalErrors(where: string, interval: unknown): string[] {
  if (!Array.isArray(interval) || interval.length !== 2) return [`${where} must be a pair ["HH:MM", "HH:MM"]`];
  return [timeError(`${where}[0]`, interval[0], false), timeError(`${where}[1]`, interval[1], true)].filter((e): e is string => e !== null);
}

/** More open stretches than any car park has in a day; the bound keeps a stored value small. */
export const OPEN_INTERVALS_PER_DAY_MAX = 12;

/** Problems with an `opening_hours` value; empty when it is valid (`null` is 24/7 and valid). */
export function openingHoursErrors(value: unknown): string[] {
  if (value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return ['opening hours must be null (24/7) or an object of weekdays'];
  const errors: string[] = [];
  for (const [key, intervals] of Object.entries(value)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) errors.push(`"${key}" is not a weekday (${WEEKDAYS.join(', ')})`);
    else if (!Array.isArray(intervals)) errors.push(`${key} must be a list of intervals`);
    else if (intervals.length > OPEN_INTERVALS_PER_DAY_MAX) errors.push(`${key} has more than ${OPEN_INTERVALS_PER_DAY_MAX} intervals`);
    else intervals.forEach((interval, i) => errors.push(...intervalErrors(`${key}[${i}]`, interval)));
  }
  return errors;
}

/** Problems with a `rates.multipliers` value; empty when it is valid. */
export function rateMultiplierErrors(value: unknown): string[] {
  if (!Array.isArray(value)) return ['multipliers must be a list'];
  return value.flatMap((rule: unknown, i): string[] => {
    const where = `multipliers[${i}]`;
    if (typeof rule !== 'object' || rule === null) return [`${where} must be an object`];
    const { days, from, to, multiplier } = rule as Record<string, unknown>;
    const errors: string[] = [];
    if (!Array.isArray(days) || days.some((d) => !(WEEKDAYS as readonly string[]).includes(d as string))) {
      errors.push(`${where}.days must list weekdays (${WEEKDAYS.join(', ')})`);
    }
    errors.push(...[timeError(`${where}.from`, from, false), timeError(`${where}.to`, to, true)].filter((e): e is string => e !== null));
    if (typeof multiplier !== 'number' || !Number.isFinite(multiplier) || multiplier < 0) errors.push(`${where}.multiplier must be a number ≥ 0`);
    return errors;
  });
}
