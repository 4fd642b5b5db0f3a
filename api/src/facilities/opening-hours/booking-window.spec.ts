import type { OpeningHours } from '@aiparksit/shared';
import { validateBookingWindow, type BookingWindowRules } from './booking-window.js';

const NOW = new Date('2027-06-16T08:00:00Z');

function rules(start: string, end: string, overrides: Partial<BookingWindowRules> = {}): BookingWindowRules {
  return {
    window: { start: new Date(start), end: new Date(end) },
    now: NOW,
    graceMinutes: 5,
    minDurationMinutes: 30,
    maxDurationMinutes: 43_200,
    openingHours: null,
    timeZone: 'Europe/Berlin',
    ...overrides,
  };
}

const codes = (r: BookingWindowRules) => validateBookingWindow(r).map((v) => v.code);

describe('validateBookingWindow', () => {
  it('accepts a future two-hour window at a facility open 24/7', () => {
    expect(validateBookingWindow(rules('2027-06-16T12:00:00Z', '2027-06-16T14:00:00Z'))).toEqual([]);
  });

  it('answers a window that ends before it starts with that one rule only', () => {
    expect(validateBookingWindow(rules('2027-06-16T14:00:00Z', '2027-06-16T12:00:00Z'))).toEqual([
      { code: 'end_not_after_start', message: 'The booking must end after it starts.' },
    ]);
  });

  it('answers an invalid date with invalid_window', () => {
    expect(codes(rules('not a date', '2027-06-16T12:00:00Z'))).toEqual(['invalid_window']);
  });

  it('refuses a start further in the past than the grace period', () => {
    expect(codes(rules('2027-06-16T07:50:00Z', '2027-06-16T10:00:00Z'))).toEqual(['start_in_past']);
  });

  it('accepts a start a few minutes ago, within the grace period', () => {
    expect(codes(rules('2027-06-16T07:57:00Z', '2027-06-16T10:00:00Z'))).toEqual([]);
  });

  it('refuses a stay shorter than the facility’s minimum, naming the minimum', () => {
    expect(validateBookingWindow(rules('2027-06-16T12:00:00Z', '2027-06-16T12:20:00Z'))).toEqual([
      { code: 'shorter_than_minimum', message: 'This facility takes bookings of at least 30 minutes.' },
    ]);
  });

  it('refuses a stay longer than the facility’s maximum, naming the maximum', () => {
    expect(validateBookingWindow(rules('2027-06-16T12:00:00Z', '2027-06-17T13:00:00Z', { maxDurationMinutes: 1440 }))).toEqual([
      { code: 'longer_than_maximum', message: 'This facility takes bookings of at most 1 day.' },
    ]);
  });

  it('accepts exactly 30 days and refuses a 30-day-plus window, whatever the facility allows', () => {
    expect(codes(rules('2027-06-16T12:00:00Z', '2027-07-16T12:00:00Z'))).toEqual([]);
    expect(codes(rules('2027-06-16T12:00:00Z', '2027-07-16T12:01:00Z'))).toEqual(['longer_than_30_days']);
    expect(codes(rules('2027-06-16T12:00:00Z', '2027-08-16T12:00:00Z', { maxDurationMinutes: 100_000 }))).toEqual(['longer_than_30_days']);
  });

  it('measures duration in real time: Berlin’s 25-hour fall-back day exceeds a one-day maximum', () => {
    const r = rules('2027-10-31T00:00:00+02:00', '2027-11-01T00:00:00+01:00', { now: new Date('2027-10-01T00:00:00Z'), maxDurationMinutes: 1440 });
    expect(codes(r)).toEqual(['longer_than_maximum']);
  });

  it('refuses 21:00–23:00 at a facility that closes at 22:00', () => {
    const closesAtTen: OpeningHours = { wed: [['07:00', '22:00']] };
    expect(validateBookingWindow(rules('2027-06-16T21:00:00+02:00', '2027-06-16T23:00:00+02:00', { openingHours: closesAtTen }))).toEqual([
      { code: 'outside_opening_hours', message: 'The facility is not open for the whole of this booking.' },
    ]);
  });

  it('accepts 23:00–01:00 in a 22:00–02:00 night interval', () => {
    const nights: OpeningHours = { wed: [['22:00', '02:00']] };
    expect(codes(rules('2027-06-16T23:00:00+02:00', '2027-06-17T01:00:00+02:00', { openingHours: nights }))).toEqual([]);
  });

  it('lists every broken rule at once', () => {
    const closesAtTen: OpeningHours = { tue: [['07:00', '22:00']] };
    expect(codes(rules('2027-06-15T21:50:00+02:00', '2027-06-15T22:10:00+02:00', { openingHours: closesAtTen }))).toEqual([
      'start_in_past',
      'shorter_than_minimum',
      'outside_opening_hours',
    ]);
  });
});
