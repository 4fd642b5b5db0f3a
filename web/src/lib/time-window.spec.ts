import { describe, expect, it } from '@jest/globals';
import {
  defaultWindow,
  describeZone,
  earliestStart,
  formatCountdown,
  formatDuration,
  formatWindow,
  formatWindowCompact,
  formatWindowInZone,
  instantToWallClock,
  wallClockToIso,
  windowToIso,
  zoneAbbreviation,
} from './time-window';

describe('wallClockToIso', () => {
  it('reads a winter wall clock in Berlin as one hour ahead of UTC', () => {
    expect(wallClockToIso('2026-01-15T09:30', 'Europe/Berlin')).toBe('2026-01-15T08:30:00.000Z');
  });

  it('reads a summer wall clock in Berlin as two hours ahead of UTC', () => {
    expect(wallClockToIso('2026-07-15T09:30', 'Europe/Berlin')).toBe('2026-07-15T07:30:00.000Z');
  });

  it('reads New York wall clocks behind UTC, across midnight UTC', () => {
    expect(wallClockToIso('2026-11-26T22:00', 'America/New_York')).toBe('2026-11-27T03:00:00.000Z');
  });

  it('moves a wall clock skipped by the spring-forward change past the gap', () => {
    // Berlin skips 02:00–03:00 on 29 March 2026.
    expect(wallClockToIso('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToWallClock('2026-03-29T01:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29T03:30');
  });

  it('reads a wall clock repeated by the fall-back change as its first occurrence', () => {
    // Berlin repeats 02:00–03:00 on 25 October 2026: first at UTC+2, then at UTC+1.
    expect(wallClockToIso('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses text that is not a wall clock, and dates that do not exist', () => {
    expect(wallClockToIso('', 'Europe/Berlin')).toBeNull();
    expect(wallClockToIso('tomorrow 9', 'Europe/Berlin')).toBeNull();
    expect(wallClockToIso('2026-02-30T10:00', 'Europe/Berlin')).toBeNull();
    expect(wallClockToIso('2026-02-10T24:00', 'Europe/Berlin')).toBeNull();
  });

  it('round-trips with instantToWallClock', () => {
    for (const zone of ['UTC', 'Europe/London', 'Asia/Kolkata', 'Australia/Adelaide', 'America/Los_Angeles']) {
      const iso = wallClockToIso('2026-06-01T18:45', zone)!;
      expect(instantToWallClock(iso, zone)).toBe('2026-06-01T18:45');
    }
  });
});

describe('windowToIso', () => {
  it('gives both ends in UTC when the end is after the start', () => {
    expect(windowToIso({ start: '2026-01-15T09:00', end: '2026-01-15T11:00' }, 'Europe/Berlin')).toEqual({
      start: '2026-01-15T08:00:00.000Z',
      end: '2026-01-15T10:00:00.000Z',
    });
  });

  it('says why a window cannot be searched', () => {
    expect(windowToIso({ start: '2026-01-15T11:00', end: '2026-01-15T11:00' }, 'UTC')).toEqual({ problem: 'end_not_after_start' });
    expect(windowToIso({ start: '', end: '2026-01-15T11:00' }, 'UTC')).toEqual({ problem: 'missing' });
  });
});

describe('defaultWindow', () => {
  it('starts at the next full hour and lasts two hours', () => {
    expect(defaultWindow(new Date('2026-11-26T12:39:54Z'), 'UTC')).toEqual({ start: '2026-11-26T13:00', end: '2026-11-26T15:00' });
  });

  it('is expressed in the given zone', () => {
    expect(defaultWindow(new Date('2026-11-26T23:10:00Z'), 'Europe/Berlin')).toEqual({ start: '2026-11-27T01:00', end: '2026-11-27T03:00' });
  });
});

describe('formatWindow', () => {
  it('names the day once when the window stays within it, in the facility zone', () => {
    expect(formatWindow('2026-11-26T13:00:00Z', '2026-11-26T15:30:00Z', 'Europe/Berlin')).toBe('Thu, 26 Nov 2026, 14:00 – 16:30');
  });

  it('names both days when the window crosses local midnight', () => {
    expect(formatWindow('2026-11-26T21:00:00Z', '2026-11-27T07:00:00Z', 'Europe/Berlin')).toBe('Thu, 26 Nov 2026, 22:00 – Fri, 27 Nov 2026, 08:00');
  });
});

describe('formatDuration and formatCountdown', () => {
  it('reads durations in days, hours and minutes', () => {
    expect(formatDuration('2026-01-01T10:00:00Z', '2026-01-01T12:30:00Z')).toBe('2 h 30 min');
    expect(formatDuration('2026-01-01T10:00:00Z', '2026-01-01T10:45:00Z')).toBe('45 min');
    expect(formatDuration('2026-01-01T10:00:00Z', '2026-01-04T12:00:00Z')).toBe('3 days 2 h');
  });

  it('counts a hold down in minutes and seconds, never below zero', () => {
    expect(formatCountdown(245_000)).toBe('4:05');
    expect(formatCountdown(400)).toBe('0:01');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });
});

describe('formatWindowCompact', () => {
  const now = new Date('2026-12-07T09:00:00Z');
  it('keeps a same-day window on one short line, in the car park’s zone', () => {
    expect(formatWindowCompact('2026-12-07T09:00:00Z', '2026-12-07T11:30:00Z', 'Europe/Berlin', now)).toBe('7 Dec, 10:00–12:30');
  });
  it('names both days across midnight and the year when it is not this one', () => {
    expect(formatWindowCompact('2026-12-07T21:00:00Z', '2026-12-08T05:00:00Z', 'Europe/Berlin', now)).toBe('7 Dec, 22:00 – 8 Dec, 06:00');
    expect(formatWindowCompact('2027-01-02T09:00:00Z', '2027-01-02T10:00:00Z', 'UTC', now)).toBe('2 Jan 2027, 09:00–10:00');
  });
});

describe('past windows', () => {
  const now = new Date('2031-06-03T10:07:30Z');

  it('refuses a start before the current minute, in the zone the times were typed in', () => {
    expect(windowToIso({ start: '2031-06-03T12:06', end: '2031-06-03T14:00' }, 'Europe/Berlin', now)).toEqual({ problem: 'start_in_past' });
    expect(windowToIso({ start: '2031-06-03T12:07', end: '2031-06-03T14:00' }, 'Europe/Berlin', now)).toEqual({
      start: '2031-06-03T10:07:00.000Z',
      end: '2031-06-03T12:00:00.000Z',
    });
    // The same wall clock in New York is hours ahead: accepted.
    expect(windowToIso({ start: '2031-06-03T06:30', end: '2031-06-03T08:00' }, 'America/New_York', now)).toMatchObject({ start: '2031-06-03T10:30:00.000Z' });
  });

  it("gives the picker its earliest start as the zone's current minute", () => {
    expect(earliestStart(now, 'Europe/Berlin')).toBe('2031-06-03T12:07');
    expect(earliestStart(now, 'Asia/Tokyo')).toBe('2031-06-03T19:07');
  });
});

describe('zone labels', () => {
  it("names the car park's zone as its clocks do, summer and winter", () => {
    expect(zoneAbbreviation('2031-01-10T12:00:00Z', 'Europe/Berlin')).toBe('CET');
    expect(zoneAbbreviation('2031-06-10T12:00:00Z', 'Europe/Zurich')).toBe('CEST');
    expect(zoneAbbreviation('2031-06-10T12:00:00Z', 'Europe/London')).toBe('BST');
  });

  it('says which zone times are in, as people name it', () => {
    expect(describeZone('2031-01-10T12:00:00Z', 'Europe/Berlin')).toBe('Berlin time (CET)');
    expect(describeZone('2031-01-10T12:00:00Z', 'America/New_York')).toBe('New York time (GMT-5)');
    expect(describeZone('2031-01-10T12:00:00Z', 'UTC')).toBe('UTC');
  });

  it('labels a window with its zone, and both ends when a clock change falls inside it', () => {
    expect(formatWindowInZone('2031-01-10T13:00:00Z', '2031-01-10T15:00:00Z', 'Europe/Berlin')).toBe('Fri, 10 Jan 2031, 14:00 – 16:00 CET');
    expect(formatWindowInZone('2031-03-29T23:00:00Z', '2031-03-30T08:00:00Z', 'Europe/Berlin')).toBe('Sun, 30 Mar 2031, 00:00 CET – 10:00 CEST');
  });
});
