import { MAX_BOOKING_MINUTES, PRICE_CENTS_MAX, RATE_LIMITS, WEEKDAYS, type Rate } from '@aiparksit/shared';
import { PriceOutOfRangeError } from './money.js';
import { largestQuoteCents, quoteForWindow } from './quote.js';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

function aRate(overrides: Partial<Rate> = {}): Rate {
  return { hourlyCents: 300, dailyMaxCents: null, multipliers: [], ...overrides };
}

/** Instants are written with their local offset, so DST-edge times are unambiguous. */
function window(start: string, end: string) {
  return { start: new Date(start), end: new Date(end) };
}

describe('quoteForWindow', () => {
  describe('plain hourly billing', () => {
    it('bills a two-hour afternoon at exactly twice the hourly rate', () => {
      const quote = quoteForWindow(aRate({ hourlyCents: 250 }), window('2027-06-16T14:00:00+02:00', '2027-06-16T16:00:00+02:00'), BERLIN);
      expect(quote.totalCents).toBe(500);
      expect(quote.billedMinutes).toBe(120);
      expect(quote.lines).toHaveLength(1);
      expect(quote.lines[0]).toMatchObject({ date: '2027-06-16', billedMinutes: 120, uncappedCents: 500, capApplied: false, totalCents: 500 });
      expect(quote.lines[0]!.segments).toEqual([
        { start: '2027-06-16T12:00:00.000Z', end: '2027-06-16T14:00:00.000Z', localStart: '14:00', localEnd: '16:00', minutes: 120, multiplier: 1 },
      ]);
    });

    it('bills every started minute: the window widens to whole minutes', () => {
      const quote = quoteForWindow(aRate({ hourlyCents: 600 }), window('2027-06-16T14:00:20+02:00', '2027-06-16T14:30:10+02:00'), BERLIN);
      expect(quote.start).toBe('2027-06-16T12:00:00.000Z');
      expect(quote.end).toBe('2027-06-16T12:31:00.000Z');
      expect(quote.billedMinutes).toBe(31);
      expect(quote.totalCents).toBe(310);
    });

    it('rounds a day’s exact price half up to a whole cent, once', () => {
      // 2 cents an hour: 15 minutes are exactly half a cent, 10 minutes a third of one.
      expect(quoteForWindow(aRate({ hourlyCents: 2 }), window('2027-06-16T10:00:00Z', '2027-06-16T10:15:00Z'), 'UTC').totalCents).toBe(1);
      expect(quoteForWindow(aRate({ hourlyCents: 2 }), window('2027-06-16T10:00:00Z', '2027-06-16T10:10:00Z'), 'UTC').totalCents).toBe(0);
    });

    it('charges nothing at a zero-rate facility but still explains the minutes', () => {
      const rate = aRate({ hourlyCents: 0, multipliers: [{ days: ['wed'], from: '08:00', to: '18:00', multiplier: 2 }] });
      const quote = quoteForWindow(rate, window('2027-06-16T07:00:00+02:00', '2027-06-17T07:00:00+02:00'), BERLIN);
      expect(quote.totalCents).toBe(0);
      expect(quote.billedMinutes).toBe(1440);
      expect(quote.lines.map((l) => [l.date, l.billedMinutes, l.totalCents])).toEqual([
        ['2027-06-16', 1020, 0],
        ['2027-06-17', 420, 0],
      ]);
    });

    it('carries the facility currency when the rate knows it', () => {
      const stay = window('2027-06-16T10:00:00Z', '2027-06-16T11:00:00Z');
      expect(quoteForWindow(aRate({ currency: 'EUR' }), stay, BERLIN).currency).toBe('EUR');
      expect(quoteForWindow(aRate(), stay, BERLIN)).not.toHaveProperty('currency');
    });
  });

  describe('time-of-day and weekday multipliers', () => {
    it('applies a weekday morning peak only to the minutes inside it', () => {
      const rate = aRate({ hourlyCents: 200, multipliers: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '10:00', multiplier: 1.5 }] });
      const quote = quoteForWindow(rate, window('2027-06-16T06:00:00+02:00', '2027-06-16T11:00:00+02:00'), BERLIN);
      expect(quote.totalCents).toBe(200 + 3 * 300 + 200);
      expect(quote.lines[0]!.segments.map((s) => [s.localStart, s.localEnd, s.minutes, s.multiplier])).toEqual([
        ['06:00', '07:00', 60, 1],
        ['07:00', '10:00', 180, 1.5],
        ['10:00', '11:00', 60, 1],
      ]);
    });

    it('leaves a weekend morning at the base rate when the peak is for weekdays', () => {
      const rate = aRate({ hourlyCents: 200, multipliers: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '10:00', multiplier: 1.5 }] });
      expect(quoteForWindow(rate, window('2027-06-19T07:00:00+02:00', '2027-06-19T10:00:00+02:00'), BERLIN).totalCents).toBe(600);
    });

    it('crosses midnight into a cheaper night that belongs to the evening it started on', () => {
      const rate = aRate({ hourlyCents: 400, multipliers: [{ days: ['fri'], from: '22:00', to: '06:00', multiplier: 0.5 }] });
      const quote = quoteForWindow(rate, window('2027-06-18T21:00:00+02:00', '2027-06-19T01:00:00+02:00'), BERLIN);
      expect(quote.lines.map((l) => [l.date, l.totalCents])).toEqual([
        ['2027-06-18', 400 + 2 * 200],
        ['2027-06-19', 200],
      ]);
      expect(quote.lines[0]!.segments.at(-1)).toMatchObject({ localStart: '22:00', localEnd: '24:00', multiplier: 0.5 });
      expect(quote.lines[1]!.segments).toEqual([expect.objectContaining({ localStart: '00:00', localEnd: '01:00', minutes: 60, multiplier: 0.5 })]);
      expect(quote.totalCents).toBe(1000);
    });

    it('does not discount Saturday night when only Friday night is cheap', () => {
      const rate = aRate({ hourlyCents: 400, multipliers: [{ days: ['fri'], from: '22:00', to: '06:00', multiplier: 0.5 }] });
      expect(quoteForWindow(rate, window('2027-06-19T22:00:00+02:00', '2027-06-19T23:00:00+02:00'), BERLIN).totalCents).toBe(400);
    });

    it('lets the first listed multiplier win where two overlap', () => {
      const rate = aRate({
        hourlyCents: 60,
        multipliers: [
          { days: ['wed'], from: '08:00', to: '12:00', multiplier: 2 },
          { days: ['wed'], from: '10:00', to: '14:00', multiplier: 3 },
        ],
      });
      const quote = quoteForWindow(rate, window('2027-06-16T09:00:00+02:00', '2027-06-16T13:00:00+02:00'), BERLIN);
      expect(quote.lines[0]!.segments.map((s) => [s.localStart, s.localEnd, s.multiplier])).toEqual([
        ['09:00', '12:00', 2],
        ['12:00', '13:00', 3],
      ]);
      expect(quote.totalCents).toBe(3 * 120 + 180);
    });
  });

  describe('daily maximum per local calendar day', () => {
    it('caps each day of a three-day stay from midnight to midnight', () => {
      const quote = quoteForWindow(aRate({ hourlyCents: 300, dailyMaxCents: 2000 }), window('2027-06-14T00:00:00+02:00', '2027-06-17T00:00:00+02:00'), BERLIN);
      expect(quote.lines.map((l) => [l.date, l.uncappedCents, l.capApplied, l.totalCents])).toEqual([
        ['2027-06-14', 7200, true, 2000],
        ['2027-06-15', 7200, true, 2000],
        ['2027-06-16', 7200, true, 2000],
      ]);
      expect(quote.totalCents).toBe(3 * 2000);
    });

    it('prices the partial first and last days of a stay by the hour when they stay under the cap', () => {
      const quote = quoteForWindow(aRate({ hourlyCents: 300, dailyMaxCents: 2000 }), window('2027-06-14T20:00:00+02:00', '2027-06-17T05:00:00+02:00'), BERLIN);
      expect(quote.lines.map((l) => [l.date, l.billedMinutes, l.capApplied, l.totalCents])).toEqual([
        ['2027-06-14', 240, false, 1200],
        ['2027-06-15', 1440, true, 2000],
        ['2027-06-16', 1440, true, 2000],
        ['2027-06-17', 300, false, 1500],
      ]);
      expect(quote.totalCents).toBe(6700);
    });

    it('caps at the facility’s midnight, not at UTC midnight', () => {
      // 20:00–04:00 in New York is 00:00–08:00 UTC: one UTC day, but two local ones.
      const quote = quoteForWindow(
        aRate({ hourlyCents: 300, dailyMaxCents: 1000 }),
        window('2027-06-16T20:00:00-04:00', '2027-06-17T04:00:00-04:00'),
        NEW_YORK,
      );
      expect(quote.lines.map((l) => [l.date, l.uncappedCents, l.totalCents])).toEqual([
        ['2027-06-16', 1200, 1000],
        ['2027-06-17', 1200, 1000],
      ]);
      expect(quote.totalCents).toBe(2000);
    });
  });

  describe('daylight saving time', () => {
    it('bills Berlin’s spring-forward day 2027-03-28 as the 23 hours it really lasts', () => {
      const quote = quoteForWindow(aRate({ hourlyCents: 60 }), window('2027-03-28T00:00:00+01:00', '2027-03-29T00:00:00+02:00'), BERLIN);
      expect(quote.billedMinutes).toBe(23 * 60);
      expect(quote.lines).toHaveLength(1);
      expect(quote.lines[0]).toMatchObject({ date: '2027-03-28', billedMinutes: 1380, totalCents: 1380 });
    });

    it('bills only the two real hours of a 01:00–04:00 night through the spring-forward gap', () => {
      const rate = aRate({ hourlyCents: 100, multipliers: [{ days: ['sun'], from: '01:00', to: '04:00', multiplier: 2 }] });
      const quote = quoteForWindow(rate, window('2027-03-28T01:00:00+01:00', '2027-03-28T04:00:00+02:00'), BERLIN);
      expect(quote.billedMinutes).toBe(120);
      expect(quote.lines[0]!.segments).toEqual([
        { start: '2027-03-28T00:00:00.000Z', end: '2027-03-28T02:00:00.000Z', localStart: '01:00', localEnd: '04:00', minutes: 120, multiplier: 2 },
      ]);
      expect(quote.totalCents).toBe(400);
    });

    it('bills Berlin’s fall-back day 2027-10-31 as the 25 hours it really lasts', () => {
      const quote = quoteForWindow(aRate({ hourlyCents: 60 }), window('2027-10-31T00:00:00+02:00', '2027-11-01T00:00:00+01:00'), BERLIN);
      expect(quote.billedMinutes).toBe(25 * 60);
      expect(quote.lines.map((l) => [l.date, l.billedMinutes, l.totalCents])).toEqual([['2027-10-31', 1500, 1500]]);
    });

    it('applies a 02:00–03:00 multiplier to both passes of the repeated fall-back hour', () => {
      const rate = aRate({ hourlyCents: 100, multipliers: [{ days: ['sun'], from: '02:00', to: '03:00', multiplier: 2 }] });
      const quote = quoteForWindow(rate, window('2027-10-31T01:00:00+02:00', '2027-10-31T04:00:00+01:00'), BERLIN);
      expect(quote.billedMinutes).toBe(240);
      expect(quote.lines[0]!.segments.map((s) => [s.localStart, s.localEnd, s.minutes, s.multiplier])).toEqual([
        ['01:00', '02:00', 60, 1],
        ['02:00', '03:00', 120, 2],
        ['03:00', '04:00', 60, 1],
      ]);
      expect(quote.totalCents).toBe(100 + 400 + 100);
    });

    it('caps a 25-hour fall-back day once, like any other calendar day', () => {
      const quote = quoteForWindow(aRate({ hourlyCents: 100, dailyMaxCents: 2000 }), window('2027-10-30T00:00:00+02:00', '2027-11-01T00:00:00+01:00'), BERLIN);
      expect(quote.lines.map((l) => [l.date, l.billedMinutes, l.uncappedCents, l.totalCents])).toEqual([
        ['2027-10-30', 1440, 2400, 2000],
        ['2027-10-31', 1500, 2500, 2000],
      ]);
    });

    it('prices a New York night multiplier through the 2027-03-14 spring-forward by real time', () => {
      const everyNight = { days: [...WEEKDAYS], from: '23:00', to: '07:00', multiplier: 0.5 };
      const quote = quoteForWindow(
        aRate({ hourlyCents: 200, multipliers: [everyNight] }),
        window('2027-03-13T22:00:00-05:00', '2027-03-14T08:00:00-04:00'),
        NEW_YORK,
      );
      expect(quote.billedMinutes).toBe(9 * 60);
      expect(quote.lines.map((l) => [l.date, l.billedMinutes, l.totalCents])).toEqual([
        ['2027-03-13', 120, 200 + 100],
        ['2027-03-14', 420, 6 * 100 + 200],
      ]);
      expect(quote.totalCents).toBe(1100);
    });

    it('keeps the repeated hour on its own day where DST falls back at midnight (America/Santiago, 2027-04-03)', () => {
      // At 24:00 on Saturday the clock goes back to 23:00 Saturday: that day has 25 hours.
      const rate = aRate({ hourlyCents: 60, dailyMaxCents: 150 });
      const quote = quoteForWindow(rate, window('2027-04-03T22:00:00-03:00', '2027-04-04T01:00:00-04:00'), 'America/Santiago');
      expect(quote.billedMinutes).toBe(240);
      expect(quote.lines.map((l) => [l.date, l.billedMinutes, l.uncappedCents, l.totalCents])).toEqual([
        ['2027-04-03', 180, 180, 150],
        ['2027-04-04', 60, 60, 60],
      ]);
    });
  });

  describe('refusing bad input rather than guessing a price', () => {
    const hour = window('2027-06-16T10:00:00Z', '2027-06-16T11:00:00Z');

    it('refuses a window that ends before it starts', () => {
      expect(() => quoteForWindow(aRate(), window('2027-06-16T11:00:00Z', '2027-06-16T10:00:00Z'), BERLIN)).toThrow(RangeError);
    });

    it('refuses a time zone that is not in the IANA database', () => {
      expect(() => quoteForWindow(aRate(), hour, 'Europe/Atlantis')).toThrow(/IANA/);
    });

    it('refuses malformed multiplier times and negative factors', () => {
      expect(() => quoteForWindow(aRate({ multipliers: [{ days: ['wed'], from: '7:00', to: '10:00', multiplier: 1.5 }] }), hour, BERLIN)).toThrow(/HH:MM/);
      expect(() => quoteForWindow(aRate({ multipliers: [{ days: ['wed'], from: '24:00', to: '10:00', multiplier: 1.5 }] }), hour, BERLIN)).toThrow(/HH:MM/);
      expect(() => quoteForWindow(aRate({ multipliers: [{ days: ['wed'], from: '07:00', to: '10:00', multiplier: -1 }] }), hour, BERLIN)).toThrow(/multiplier/);
    });

    it('refuses rates that are not whole cents', () => {
      expect(() => quoteForWindow(aRate({ hourlyCents: 2.5 }), hour, BERLIN)).toThrow(/hourlyCents/);
      expect(() => quoteForWindow(aRate({ dailyMaxCents: -1 }), hour, BERLIN)).toThrow(/dailyMaxCents/);
    });
  });

  describe('refusing prices the amount columns cannot hold', () => {
    const day = window('2027-06-16T00:00:00Z', '2027-06-17T00:00:00Z');

    it('refuses a multiplier too large to compute with (1e308) with PriceOutOfRangeError', () => {
      const rate = aRate({ multipliers: [{ days: [...WEEKDAYS], from: '00:00', to: '24:00', multiplier: 1e308 }] });
      expect(() => quoteForWindow(rate, day, 'UTC')).toThrow(PriceOutOfRangeError);
    });

    it('refuses a total above PRICE_CENTS_MAX (a ×1,000,000 day at 3.00 an hour)', () => {
      const rate = aRate({ hourlyCents: 300, multipliers: [{ days: [...WEEKDAYS], from: '00:00', to: '24:00', multiplier: 1e6 }] });
      expect(() => quoteForWindow(rate, day, 'UTC')).toThrow(PriceOutOfRangeError);
    });

    it('prices exactly PRICE_CENTS_MAX and refuses a minute more', () => {
      const rate = aRate({ hourlyCents: PRICE_CENTS_MAX });
      expect(quoteForWindow(rate, window('2027-06-16T10:00:00Z', '2027-06-16T11:00:00Z'), 'UTC').totalCents).toBe(PRICE_CENTS_MAX);
      expect(() => quoteForWindow(rate, window('2027-06-16T10:00:00Z', '2027-06-16T11:01:00Z'), 'UTC')).toThrow(PriceOutOfRangeError);
    });

    it('still prices a day whose uncapped price is huge at its daily maximum', () => {
      const rate = aRate({ hourlyCents: 1_000_000, dailyMaxCents: 5000, multipliers: [{ days: [...WEEKDAYS], from: '00:00', to: '24:00', multiplier: 1e6 }] });
      const quote = quoteForWindow(rate, day, 'UTC');
      expect(quote.lines[0]).toMatchObject({ uncappedCents: 24 * 1_000_000 * 1e6, capApplied: true, totalCents: 5000 });
      expect(quote.totalCents).toBe(5000);
    });
  });
});

