import type { OpeningHours } from '@aiparksit/shared';
import { isWithinOpeningHours, openIntervalsOn } from './opening-hours.js';

const BERLIN = 'Europe/Berlin';

function window(start: string, end: string) {
  return { start: new Date(start), end: new Date(end) };
}

const weekdaysSevenToTen: OpeningHours = {
  mon: [['07:00', '22:00']],
  tue: [['07:00', '22:00']],
  wed: [['07:00', '22:00']],
  thu: [['07:00', '22:00']],
  fri: [['07:00', '22:00']],
  sat: [],
  sun: [],
};

describe('isWithinOpeningHours', () => {
  it('accepts any window, even one of many days, at a facility open 24/7', () => {
    expect(isWithinOpeningHours(null, window('2027-06-14T00:00:00+02:00', '2027-07-10T00:00:00+02:00'), BERLIN)).toBe(true);
  });

  it('accepts a window inside the day’s opening hours', () => {
    expect(isWithinOpeningHours(weekdaysSevenToTen, window('2027-06-16T08:00:00+02:00', '2027-06-16T21:00:00+02:00'), BERLIN)).toBe(true);
  });

  it('accepts a window that ends exactly at closing time', () => {
    expect(isWithinOpeningHours(weekdaysSevenToTen, window('2027-06-16T20:00:00+02:00', '2027-06-16T22:00:00+02:00'), BERLIN)).toBe(true);
  });

  it('refuses 21:00–23:00 at a facility that closes at 22:00', () => {
    expect(isWithinOpeningHours(weekdaysSevenToTen, window('2027-06-16T21:00:00+02:00', '2027-06-16T23:00:00+02:00'), BERLIN)).toBe(false);
  });

  it('refuses a window on a closed day', () => {
    expect(isWithinOpeningHours(weekdaysSevenToTen, window('2027-06-19T10:00:00+02:00', '2027-06-19T11:00:00+02:00'), BERLIN)).toBe(false);
  });

  it('treats a missing weekday as closed', () => {
    expect(isWithinOpeningHours({ mon: [['00:00', '24:00']] }, window('2027-06-15T10:00:00+02:00', '2027-06-15T11:00:00+02:00'), BERLIN)).toBe(false);
  });

  it('accepts 23:00–01:00 in a 22:00–02:00 night interval that crosses midnight', () => {
    const nights: OpeningHours = { fri: [['22:00', '02:00']] };
    expect(isWithinOpeningHours(nights, window('2027-06-18T23:00:00+02:00', '2027-06-19T01:00:00+02:00'), BERLIN)).toBe(true);
  });

  it('refuses to stretch that night interval past 02:00 or into a night it does not start on', () => {
    const nights: OpeningHours = { fri: [['22:00', '02:00']] };
    expect(isWithinOpeningHours(nights, window('2027-06-19T01:00:00+02:00', '2027-06-19T03:00:00+02:00'), BERLIN)).toBe(false);
    expect(isWithinOpeningHours(nights, window('2027-06-19T23:00:00+02:00', '2027-06-20T01:00:00+02:00'), BERLIN)).toBe(false);
  });

  it('accepts a multi-day window when back-to-back intervals leave no gap', () => {
    const roundTheClockWeekdays: OpeningHours = {
      mon: [['00:00', '24:00']],
      tue: [['00:00', '24:00']],
      wed: [
        ['00:00', '12:00'],
        ['12:00', '24:00'],
      ],
    };
    expect(isWithinOpeningHours(roundTheClockWeekdays, window('2027-06-14T08:00:00+02:00', '2027-06-16T20:00:00+02:00'), BERLIN)).toBe(true);
    expect(isWithinOpeningHours(roundTheClockWeekdays, window('2027-06-16T20:00:00+02:00', '2027-06-17T01:00:00+02:00'), BERLIN)).toBe(false);
  });

  it('refuses a multi-day window that spans a night the facility is closed', () => {
    expect(isWithinOpeningHours(weekdaysSevenToTen, window('2027-06-16T08:00:00+02:00', '2027-06-17T09:00:00+02:00'), BERLIN)).toBe(false);
  });

  it('judges by the wall clock on DST days: a 01:00–04:00 interval is open through the spring-forward gap', () => {
    const sundayNight: OpeningHours = { sun: [['01:00', '04:00']] };
    expect(isWithinOpeningHours(sundayNight, window('2027-03-28T01:00:00+01:00', '2027-03-28T04:00:00+02:00'), BERLIN)).toBe(true);
  });

  it('judges by the wall clock in America/New_York, not in UTC', () => {
    // 07:00–22:00 local is 11:00–02:00 UTC in summer.
    expect(isWithinOpeningHours(weekdaysSevenToTen, window('2027-06-16T21:00:00-04:00', '2027-06-16T22:00:00-04:00'), 'America/New_York')).toBe(true);
    expect(isWithinOpeningHours(weekdaysSevenToTen, window('2027-06-16T06:00:00-04:00', '2027-06-16T08:00:00-04:00'), 'America/New_York')).toBe(false);
  });

  it('refuses an empty window', () => {
    expect(isWithinOpeningHours(null, window('2027-06-16T10:00:00Z', '2027-06-16T10:00:00Z'), BERLIN)).toBe(false);
  });

  it('refuses malformed opening hours loudly instead of guessing', () => {
    expect(() => isWithinOpeningHours({ mon: [['7am', '22:00']] }, window('2027-06-14T10:00:00Z', '2027-06-14T11:00:00Z'), BERLIN)).toThrow(/HH:MM/);
  });
});

