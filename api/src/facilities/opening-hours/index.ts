export { isWithinOpeningHours, openIntervalsOn, type TimeWindow } from './opening-hours.js';
export { validateBookingWindow, type BookingWindowRules } from './booking-window.js';
export { splitByWallClock, type WallClockPiece, type WeeklyInterval } from './weekly-schedule.js';
