import { lastFullMonth, nextMonthlySendAt } from './monthly-schedule.js';

describe('nextMonthlySendAt', () => {
  it('is 06:00 on the next 1st in the subscriber zone', () => {
    expect(nextMonthlySendAt(new Date('2026-12-07T03:40:00Z'), 'Europe/Berlin').toISOString()).toBe('2027-01-01T05:00:00.000Z');
    expect(nextMonthlySendAt(new Date('2026-12-07T03:40:00Z'), 'America/New_York').toISOString()).toBe('2027-01-01T11:00:00.000Z');
  });

  it('is later the same day when it is the 1st before 06:00 there', () => {
    expect(nextMonthlySendAt(new Date('2026-12-01T04:59:59Z'), 'Europe/Berlin').toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });

  it('moves to the next month at 06:00 exactly, so a sent month is never due again', () => {
    expect(nextMonthlySendAt(new Date('2026-12-01T05:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2027-01-01T05:00:00.000Z');
  });

  it('follows summer time: 06:00 CEST is 04:00 UTC', () => {
    expect(nextMonthlySendAt(new Date('2027-03-15T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2027-04-01T04:00:00.000Z');
  });

  it('counts the 1st in the subscriber zone, not in UTC', () => {
    // 31 December 20:00 UTC is already 1 January 05:00 in Tokyo: its email is due an hour later.
    expect(nextMonthlySendAt(new Date('2026-12-31T20:00:00Z'), 'Asia/Tokyo').toISOString()).toBe('2026-12-31T21:00:00.000Z');
    expect(nextMonthlySendAt(new Date('2026-12-31T20:00:00Z'), 'UTC').toISOString()).toBe('2027-01-01T06:00:00.000Z');
  });
});

describe('lastFullMonth', () => {
  it('is the calendar month before the current one in the zone', () => {
    expect(lastFullMonth(new Date('2026-12-07T03:40:00Z'), 'Europe/Berlin')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastFullMonth(new Date('2027-03-01T05:00:00Z'), 'Europe/Berlin')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('crosses the year', () => {
    expect(lastFullMonth(new Date('2027-01-01T05:00:00Z'), 'Europe/Berlin')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('depends on the zone around midnight of the 1st', () => {
    const instant = new Date('2026-12-31T20:00:00Z');
    expect(lastFullMonth(instant, 'Asia/Tokyo')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(lastFullMonth(instant, 'UTC')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});