describe('largestQuoteCents', () => {
  const steepestAllowed = { days: [...WEEKDAYS], from: '08:00', to: '09:00', multiplier: RATE_LIMITS.multiplierMax };

  it('bounds a 30-day stay by the hourly rate at the steepest multiplier, per billed minute', () => {
    // 43,201 billed minutes (widened to whole minutes) at 10 × 1.00 an hour = 720,016.67, and a cent per local day (33) for rounding.
    expect(largestQuoteCents(aRate({ hourlyCents: 100, multipliers: [steepestAllowed] }))).toBe(720_017n + 33n);
  });

  it('counts a multiplier below 1 as 1: the minutes outside it are billed in full', () => {
    const night = { days: [...WEEKDAYS], from: '22:00', to: '06:00', multiplier: 0.5 };
    expect(largestQuoteCents(aRate({ hourlyCents: 60, multipliers: [night] }), 60)).toBe(61n + 2n);
  });

  it('bounds by the daily maximum on every local day the window can touch, 23-hour days included', () => {
    expect(largestQuoteCents(aRate({ hourlyCents: 1_000_000, dailyMaxCents: 2000 }))).toBe(33n * 2000n);
    expect(largestQuoteCents(aRate({ hourlyCents: 1_000_000, dailyMaxCents: 2000 }), 60)).toBe(2n * 2000n);
  });

  it('lets the highest allowed hourly rate with the steepest multiplier exceed PRICE_CENTS_MAX only without a daily maximum', () => {
    const steep = aRate({ hourlyCents: RATE_LIMITS.hourlyCentsMax, multipliers: [steepestAllowed] });
    expect(largestQuoteCents(steep)).toBeGreaterThan(BigInt(PRICE_CENTS_MAX));
    expect(largestQuoteCents({ ...steep, dailyMaxCents: RATE_LIMITS.dailyMaxCentsMax })).toBeLessThanOrEqual(BigInt(PRICE_CENTS_MAX));
    expect(largestQuoteCents(aRate({ hourlyCents: RATE_LIMITS.hourlyCentsMax }))).toBeLessThanOrEqual(BigInt(PRICE_CENTS_MAX));
  });

  it('is never below a real quote of a window of that length, across DST changes and zones', () => {
    const rate = aRate({
      hourlyCents: 337,
      dailyMaxCents: 7001,
      multipliers: [
        { days: ['sun'], from: '01:00', to: '04:00', multiplier: 9.99 },
        { days: [...WEEKDAYS], from: '23:00', to: '07:00', multiplier: 0.25 },
      ],
    });
    const uncapped = { ...rate, dailyMaxCents: null };
    const stays: [string, string, string][] = [
      ['2027-03-28T00:00:30+01:00', BERLIN, 'spring forward'],
      ['2027-10-30T23:59:10+02:00', BERLIN, 'fall back'],
      ['2027-03-13T00:00:00-05:00', NEW_YORK, 'spring forward'],
      ['2027-04-02T23:30:00-03:00', 'America/Santiago', 'fall back at midnight'],
    ];
    for (const [start, zone] of stays) {
      for (const minutes of [1, 59, 1379, 1441, MAX_BOOKING_MINUTES]) {
        const stay = { start: new Date(start), end: new Date(new Date(start).getTime() + minutes * 60_000) };
        expect(quoteForWindow(rate, stay, zone).totalCents).toBeLessThanOrEqual(Number(largestQuoteCents(rate, minutes)));
        expect(quoteForWindow(uncapped, stay, zone).totalCents).toBeLessThanOrEqual(Number(largestQuoteCents(uncapped, minutes)));
      }
    }
  });
});
