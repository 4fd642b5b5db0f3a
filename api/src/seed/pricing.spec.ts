import { priceForStay, splitGross } from './pricing.js';

describe('priceForStay', () => {
  const tariff = { hourlyCents: 300, dailyMaxCents: 2_000 };

  it('charges every started hour', () => {
    expect(priceForStay(60, tariff)).toBe(300);
    expect(priceForStay(61, tariff)).toBe(600);
    expect(priceForStay(15, tariff)).toBe(300);
  });

  it('caps each 24-hour block at the daily maximum', () => {
    expect(priceForStay(10 * 60, tariff)).toBe(2_000);
    expect(priceForStay(24 * 60, tariff)).toBe(2_000);
    expect(priceForStay(25 * 60, tariff)).toBe(2_300);
    expect(priceForStay(3 * 24 * 60, tariff)).toBe(6_000);
  });

  it('charges by the hour without a daily maximum', () => {
    expect(priceForStay(26 * 60, { hourlyCents: 100, dailyMaxCents: null })).toBe(2_600);
  });

  it('refuses a stay that is not a positive whole number of minutes', () => {
    expect(() => priceForStay(0, tariff)).toThrow(RangeError);
    expect(() => priceForStay(1.5, tariff)).toThrow(RangeError);
  });
});

describe('splitGross', () => {
  it('keeps 15 % for the platform, rounded half up, and gives the rest to the operator', () => {
    expect(splitGross(1_000, 1_500)).toEqual({ grossCents: 1_000, platformFeeCents: 150, operatorNetCents: 850 });
    expect(splitGross(10, 1_500)).toEqual({ grossCents: 10, platformFeeCents: 2, operatorNetCents: 8 }); // 1.5 → 2
    expect(splitGross(0, 1_500)).toEqual({ grossCents: 0, platformFeeCents: 0, operatorNetCents: 0 });
  });

  it('always balances: gross = fee + net', () => {
    for (let gross = 0; gross < 5_000; gross += 7) {
      const split = splitGross(gross, 1_500);
      expect(split.platformFeeCents + split.operatorNetCents).toBe(gross);
    }
  });
});
