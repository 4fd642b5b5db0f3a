import type { OpeningHours } from '@aiparksit/shared';
import { closedHours } from './closed-hours.js';
import { HOUR_MS } from './local-week.js';

const BERLIN = 'Europe/Berlin';
// Monday 4 May 2026 00:00 in Berlin (UTC+2).
const MONDAY = Date.UTC(2026, 4, 3, 22);

const openHalfPastSeven: OpeningHours = {
  mon: [['07:30', '22:00']],
  tue: [['07:30', '22:00']],
  wed: [['07:30', '22:00']],
  thu: [['07:30', '22:00']],
  fri: [['07:30', '22:00']],
  sat: [],
  sun: [],
};

describe('closedHours', () => {
  it('is open around the clock without opening hours', () => {
    expect(closedHours({ startMs: MONDAY, hours: 48, timeZone: BERLIN, openingHours: null }).every((c) => c === 0)).toBe(true);
  });

  it('closes hours with no open minute, on the local clock; an hour open in part is open', () => {
    const closed = closedHours({ startMs: MONDAY, hours: 7 * 24, timeZone: BERLIN, openingHours: openHalfPastSeven });
    const monday = [...closed.slice(0, 24)];
    // 07:00–08:00 is open from 07:30; 22:00 closes.
    expect(monday).toEqual(Array.from({ length: 24 }, (_, h) => (h >= 7 && h < 22 ? 0 : 1)));
    expect(closed.slice(5 * 24).every((c) => c === 1)).toBe(true); // the weekend
  });

  it('closes the hours that blackouts cover whole, joining back-to-back ones', () => {
    const closures = [
      { startMs: MONDAY + 2.5 * HOUR_MS, endMs: MONDAY + 5 * HOUR_MS },
      { startMs: MONDAY + 5 * HOUR_MS, endMs: MONDAY + 7 * HOUR_MS },
      { startMs: MONDAY + 10.2 * HOUR_MS, endMs: MONDAY + 10.8 * HOUR_MS },
    ];
    const closed = closedHours({ startMs: MONDAY, hours: 12, timeZone: BERLIN, openingHours: null, closures });
    expect([...closed]).toEqual([0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });
});
