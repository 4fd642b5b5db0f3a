import { MAX_BOOKING_MINUTES, PRICE_CENTS_MAX, type PriceQuote, type PriceQuoteDay, type Rate, type RateMultiplier } from '@aiparksit/shared';
import { splitByWallClock, type TimeWindow, type WallClockPiece, type WeeklyInterval } from '../opening-hours/index.js';
import { MULTIPLIER_SCALE, PriceOutOfRangeError, assertCents, multiplierInMillionths, roundHalfUpToCents } from './money.js';

const MINUTE_MS = 60_000;
/** The shortest local calendar day: 23 hours, on the day clocks spring forward. */
const SHORTEST_LOCAL_DAY_MINUTES = 23 * 60;

/**
 * The price of parking through `window` under `rate`, billed in the facility's local time.
 *
 * - Billed unit: the minute. The window is widened to whole minutes (start down, end up), so every
 *   started minute is paid; minutes are real elapsed time, so a night through the spring-forward
 *   gap is an hour shorter and one through the repeated fall-back hour an hour longer.
 * - Multipliers apply by the wall clock and weekday showing at each minute (weekly-schedule.ts);
 *   where several cover a minute the first in the list wins; elsewhere the factor is 1.
 * - Rounding: a local day's minutes at their rates are summed exactly (integer math) and rounded
 *   half up to a whole cent once, so a full hour always costs exactly the hourly rate.
 * - Daily maximum: applied per calendar day in the facility's time zone (midnight to midnight,
 *   23 or 25 hours on DST days), as the large parking marketplaces do; a stay from Monday 10:00
 *   to Thursday 10:00 is four capped days, not three rolling 24-hour periods.
 * - Range: a total above `PRICE_CENTS_MAX` (what a booking's amount column holds) is refused with
 *   `PriceOutOfRangeError`, as is a multiplier too large to compute with; bad input is a RangeError.
 */
export function quoteForWindow(rate: Rate, window: TimeWindow, timeZone: string): PriceQuote {
  assertCents('hourlyCents', rate.hourlyCents);
  if (rate.dailyMaxCents !== null) assertCents('dailyMaxCents', rate.dailyMaxCents);
  const requestedStart = window.start.getTime();
  const requestedEnd = window.end.getTime();
  if (!(requestedEnd > requestedStart)) throw new RangeError('A quote needs a window whose end is after its start');

  const startMs = Math.floor(requestedStart / MINUTE_MS) * MINUTE_MS;
  const endMs = Math.ceil(requestedEnd / MINUTE_MS) * MINUTE_MS;
  const multipliers: WeeklyInterval<bigint>[] = rate.multipliers.flatMap((rule) => {
    const value = multiplierInMillionths(rule.multiplier);
    return rule.days.map((day) => ({ day, from: rule.from, to: rule.to, value }));
  });
  const pieces = splitByWallClock(multipliers, startMs, endMs, timeZone);

  const lines: PriceQuoteDay[] = [];
  for (const dayPieces of groupByLocalDate(pieces)) lines.push(priceOneDay(rate, dayPieces));
  const totalCents = lines.reduce((sum, line) => sum + BigInt(line.totalCents), 0n);
  if (totalCents > BigInt(PRICE_CENTS_MAX)) {
    throw new PriceOutOfRangeError(`The price of this window, ${totalCents} cents, is more than the largest price, ${PRICE_CENTS_MAX} cents`);
  }
  return {
    totalCents: Number(totalCents),
    ...(rate.currency === undefined ? {} : { currency: rate.currency }),
    timeZone,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    billedMinutes: (endMs - startMs) / MINUTE_MS,
    lines,
  };
}

/**
 * The window's price at a rate, or null when the stored rate cannot price it (a RangeError: saved
 * before today's limits, or a total out of range): a listing shows no price instead of failing.
 */
