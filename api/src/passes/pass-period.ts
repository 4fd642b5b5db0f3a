import { DateTime } from 'luxon';
import { PASS_MONTHS_AHEAD } from '@aiparksit/shared';

/** A calendar month at a facility, and the part of it a pass bought now covers. */
export interface PassPeriod {
  /** `YYYY-MM`. */
  month: string;
  /** The 1st at 00:00 local time, as the `date` column stores it (`YYYY-MM-01`). */
  monthDate: string;
  monthStart: Date;
  /** The next month's 1st at 00:00 local time. */
  end: Date;
  /** Where the pass begins: the month's start, or now (to the minute) in the current month. */
  start: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The months a pass can be bought for at `now`: the current calendar month at the facility (from
 * now on) and the next ones. Month bounds are local midnights found by luxon in the facility's
 * zone, so a month with a DST change is an hour shorter or longer, never shifted.
 */
export function passPeriodsOnSale(now: Date, timeZone: string): PassPeriod[] {
  const first = DateTime.fromJSDate(now, { zone: timeZone }).startOf('month');
  return Array.from({ length: PASS_MONTHS_AHEAD }, (_, i) => periodOf(first.plus({ months: i }), now));
}

/** The period of `month` (`YYYY-MM`) when it is on sale at `now`; undefined when it is malformed, past or too far ahead. */
export function passPeriodFor(month: string, now: Date, timeZone: string): PassPeriod | undefined {
  if (!MONTH.test(month)) return undefined;
  return passPeriodsOnSale(now, timeZone).find((p) => p.month === month);
}

function periodOf(monthStart: DateTime, now: Date): PassPeriod {
  const start = monthStart.toJSDate();
  const nowToMinute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return {
    month: monthStart.toFormat('yyyy-MM'),
    monthDate: monthStart.toFormat('yyyy-MM-dd'),
    monthStart: start,
    end: monthStart.plus({ months: 1 }).toJSDate(),
    start: nowToMinute > start ? nowToMinute : start,
  };
}

/**
 * The price of a pass for the period: the whole month's price, pro rata by time for the part of
 * the current month that is left (rounded to the cent, at least one cent).
 */
export function passPrice(monthPriceCents: number, period: Pick<PassPeriod, 'monthStart' | 'start' | 'end'>): number {
  const whole = period.end.getTime() - period.monthStart.getTime();
  const left = period.end.getTime() - period.start.getTime();
  if (left >= whole) return monthPriceCents;
  return Math.max(1, Math.round((monthPriceCents * left) / whole));
}
