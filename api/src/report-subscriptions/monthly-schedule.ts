import { DateTime } from 'luxon';

/**
 * Local time on the 1st at which a monthly report goes out. Not midnight: facilities' days are
 * their own (a subscriber in Europe/Berlin and a garage in Europe/London), and at 06:00 the last
 * day of the month is over in every facility up to six hours west of the subscriber.
 */
export const MONTHLY_SEND_HOUR = 6;

/** The first instant strictly after `now` that is 06:00 on a 1st in `timeZone`. */
export function nextMonthlySendAt(now: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  const thisMonth = local.startOf('month').set({ hour: MONTHLY_SEND_HOUR });
  const next = thisMonth > local ? thisMonth : thisMonth.plus({ months: 1 });
  return next.toJSDate();
}

/** The last calendar month that is over at `now` in `timeZone`, as its first and last day. */
export function lastFullMonth(now: Date, timeZone: string): { from: string; to: string } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  const start = local.startOf('month').minus({ months: 1 });
  return { from: start.toISODate()!, to: start.endOf('month').toISODate()! };
}
