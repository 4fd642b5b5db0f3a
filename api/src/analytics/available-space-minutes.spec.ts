import { availableSpaceMinutes, exactAvailableSpaceMinutes } from './available-space-minutes.js';
import { bucketLabel } from './local-buckets.js';

const H = 3_600_000;

describe('bucketLabel', () => {
  const local = Date.UTC(2026, 2, 4, 13, 0); // Wednesday 4 March 2026, 13:00 local
  it('truncates to the local hour, day, Monday-first week and month', () => {
    expect(bucketLabel(local, 'hour')).toBe('2026-03-04T13:00');
    expect(bucketLabel(local, 'day')).toBe('2026-03-04T00:00');
    expect(bucketLabel(local, 'week')).toBe('2026-03-02T00:00');
    expect(bucketLabel(local, 'month')).toBe('2026-03-01T00:00');
  });
});

describe('availableSpaceMinutes', () => {
  it('counts every minute of every space for a facility open around the clock', () => {
    const start = Date.UTC(2026, 0, 4, 23); // Monday 5 January 2026 00:00 in Berlin (UTC+1)
    const result = availableSpaceMinutes({
      startMs: start,
      endMs: start + 48 * H,
      timeZone: 'Europe/Berlin',
      openingHours: null,
      spaces: 10,
      granularity: 'day',
    });
    expect([...result.buckets]).toEqual([
      ['2026-01-05T00:00', 14_400],
      ['2026-01-06T00:00', 14_400],
    ]);
    expect(result.heatmap[0]).toBe(600); // Monday 00:00
    expect(result.heatmap[24 + 23]).toBe(600); // Tuesday 23:00
  });

  it('counts only opening hours, judged in the facility zone', () => {
    // Tuesday 6 January 2026 in Berlin, open 08:00–18:00 → 07:00–17:00 UTC.
    const start = Date.UTC(2026, 0, 5, 23);
    const result = availableSpaceMinutes({
      startMs: start,
      endMs: start + 24 * H,
      timeZone: 'Europe/Berlin',
      openingHours: { tue: [['08:00', '18:00']] },
      spaces: 3,
      granularity: 'hour',
    });
    expect(result.buckets.size).toBe(24);
    expect(result.buckets.get('2026-01-06T07:00')).toBe(0);
    expect(result.buckets.get('2026-01-06T08:00')).toBe(180);
    expect(result.buckets.get('2026-01-06T17:00')).toBe(180);
    expect(result.buckets.get('2026-01-06T18:00')).toBe(0);
    expect(result.heatmap.reduce((a, b) => a + b, 0)).toBe(10 * 60 * 3);
    expect(result.heatmap[24 + 8]).toBe(180); // Tuesday 08:00
  });

  it('gives the day of the spring DST change 23 hours', () => {
    const start = Date.UTC(2026, 2, 28, 23); // Sunday 29 March 2026 00:00 in Berlin
    const result = availableSpaceMinutes({
      startMs: start,
      endMs: start + 23 * H,
      timeZone: 'Europe/Berlin',
      openingHours: null,
      spaces: 1,
      granularity: 'day',
    });
    expect([...result.buckets]).toEqual([['2026-03-29T00:00', 23 * 60]]);
  });
});

describe('availableSpaceMinutes by weekly pattern', () => {
  const everyDay = (ranges: [string, string][]) => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges });
  const SCHEDULES = [
    null,
    {
      mon: [['06:00', '23:00']],
      tue: [['06:00', '23:00']],
      wed: [['06:00', '23:00']],
      thu: [['06:00', '23:00']],
      fri: [['06:00', '23:00']],
      sat: [['08:00', '18:00']],
    },
    everyDay([
      ['07:15', '12:00'],
      ['13:30', '22:45'],
    ]),
    { fri: [['20:00', '24:00']], sat: [['00:00', '03:30']] },
  ] as const;
  // DST in both hemispheres, a half-hour zone (cells start at :30 local) and one without DST.
  const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];

  it.each(ZONES)('agrees exactly with the hour-by-hour computation over a year and over odd ranges (%s)', (timeZone) => {
    const ranges: [number, number][] = [
      [Date.UTC(2025, 11, 31, 12), Date.UTC(2027, 0, 1, 12)],
      [Date.UTC(2026, 2, 27, 5), Date.UTC(2026, 3, 2, 19)],
      [Date.UTC(2026, 9, 24, 23), Date.UTC(2026, 10, 3, 1)],
      [Date.UTC(2026, 5, 1, 7), Date.UTC(2026, 5, 1, 9)],
    ];
    for (const openingHours of SCHEDULES) {
      for (const granularity of ['day', 'week', 'month'] as const) {
        for (const [startMs, endMs] of ranges) {
          const input = { startMs, endMs, timeZone, openingHours: openingHours as never, spaces: 7, granularity };
          const fast = availableSpaceMinutes(input);
          const exact = exactAvailableSpaceMinutes(input);
          expect([...fast.buckets].sort()).toEqual([...exact.buckets].sort());
          expect(fast.heatmap).toEqual(exact.heatmap);
        }
      }
    }
  });

  it('counts a 25-hour day (DST ends) with both repeated hours in one cell', () => {
    const start = Date.UTC(2026, 9, 24, 22); // Sunday 25 October 2026 00:00 in Berlin (UTC+2)
    const result = availableSpaceMinutes({
      startMs: start,
      endMs: start + 25 * H,
      timeZone: 'Europe/Berlin',
      openingHours: null,
      spaces: 1,
      granularity: 'day',
    });
    expect([...result.buckets]).toEqual([['2026-10-25T00:00', 25 * 60]]);
    expect(result.heatmap[6 * 24 + 2]).toBe(120); // Sunday 02:00, twice
    expect(result.heatmap.reduce((a, b) => a + b, 0)).toBe(25 * 60);
  });
});