describe('openIntervalsOn', () => {
  it('gives a 24/7 facility the whole local day, 23 real hours on the spring-forward day', () => {
    expect(openIntervalsOn(null, '2027-03-28', BERLIN)).toEqual([
      { start: '2027-03-27T23:00:00.000Z', end: '2027-03-28T22:00:00.000Z', localStart: '00:00', localEnd: '24:00' },
    ]);
  });

  it('lists the day’s intervals as real instants in the facility’s time zone', () => {
    expect(openIntervalsOn(weekdaysSevenToTen, '2027-06-16', BERLIN)).toEqual([
      { start: '2027-06-16T05:00:00.000Z', end: '2027-06-16T20:00:00.000Z', localStart: '07:00', localEnd: '22:00' },
    ]);
  });

  it('clips a night interval to the day: the evening on its own day, the small hours on the next', () => {
    const hours: OpeningHours = { fri: [['22:00', '02:00']], sat: [['10:00', '18:00']] };
    expect(openIntervalsOn(hours, '2027-06-18', BERLIN).map((i) => [i.localStart, i.localEnd])).toEqual([['22:00', '24:00']]);
    expect(openIntervalsOn(hours, '2027-06-19', BERLIN).map((i) => [i.localStart, i.localEnd])).toEqual([
      ['00:00', '02:00'],
      ['10:00', '18:00'],
    ]);
  });

  it('starts the timeline at 01:00 where DST skips midnight (America/Santiago, 2027-09-05)', () => {
    expect(openIntervalsOn(null, '2027-09-05', 'America/Santiago')).toEqual([
      { start: '2027-09-05T04:00:00.000Z', end: '2027-09-06T03:00:00.000Z', localStart: '01:00', localEnd: '24:00' },
    ]);
  });

  it('answers a closed day with no intervals', () => {
    expect(openIntervalsOn(weekdaysSevenToTen, '2027-06-20', BERLIN)).toEqual([]);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => openIntervalsOn(null, '2027-02-30', BERLIN)).toThrow(/calendar date/);
    expect(() => openIntervalsOn(null, '16.06.2027', BERLIN)).toThrow(/calendar date/);
  });
});
