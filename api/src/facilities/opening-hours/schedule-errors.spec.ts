import { OPEN_INTERVALS_PER_DAY_MAX, openingHoursErrors, rateMultiplierErrors } from './schedule-errors.js';

describe('openingHoursErrors', () => {
  it('accepts null (24/7), closed days and intervals that cross midnight or end at 24:00', () => {
    expect(openingHoursErrors(null)).toEqual([]);
    expect(openingHoursErrors({ mon: [['07:00', '24:00']], fri: [['22:00', '02:00']], sun: [] })).toEqual([]);
  });

  it('names each bad weekday, interval and time', () => {
    expect(openingHoursErrors({ monday: [], tue: [['7:00', '22:00']], wed: [['24:00', '02:00']], thu: 'all day', fri: [['08:00']] })).toEqual([
      '"monday" is not a weekday (mon, tue, wed, thu, fri, sat, sun)',
      'tue[0][0]: "7:00" is not a wall-clock time HH:MM',
      'wed[0][0]: "24:00" is not a wall-clock time HH:MM',
      'thu must be a list of intervals',
      'fri[0] must be a pair ["HH:MM", "HH:MM"]',
    ]);
    expect(openingHoursErrors([])).toEqual(['opening hours must be null (24/7) or an object of weekdays']);
  });

  it(`refuses more than ${OPEN_INTERVALS_PER_DAY_MAX} intervals on one day`, () => {
    const intervals = (n: number) => Array.from({ length: n }, (_, i) => [`${String(i).padStart(2, '0')}:00`, `${String(i).padStart(2, '0')}:30`]);
    expect(openingHoursErrors({ mon: intervals(OPEN_INTERVALS_PER_DAY_MAX) })).toEqual([]);
    expect(openingHoursErrors({ mon: intervals(OPEN_INTERVALS_PER_DAY_MAX + 1) })).toEqual([`mon has more than ${OPEN_INTERVALS_PER_DAY_MAX} intervals`]);
  });
});

describe('rateMultiplierErrors', () => {
  it('accepts an empty list and well-formed rules', () => {
    expect(rateMultiplierErrors([])).toEqual([]);
    expect(rateMultiplierErrors([{ days: ['mon', 'fri'], from: '22:00', to: '06:00', multiplier: 0.5 }])).toEqual([]);
  });

  it('names each bad field of each rule', () => {
    expect(rateMultiplierErrors([{ days: ['monday'], from: '07:00', to: '25:00', multiplier: -1 }, 'peak'])).toEqual([
      'multipliers[0].days must list weekdays (mon, tue, wed, thu, fri, sat, sun)',
      'multipliers[0].to: "25:00" is not a wall-clock time HH:MM (or 24:00)',
      'multipliers[0].multiplier must be a number ≥ 0',
      'multipliers[1] must be an object',
    ]);
  });
});
