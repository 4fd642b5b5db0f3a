import { WEEKDAYS, type OpeningHours, type WallClockInterval, type Weekday } from '@aiparksit/shared';

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** One weekday's intervals as a person types them: "07:00-12:00, 13:00-22:00"; empty is closed. */
export function intervalsToText(intervals: WallClockInterval[] | undefined): string {
  return (intervals ?? []).map(([from, to]) => `${from}-${to}`).join(', ');
}

const TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/;

function normaliseTime(text: string): string | null {
  const match = TIME.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), match[2]!];
  if (hours === 24 && minutes !== '00') return null;
  return `${String(hours).padStart(2, '0')}:${minutes}`;
}

/**
 * The text of one weekday → its intervals, or what is wrong with it. An interval whose end is
 * earlier than its start crosses midnight (the API's rule, e.g. 22:00-02:00).
 */
export function textToIntervals(text: string): { intervals: WallClockInterval[] } | { error: string } {
  if (!text.trim()) return { intervals: [] };
  const intervals: WallClockInterval[] = [];
  for (const part of text.split(/[,;]/)) {
    const [fromText, toText, ...rest] = part.split(/[-–—]/);
    const from = normaliseTime(fromText ?? '');
    const to = normaliseTime(toText ?? '');
    if (rest.length || from === null || to === null || from === '24:00') return { error: `“${part.trim()}” is not a time range like 07:00-22:00.` };
    if (from === to) return { error: `${from}-${to} is empty: the start and end are the same.` };
    intervals.push([from, to]);
  }
  return { intervals };
}

/** The weekday texts (or 24/7) → the API's opening hours, or the errors per weekday. */
export function openingHoursFromText(
  open24x7: boolean,
  texts: Record<Weekday, string>,
): { openingHours: OpeningHours } | { errors: Partial<Record<Weekday, string>> } {
  if (open24x7) return { openingHours: null };
  const hours: Partial<Record<Weekday, WallClockInterval[]>> = {};
  const errors: Partial<Record<Weekday, string>> = {};
  for (const day of WEEKDAYS) {
    const parsed = textToIntervals(texts[day]);
    if ('error' in parsed) errors[day] = parsed.error;
    else hours[day] = parsed.intervals;
  }
  return Object.keys(errors).length ? { errors } : { openingHours: hours };
}
