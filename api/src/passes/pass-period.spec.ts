import { passPeriodFor, passPeriodsOnSale, passPrice } from './pass-period.js';

describe('passPeriodsOnSale', () => {
  it('offers the current month from now (to the minute) and the next two from their 1st at local midnight', () => {
    const periods = passPeriodsOnSale(new Date('2030-01-15T10:20:30Z'), 'Europe/Berlin');
    expect(periods.map((p) => p.month)).toEqual(['2030-01', '2030-02', '2030-03']);
    expect(periods[0]!.start.toISOString()).toBe('2030-01-15T10:20:00.000Z');
    expect(periods[0]!.monthStart.toISOString()).toBe('2029-12-31T23:00:00.000Z');
    expect(periods[1]!.start.toISOString()).toBe('2030-01-31T23:00:00.000Z');
    expect(periods[1]!.monthDate).toBe('2030-02-01');
  });

  it('keeps local months across a DST change: March in Berlin is an hour short, October an hour long', () => {
    const [march] = passPeriodsOnSale(new Date('2030-03-01T00:00:00+01:00'), 'Europe/Berlin');
    expect(march!.start.toISOString()).toBe('2030-02-28T23:00:00.000Z');
    expect(march!.end.toISOString()).toBe('2030-03-31T22:00:00.000Z');
    expect(march!.end.getTime() - march!.start.getTime()).toBe((31 * 24 - 1) * 3_600_000);
    const [, , october] = passPeriodsOnSale(new Date('2030-08-10T12:00:00Z'), 'Europe/Berlin');
    expect(october!.end.getTime() - october!.start.getTime()).toBe((31 * 24 + 1) * 3_600_000);
  });

  it('uses the facility’s clock for which month is current', () => {
    // 23:30 on 31 January in UTC is already February in Berlin.
    expect(passPeriodsOnSale(new Date('2030-01-31T23:30:00Z'), 'Europe/Berlin')[0]!.month).toBe('2030-02');
    expect(passPeriodsOnSale(new Date('2030-01-31T23:30:00Z'), 'America/New_York')[0]!.month).toBe('2030-01');
  });
});

describe('passPeriodFor', () => {
  const now = new Date('2030-01-15T10:00:00Z');
  it('finds a month on sale', () => expect(passPeriodFor('2030-03', now, 'UTC')?.monthDate).toBe('2030-03-01'));
  it('refuses a past month, one too far ahead and a malformed one', () => {
    expect(passPeriodFor('2029-12', now, 'UTC')).toBeUndefined();
    expect(passPeriodFor('2030-04', now, 'UTC')).toBeUndefined();
    expect(passPeriodFor('2030-3', now, 'UTC')).toBeUndefined();
    expect(passPeriodFor('2030-13', now, 'UTC')).toBeUndefined();
  });
});

describe('passPrice', () => {
  it('charges a whole month in full and the rest of the current month pro rata', () => {
    const [current, next] = passPeriodsOnSale(new Date('2030-04-16T00:00:00Z'), 'UTC');
    expect(passPrice(9000, next!)).toBe(9000);
    // 15 of April's 30 days are left.
    expect(passPrice(9000, current!)).toBe(4500);
  });

  it('never charges less than a cent', () => {
    const [current] = passPeriodsOnSale(new Date('2030-04-30T23:59:00Z'), 'UTC');
    expect(passPrice(100, current!)).toBe(1);
  });
});
