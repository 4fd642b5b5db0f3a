import { hourlyOccupancyFromDailyRollups, hourlyOccupancyFromHourSums } from './hourly-occupancy.js';
import { HOUR_MS, localWeekSlots, weekSlotOfLocalHour } from './local-week.js';

const BERLIN = 'Europe/Berlin';
const US_PER_HOUR = 3_600_000_000;

/** A rollup row whose slot h holds h + 1 occupied spaces (an hour's worth of microseconds each). */
function row(day: string) {
  return { day, bookedUsByHour: Array.from({ length: 24 }, (_, h) => String((h + 1) * US_PER_HOUR)) };
}

describe('hourlyOccupancyFromDailyRollups', () => {
  it('reads each UTC hour from the local day and hour it starts in', () => {
    // Tuesday 5 May 2026 in Berlin is UTC+2: local 00:00 is 22:00 UTC the day before.
    const start = Date.UTC(2026, 4, 4, 22);
    const series = hourlyOccupancyFromDailyRollups([row('2026-05-05')], BERLIN, start, start + 24 * HOUR_MS);
    expect([...series.values]).toEqual(Array.from({ length: 24 }, (_, h) => h + 1));
  });

  it('splits the repeated hour of the autumn night evenly between its two UTC hours', () => {
    // Sunday 25 October 2026: 02:00–03:00 local happens twice (00:00 and 01:00 UTC).
    const start = Date.UTC(2026, 9, 24, 22);
    const series = hourlyOccupancyFromDailyRollups([row('2026-10-25')], BERLIN, start, start + 25 * HOUR_MS);
    expect(series.values.length).toBe(25);
    expect([...series.values.slice(0, 5)]).toEqual([1, 2, 1.5, 1.5, 4]);
    expect(series.values.reduce((a, b) => a + b, 0)).toBe((24 * 25) / 2);
  });

  it('never reads the slot the spring night skips, and gives 0 for days without a row', () => {
    // Sunday 29 March 2026: local 02:00 does not exist; the day has 23 hours.
    const start = Date.UTC(2026, 2, 28, 23);
    const series = hourlyOccupancyFromDailyRollups([row('2026-03-29')], BERLIN, start, start + 23 * HOUR_MS + 24 * HOUR_MS);
    expect([...series.values.slice(0, 4)]).toEqual([1, 2, 4, 5]);
    expect(series.values.slice(23).every((v) => v === 0)).toBe(true);
  });
});

describe('localWeekSlots', () => {
  it('numbers local hours from Monday 00:00, before and after a DST change', () => {
    // Monday 23 March 2026 00:00 in Berlin (UTC+1), then Monday 30 March (UTC+2).
    expect(localWeekSlots(Date.UTC(2026, 2, 22, 23), 2, BERLIN)).toEqual(Uint8Array.from([0, 1]));
    expect(localWeekSlots(Date.UTC(2026, 2, 29, 22), 1, BERLIN)).toEqual(Uint8Array.from([0]));
    // Sunday 29 March 01:00 UTC is 03:00 local (02:00 skipped): Sunday's slot 6 × 24 + 3.
    expect(localWeekSlots(Date.UTC(2026, 2, 29, 1), 1, BERLIN)[0]).toBe(6 * 24 + 3);
    expect(weekSlotOfLocalHour(-1)).toBe(3 * 24 - 1); // Wednesday 31 December 1969, 23:00
  });
});

describe('hourlyOccupancyFromHourSums', () => {
  it('places each sum at its hour, in occupied spaces, and leaves the other hours empty', () => {
    const start = Date.UTC(2026, 9, 25, 0);
    const series = hourlyOccupancyFromHourSums(
      { hours: [0, 2, 5], bookedUs: [String(US_PER_HOUR), String(US_PER_HOUR / 2), 3 * US_PER_HOUR] },
      start,
      start + 6 * HOUR_MS,
    );
    expect(series.startMs).toBe(start);
    expect([...series.values]).toEqual([1, 0, 0.5, 0, 0, 3]);
  });

  it('ignores hours outside the range', () => {
    const start = Date.UTC(2026, 9, 25, 0);
    const series = hourlyOccupancyFromHourSums({ hours: [-1, 1, 4], bookedUs: [US_PER_HOUR, US_PER_HOUR, US_PER_HOUR] }, start, start + 3 * HOUR_MS);
    expect([...series.values]).toEqual([0, 1, 0]);
  });
});
