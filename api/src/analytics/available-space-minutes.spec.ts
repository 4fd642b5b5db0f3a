import { availableSpaceMinutes } from './available-space-minutes.js';
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
    const result = availableSpaceMinutes({ startMs: start, endMs: start + 48 * H, timeZone: 'Europe/Berlin', openingHours: null, spaces: 10, granularity: 'day' });
    expect([...result.buckets]).toEqual([['2026-01-05T00:00', 14_400], ['2026-01-06T00:00', 14_400]]);
    expect(result.heatmap[0]).toBe(600); // Monday 00:00
    expect(result.heatmap[24 + 23]).toBe(600); // Tuesday 23:00
  });

  it('counts only opening hours, judged in the facility zone', () => {
    // Tuesday 6 January 2026 in Berlin, open 08:00–18:00 → 07:00–17:00 UTC.
    const start = Date.UTC(2026, 0, 5, 23);
    const result = availableSpaceMinutes({
      startMs: start, endMs: start + 24 * H, timeZone: 'Europe/Berlin', openingHours: { tue: [['08:00', '18:00']] }, spaces: 3, granularity: 'hour',
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
    const result = availableSpaceMinutes({ startMs: start, endMs: start + 23 * H, timeZone: 'Europe/Berlin', openingHours: null, spaces: 1, granularity: 'day' });
    expect([...result.buckets]).toEqual([['2026-03-29T00:00', 23 * 60]]);
  });
});
