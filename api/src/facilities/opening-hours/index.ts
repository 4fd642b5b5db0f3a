export { isWithinOpeningHours, openIntervalsOn, type TimeWindow } from './opening-hours.js';
export { validateBookingWindow, type BookingWindowRules } from './booking-window.js';
export { openingHoursErrors, rateMultiplierErrors } from './schedule-errors.js';
export { utcOffsetRuns, type UtcOffsetRun } from './utc-offset-runs.js';
// The wall-clock timetable behind opening hours, shared with pricing (rate multipliers).
export { splitByWallClock, type WallClockPiece, type WeeklyInterval } from './weekly-schedule.js';
