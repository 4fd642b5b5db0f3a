import { DateTime } from 'luxon';
import { SERIES_WEEKS_MAX, SERIES_WEEKS_MIN, type FieldErrorCode, type WeeklyPattern } from '@aiparksit/shared';

/** One occurrence of a weekly pattern: the facility's local date and the UTC instants of its window. */
export interface Occurrence {
  date: string;
  start: Date;
  end: Date;
}

/** A pattern that cannot be expanded, as a field and a reason a client can show beside it. */
export interface PatternProblem {
  field: keyof WeeklyPattern;
  code: FieldErrorCode;
  message: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutesOf(time: string): number | undefined {
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/**
 * What is wrong with the pattern as such (not with any one occurrence), given the facility's zone
 * and now: empty or unknown weekdays, a malformed or inverted time, a first date before the
 * facility's local today, weeks out of range.
 */
export function patternProblems(pattern: WeeklyPattern, timeZone: string, now: Date): PatternProblem[] {
  const problems: PatternProblem[] = [];
  const { weekdays, startTime, endTime, firstDate, weeks } = pattern;
  if (
    !Array.isArray(weekdays) ||
    weekdays.length === 0 ||
    weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7) ||
    new Set(weekdays).size !== weekdays.length
  ) {
    problems.push({ field: 'weekdays', code: 'invalid', message: 'Choose one or more different weekdays, 1 (Monday) to 7 (Sunday).' });
  }
  const start = minutesOf(startTime);
  const end = minutesOf(endTime);
  if (start === undefined) problems.push({ field: 'startTime', code: 'invalid_format', message: 'The start time is HH:mm, 00:00 to 23:59.' });
  if (end === undefined) problems.push({ field: 'endTime', code: 'invalid_format', message: 'The end time is HH:mm, 00:00 to 23:59.' });
  if (start !== undefined && end !== undefined && end <= start) {
    problems.push({ field: 'endTime', code: 'not_after', message: 'Each occurrence ends later on the same day than it starts.' });
  }
  const first = DATE.test(firstDate) ? DateTime.fromISO(firstDate, { zone: timeZone }) : undefined;
  if (!first?.isValid) {
    problems.push({ field: 'firstDate', code: 'invalid_format', message: 'The first date is a calendar date, YYYY-MM-DD.' });
  } else if (first < DateTime.fromJSDate(now, { zone: timeZone }).startOf('day')) {
    problems.push({ field: 'firstDate', code: 'in_the_past', message: 'The first date cannot be before today at the facility.' });
  }
  if (!Number.isInteger(weeks) || weeks < SERIES_WEEKS_MIN || weeks > SERIES_WEEKS_MAX) {
    problems.push({ field: 'weeks', code: 'invalid', message: `A series runs ${SERIES_WEEKS_MIN} to ${SERIES_WEEKS_MAX} weeks.` });
  }
  return problems;
}

/**
 * Every occurrence of a valid pattern (see `patternProblems`), earliest first: each local date in
 * [firstDate, firstDate + weeks × 7 days) on a chosen weekday, from its start to its end time on
 * the facility's wall clock. Across a DST change the UTC instants move and the length stays; a
 * wall-clock time the change skips (02:30 on a spring-forward night) is the first instant after
 * the gap, as the facility's clocks show it.
 */
export function weeklyOccurrences(pattern: WeeklyPattern, timeZone: string): Occurrence[] {
  const chosen = new Set(pattern.weekdays);
  const [startMinutes, endMinutes] = [minutesOf(pattern.startTime)!, minutesOf(pattern.endTime)!];
  const first = DateTime.fromISO(pattern.firstDate, { zone: timeZone });
  const occurrences: Occurrence[] = [];
  for (let offset = 0; offset < pattern.weeks * 7; offset++) {
    const day = first.plus({ days: offset });
    if (!chosen.has(day.weekday)) continue;
    const at = (minutes: number) =>
      DateTime.fromObject(
        { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
        { zone: timeZone },
      ).toJSDate();
    occurrences.push({ date: day.toISODate()!, start: at(startMinutes), end: at(endMinutes) });
  }
  return occurrences;
}