export function quoteOrNull(rate: Rate, window: TimeWindow, timeZone: string): PriceQuote | null {
  try {
    return quoteForWindow(rate, window, timeZone);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * The most `rate` can charge for any window of at most `minutes`, in any time zone, from any
 * start: every billed minute at the steepest multiplier (or ×1, where no rule applies), each local
 * day rounded up a cent, and at most the daily maximum on every local day the window can touch.
 * Rates are checked against it when saved, so no bookable window is priced beyond
 * `PRICE_CENTS_MAX` (a quote's arithmetic is bigint; only its results become numbers).
 */
export function largestQuoteCents(rate: Pick<Rate, 'hourlyCents' | 'dailyMaxCents' | 'multipliers'>, minutes: number = MAX_BOOKING_MINUTES): bigint {
  assertCents('hourlyCents', rate.hourlyCents);
  if (rate.dailyMaxCents !== null) assertCents('dailyMaxCents', rate.dailyMaxCents);
  if (!Number.isSafeInteger(minutes) || minutes < 1) throw new RangeError(`minutes must be a whole number ≥ 1, got ${minutes}`);
  // A window is widened to whole minutes, so one of `minutes` may bill one more.
  const billedMinutes = BigInt(minutes + 1);
  const localDays = (billedMinutes - 1n) / BigInt(SHORTEST_LOCAL_DAY_MINUTES) + 2n;
  const steepest = rate.multipliers.reduce((max, rule) => {
    const millionths = multiplierInMillionths(rule.multiplier);
    return millionths > max ? millionths : max;
  }, MULTIPLIER_SCALE);
  const denominator = 60n * MULTIPLIER_SCALE;
  const uncapped = (billedMinutes * BigInt(rate.hourlyCents) * steepest + denominator - 1n) / denominator + localDays;
  if (rate.dailyMaxCents === null) return uncapped;
  const capped = localDays * BigInt(rate.dailyMaxCents);
  return capped < uncapped ? capped : uncapped;
}

/** A stored rule with only its own fields: rules saved before nested fields were refused may carry others. */
export function ruleFieldsOnly({ days, from, to, multiplier }: RateMultiplier): RateMultiplier {
  return { days, from, to, multiplier };
}

function groupByLocalDate<T>(pieces: WallClockPiece<T>[]): WallClockPiece<T>[][] {
  const days: WallClockPiece<T>[][] = [];
  for (const piece of pieces) {
    const current = days.at(-1);
    if (current && current[0]!.localDate === piece.localDate) current.push(piece);
    else days.push([piece]);
  }
  return days;
}

function priceOneDay(rate: Rate, pieces: WallClockPiece<bigint>[]): PriceQuoteDay {
  let numerator = 0n;
  const segments = pieces.map((piece) => {
    const minutes = (piece.endMs - piece.startMs) / MINUTE_MS;
    const multiplier = piece.value ?? MULTIPLIER_SCALE;
    numerator += BigInt(minutes) * BigInt(rate.hourlyCents) * multiplier;
    return {
      start: new Date(piece.startMs).toISOString(),
      end: new Date(piece.endMs).toISOString(),
      localStart: piece.localStart,
      localEnd: piece.localEnd,
      minutes,
      multiplier: Number(multiplier) / Number(MULTIPLIER_SCALE),
    };
  });
  const uncappedCents = roundHalfUpToCents(numerator, 60n * MULTIPLIER_SCALE);
  const capApplied = rate.dailyMaxCents !== null && uncappedCents > rate.dailyMaxCents;
  return {
    date: pieces[0]!.localDate,
    start: segments[0]!.start,
    end: segments.at(-1)!.end,
    billedMinutes: segments.reduce((sum, s) => sum + s.minutes, 0),
    segments,
    uncappedCents,
    dailyMaxCents: rate.dailyMaxCents,
    capApplied,
    totalCents: capApplied ? rate.dailyMaxCents! : uncappedCents,
  };
}
