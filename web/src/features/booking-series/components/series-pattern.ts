import type { WeeklyPattern } from '@aiparksit/shared';
import { instantToWallClock } from '../../../lib/time-window';

export const WEEKDAY_LABELS: Record<number, string> = { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat', 7: 'Sun' };

/** ISO weekday (1 = Monday … 7 = Sunday) of a "YYYY-MM-DD" calendar date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/**
 * The pattern a single stay suggests: its weekday, its local start and end times, from its own
 * date, for four weeks. A stay over midnight ends at 23:59 (an occurrence ends on the day it starts).
 */
export function patternFromStay(startIso: string, endIso: string, timeZone: string): WeeklyPattern {
  const start = instantToWallClock(startIso, timeZone);
  const end = instantToWallClock(endIso, timeZone);
  const firstDate = start.slice(0, 10);
  const sameDay = end.slice(0, 10) === firstDate;
  return { weekdays: [isoWeekday(firstDate)], startTime: start.slice(11), endTime: sameDay ? end.slice(11) : '23:59', firstDate, weeks: 4 };
}

/** "Mon–Fri" for a run of days, else "Mon, Wed, Sat"; in week order. */
export function describeWeekdays(weekdays: number[]): string {
  const days = [...weekdays].sort((a, b) => a - b);
  const isRun = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  if (isRun) return `${WEEKDAY_LABELS[days[0]!]}–${WEEKDAY_LABELS[days[days.length - 1]!]}`;
  return days.map((d) => WEEKDAY_LABELS[d]).join(', ');
}

/** "Mon–Fri 08:00–18:00, 4 weeks from 2027-03-22". */
export function describePattern(pattern: WeeklyPattern): string {
  return `${describeWeekdays(pattern.weekdays)} ${pattern.startTime}–${pattern.endTime}, ${pattern.weeks} week${pattern.weeks === 1 ? '' : 's'} from ${pattern.firstDate}`;
}
