import { MAX_BOOKING_MINUTES, type BookingWindowViolation, type OpeningHours } from '@aiparksit/shared';
import { isWithinOpeningHours, type TimeWindow } from './opening-hours.js';

export interface BookingWindowRules {
  window: TimeWindow;
  /** The caller's clock, passed in so the rules are testable and one request sees one "now". */
  now: Date;
  /** How far in the past a start may lie (a driver booking "from now" while the form was open). */
  graceMinutes: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  openingHours: OpeningHours;
  timeZone: string;
}

function describeMinutes(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

/**
 * Every rule a booking window breaks, each with a code (for the SPA and the 400's details) and a
 * sentence for people. Empty means bookable as far as time goes. Durations are real elapsed time,
 * so a night across a DST change is as long as it really is.
 */
export function validateBookingWindow(rules: BookingWindowRules): BookingWindowViolation[] {
  const { window, now, graceMinutes, minDurationMinutes, maxDurationMinutes, openingHours, timeZone } = rules;
  const startMs = window.start.getTime();
  const endMs = window.end.getTime();
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) {
    return [{ code: 'invalid_window', message: 'The booking needs a valid start and end time.' }];
  }
  if (endMs <= startMs) {
    // Durations and opening hours mean nothing for a reversed window; one clear message is enough.
    return [{ code: 'end_not_after_start', message: 'The booking must end after it starts.' }];
  }

  const violations: BookingWindowViolation[] = [];
  if (startMs < now.getTime() - graceMinutes * 60_000) {
    violations.push({ code: 'start_in_past', message: 'The booking cannot start in the past.' });
  }
  const durationMinutes = (endMs - startMs) / 60_000;
  if (durationMinutes < minDurationMinutes) {
    violations.push({ code: 'shorter_than_minimum', message: `This facility takes bookings of at least ${describeMinutes(minDurationMinutes)}.` });
  }
  if (durationMinutes > MAX_BOOKING_MINUTES) {
    violations.push({ code: 'longer_than_30_days', message: `A booking can last at most ${describeMinutes(MAX_BOOKING_MINUTES)}.` });
  } else if (durationMinutes > maxDurationMinutes) {
    violations.push({ code: 'longer_than_maximum', message: `This facility takes bookings of at most ${describeMinutes(maxDurationMinutes)}.` });
  }
  if (!isWithinOpeningHours(openingHours, window, timeZone)) {
    violations.push({ code: 'outside_opening_hours', message: 'The facility is not open for the whole of this booking.' });
  }
  return violations;
}
