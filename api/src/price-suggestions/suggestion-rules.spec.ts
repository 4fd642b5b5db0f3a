import type { RateInput } from '@aiparksit/shared';
import {
  PRICE_ELASTICITY_OF_DEMAND,
  elasticityAssumption,
  mergeMultipliers,
  multiplierAt,
  multiplierOverHour,
  occupancyAfterPriceChange,
  suggestPrices,
  type SuggestionInput,
} from './suggestion-rules.js';

const CAPACITY = 10;
const rate = (overrides: Partial<RateInput> = {}): RateInput => ({
  spaceType: 'standard',
  hourlyCents: 300,
  dailyMaxCents: null,
  multipliers: [],
  ...overrides,
});
/** Slot of a local weekday (0 = Monday) and hour. */
const slot = (day: number, hour: number) => day * 24 + hour;

/** Four weeks at `base` spaces taken, with `override(slot, week)` where it returns a number. */
function weeks(base: number, override: (s: number, week: number) => number | undefined = () => undefined, count = 4): Float64Array[] {
  return Array.from({ length: count }, (_, w) => Float64Array.from({ length: 168 }, (_, s) => override(s, w) ?? base));
}

function input(overrides: Partial<SuggestionInput> = {}): SuggestionInput {
  return {
    capacity: CAPACITY,
    currency: 'EUR',
    rate: rate(),
    floorCents: null,
    maxStepPercent: 20,
    history: weeks(5),
    expected: null,
    closed: new Array(168).fill(false),
    ...overrides,
  };
}

/** Mondays 08:00–10:00 full in three weeks of four (the fourth at 8.5 of 10), the rest of the week half full. */
const mondayMornings = weeks(5, (s, w) => (s === slot(0, 8) || s === slot(0, 9) ? (w === 2 ? 8.5 : 10) : undefined));

