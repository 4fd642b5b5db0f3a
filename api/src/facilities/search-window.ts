import { MAX_BOOKING_MINUTES } from '@aiparksit/shared';
import type { TimeWindow } from './opening-hours/index.js';
import { fieldError } from '../common/errors/index.js';
import { FacilitiesException } from './facilities.exception.js';

/**
 * How long ago a window may start and still be "now": the form rounds to the quarter hour and a
 * person takes a minute to press the button, so a start a minute or two ago is the present.
 */
export const PAST_START_GRACE_MS = 2 * 60_000;

/** Whether a window starting at `start` begins in the past, beyond the grace. */
export function startsInThePast(start: Date, now: Date): boolean {
  return start.getTime() < now.getTime() - PAST_START_GRACE_MS;
}

/**
 * A window from query strings (already ISO 8601 by the DTO): both ends or neither, end after
 * start, at most 30 days — the longest booking there is, so the longest worth pricing — and not
 * started before now (less the grace): nobody can park in the past.
 */
export function parseWindow(start: string | undefined, end: string | undefined, now: Date): TimeWindow | undefined {
  if (start === undefined && end === undefined) return undefined;
  if (start === undefined || end === undefined) {
    const missing = start === undefined ? 'start' : 'end';
    const message = 'Give both start and end of the window, or neither.';
    throw new FacilitiesException('invalid_window', message, { fields: [fieldError(missing, 'required', undefined, message)] });
  }
  const window = { start: new Date(start), end: new Date(end) };
  if (Number.isNaN(window.start.getTime()) || Number.isNaN(window.end.getTime())) {
    throw new FacilitiesException('invalid_window', 'start and end must be ISO 8601 instants.', {
      field: Number.isNaN(window.start.getTime()) ? 'start' : 'end',
    });
  }
  if (startsInThePast(window.start, now)) {
    const message = 'The window starts in the past: choose a start from now on.';
    throw new FacilitiesException('invalid_window', message, { fields: [fieldError('start', 'in_the_past', undefined, message)] });
  }
  if (window.end <= window.start) {
    const message = 'The window must end after it starts.';
    throw new FacilitiesException('invalid_window', message, { fields: [fieldError('end', 'not_after', { other: 'start' }, message)] });
  }
  if (window.end.getTime() - window.start.getTime() > MAX_BOOKING_MINUTES * 60_000) {
    throw new FacilitiesException('invalid_window', 'The window may last at most 30 days.', { field: 'end', maxMinutes: MAX_BOOKING_MINUTES });
  }
  return window;
}

/** Without a window, availability is the current minute's. */
export function currentMinute(now: Date): TimeWindow {
  const start = Math.floor(now.getTime() / 60_000) * 60_000;
  return { start: new Date(start), end: new Date(start + 60_000) };
}