describe('suggestPrices', () => {
  it('suggests nothing where the hours are neither full nor mostly empty', () => {
    const outcome = suggestPrices(input());
    expect(outcome.suggested).toBeNull();
    expect(outcome.bands).toEqual([]);
    expect(outcome.weeklyRevenueChangeCents).toBe(0);
    expect(outcome.summary).toMatch(/fits the demand of the last 4 weeks/);
  });

  it('raises hours that are full in most weeks by the step at most, and says why in words with the currency', () => {
    const outcome = suggestPrices(input({ history: mondayMornings }));
    expect(outcome.bands).toHaveLength(1);
    const band = outcome.bands[0]!;
    expect(band).toMatchObject({
      day: 'mon',
      from: '08:00',
      to: '10:00',
      verdict: 'full',
      fullWeeks: 3,
      weeks: 4,
      currentMultiplier: 1,
      suggestedMultiplier: 1.2,
    });
    expect(band.reason).toMatch(
      /^Mondays 08:00–10:00 are full 3 weeks out of 4; \+20 % \(€3\.00 → €3\.60 an hour\) is expected to keep 1–2 spaces free and add €/,
    );
    expect(outcome.suggested).toEqual(rate({ multipliers: [{ days: ['mon'], from: '08:00', to: '10:00', multiplier: 1.2 }] }));
  });

  it('computes the expected occupancy and revenue under the stated elasticity', () => {
    const outcome = suggestPrices(input({ history: mondayMornings }));
    const band = outcome.bands[0]!;
    // Mean demand over the two hours: (10 + 10 + 8.5 + 10) / 4 = 9.625 spaces; at +20 %, 9.625 × 1.2^−0.4 spaces.
    const then = 9.625 * 1.2 ** PRICE_ELASTICITY_OF_DEMAND;
    expect(band.occupiedChange).toBeCloseTo(then - 9.625, 2);
    // Two hours a week, each at 300 cents a space-hour now and 360 after.
    expect(band.weeklyRevenueChangeCents).toBe(Math.round(2 * (then * 360 - 9.625 * 300)));
    expect(outcome.weeklyRevenueChangeCents).toBe(band.weeklyRevenueChangeCents);
    expect(outcome.weeklyRevenueCents).toBe(Math.round((166 * 5 + 2 * 9.625) * 300));
  });

  it('raises no further than the price that is expected to leave 15 % of the spaces free', () => {
    // Demand of 9 spaces: 9 × r^−0.4 = 8.5 at r ≈ 1.154, so +15 % rather than the full step.
    const nine = weeks(5, (s, w) => (s === slot(0, 8) ? (w === 2 ? 6 : 10) : undefined));
    expect(suggestPrices(input({ history: nine })).bands[0]).toMatchObject({ currentMultiplier: 1, suggestedMultiplier: 1.15 });
  });

  it('never moves a price more than the configured step', () => {
    const outcome = suggestPrices(
      input({ history: mondayMornings, maxStepPercent: 7, rate: rate({ multipliers: [{ days: ['mon'], from: '08:00', to: '10:00', multiplier: 1.33 }] }) }),
    );
    const band = outcome.bands[0]!;
    expect(band.suggestedMultiplier).toBe(1.42);
    expect(band.suggestedMultiplier / band.currentMultiplier).toBeLessThanOrEqual(1.07);
  });

  it('follows the forecast for hours full half the weeks, counting it as one more week of demand', () => {
    const halfFull = weeks(5, (s, w) => (s === slot(0, 8) && w % 2 === 0 ? 10 : undefined));
    const expected = new Float64Array(168).fill(5);
    expect(suggestPrices(input({ history: halfFull, expected })).bands).toEqual([]);
    expected[slot(0, 8)] = 9.8;
    const band = suggestPrices(input({ history: halfFull, expected })).bands[0]!;
    expect(band).toMatchObject({ fullWeeks: 2, weeks: 4, expectedOccupied: 9.8 });
    expect(band.reason).toContain('9.8 of 10 expected next week');
    // Demand: (10 + 5 + 10 + 5 + 9.8) / 5 = 7.96 spaces; the effect starts from it.
    expect(band.occupiedChange).toBeCloseTo(7.96 * (band.suggestedMultiplier ** PRICE_ELASTICITY_OF_DEMAND - 1), 2);
  });

  it('raises hours full three weeks out of four even when the forecast expects less', () => {
    const expected = new Float64Array(168).fill(2);
    expect(suggestPrices(input({ history: mondayMornings, expected })).bands[0]).toMatchObject({ day: 'mon', from: '08:00', verdict: 'full', fullWeeks: 3 });
  });

  describe('cuts hours that stay mostly empty', () => {
    const quietSundays = weeks(5, (s) => (s >= slot(6, 0) ? 1 : undefined));

    it('not below the current hourly rate while no floor is set: a premium may go, the base rate stays', () => {
      const premium = suggestPrices(
        input({ history: quietSundays, rate: rate({ multipliers: [{ days: ['sun'], from: '00:00', to: '24:00', multiplier: 1.1 }] }) }),
      );
      expect(premium.bands[0]).toMatchObject({ day: 'sun', from: '00:00', to: '24:00', verdict: 'empty', currentMultiplier: 1.1, suggestedMultiplier: 1 });
      // The old Sunday rule is wholly covered by the new one: it goes.
      expect(premium.suggested!.multipliers).toEqual([{ days: ['sun'], from: '00:00', to: '24:00', multiplier: 1 }]);

      const plain = suggestPrices(input({ history: quietSundays }));
      expect(plain.suggested).toBeNull();
      expect(plain.bands[0]!.reason).toMatch(
        /mostly empty \(1 of 10 spaces taken on average over 4 weeks\); no cut: €3\.00 an hour is the current hourly rate/,
      );
    });

    it('down by the step, never below the floor the operator set', () => {
      const wide = suggestPrices(input({ history: quietSundays, floorCents: 100 })).bands[0]!;
      expect(wide).toMatchObject({ suggestedMultiplier: 0.8, suggestedHourlyCents: 240 });
      // Inelastic demand: the cut fills a little and costs some revenue; the reason says both.
      expect(wide.occupiedChange).toBeCloseTo(0.8 ** PRICE_ELASTICITY_OF_DEMAND - 1, 2);
      expect(wide.weeklyRevenueChangeCents).toBeLessThan(0);
      expect(wide.reason).toMatch(/−20 % \(€3\.00 → €2\.40 an hour\) is expected to bring 0\.1 more spaces taken and cost €/);

      const floored = suggestPrices(input({ history: quietSundays, floorCents: 270 })).bands[0]!;
      expect(floored).toMatchObject({ suggestedMultiplier: 0.9, suggestedHourlyCents: 270 });
    });
  });

  it('moves the base hourly rate when most of the week is full, within the step', () => {
    const outcome = suggestPrices(input({ history: weeks(10), rate: rate({ dailyMaxCents: 2000 }) }));
    expect(outcome.bands).toEqual([]);
    expect(outcome.baseRate).toMatchObject({ currentCents: 300, suggestedCents: 360 });
    expect(outcome.baseRate!.reason).toMatch(/^100 % of the open hours were full in most weeks; the hourly rate \+20 % \(€3\.00 → €3\.60\)/);
    expect(outcome.suggested).toEqual(rate({ hourlyCents: 360, dailyMaxCents: 2400 }));
  });

  it('cuts the base rate of a week that stays empty throughout, down to the floor; held by no floor, the hours are read instead', () => {
    const quiet = weeks(1);
    expect(suggestPrices(input({ history: quiet, floorCents: 250 })).suggested).toEqual(rate({ hourlyCents: 250 }));
    // Empty at night and on Sundays, full on Monday mornings: the cut is held, the mornings still go up.
    const quietButMondays = weeks(1, (s, w) => (s === slot(0, 8) || s === slot(0, 9) ? (w === 2 ? 8.5 : 10) : undefined));
    const outcome = suggestPrices(input({ history: quietButMondays }));
    expect(outcome.baseRate).toBeNull();
    expect(outcome.bands.find((b) => b.verdict === 'full')).toMatchObject({ day: 'mon', from: '08:00', to: '10:00', suggestedMultiplier: 1.2 });
    expect(outcome.suggested!.multipliers).toEqual([{ days: ['mon'], from: '08:00', to: '10:00', multiplier: 1.2 }]);
  });

  it('leaves closed hours, free hours and hours a rule splits alone', () => {
    const closed = new Array(168).fill(false);
    closed[slot(0, 8)] = true;
    const outcome = suggestPrices(
      input({
        history: mondayMornings,
        closed,
        rate: rate({ multipliers: [{ days: ['mon'], from: '09:30', to: '12:00', multiplier: 1.5 }] }),
      }),
    );
    expect(outcome.bands).toEqual([]);
    const free = suggestPrices(input({ history: mondayMornings, rate: rate({ multipliers: [{ days: ['mon'], from: '08:00', to: '10:00', multiplier: 0 }] }) }));
    expect(free.bands).toEqual([]);
  });

  it('needs at least two weeks of history at the current rate, and says when a recent change holds it back', () => {
    expect(suggestPrices(input({ history: mondayMornings.slice(0, 1) })).suggested).toBeNull();
    expect(suggestPrices(input({ history: [] })).summary).toMatch(/No booking history/);
    const recent = suggestPrices(input({ history: mondayMornings.slice(3), rateChangedOn: '30 Nov 2026' }));
    expect(recent.suggested).toBeNull();
    expect(recent.summary).toBe('The rate changed on 30 Nov 2026: suggestions resume once 2 whole weeks at the new price have been seen.');
  });
});

describe('occupancyAfterPriceChange', () => {
  it('scales demand by the price ratio to the power of the elasticity, turning away what exceeds the spaces', () => {
    expect(occupancyAfterPriceChange(8, 1.2, 10, -0.4)).toBeCloseTo(8 * 1.2 ** -0.4, 10);
    expect(occupancyAfterPriceChange(9.8, 0.5, 10, -0.4)).toBe(10);
  });

  it('is stated in words with the elasticity', () => {
    expect(elasticityAssumption(-0.4)).toMatch(/constant price elasticity of −0\.4: a price 10 % higher is expected to lose about 3\.7 %/);
  });
});

describe('rate rules', () => {
  it('reads the first rule covering a minute, across midnight too', () => {
    const rules = [
      { days: ['fri' as const], from: '22:00', to: '02:00', multiplier: 0.5 },
      { days: ['sat' as const], from: '00:00', to: '12:00', multiplier: 1.5 },
    ];
    expect(multiplierAt(rules, 4, 23 * 60)).toBe(0.5);
    expect(multiplierAt(rules, 5, 60)).toBe(0.5);
    expect(multiplierAt(rules, 5, 3 * 60)).toBe(1.5);
    expect(multiplierAt(rules, 0, 60)).toBe(1);
    expect(multiplierOverHour(rules, slot(5, 1))).toBe(0.5);
    expect(multiplierOverHour([{ days: ['mon'], from: '08:30', to: '09:00', multiplier: 2 }], slot(0, 8))).toBeNull();
  });

  it('merges bands of the same hours and multiplier into one rule, keeping old rules not wholly covered', () => {
    const existing = [
      { days: ['mon' as const, 'tue' as const], from: '08:00', to: '10:00', multiplier: 1.1 },
      { days: ['sat' as const], from: '08:00', to: '10:00', multiplier: 1.3 },
    ];
    const merged = mergeMultipliers(existing, [
      { day: 'mon', from: '08:00', to: '10:00', suggestedMultiplier: 1.32, weeklyRevenueChangeCents: 500 },
      { day: 'tue', from: '08:00', to: '10:00', suggestedMultiplier: 1.32, weeklyRevenueChangeCents: 400 },
    ]);
    expect(merged).toEqual([{ days: ['mon', 'tue'], from: '08:00', to: '10:00', multiplier: 1.32 }, existing[1]]);
  });
});
