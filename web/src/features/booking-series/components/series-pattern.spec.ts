import { describe, expect, it } from '@jest/globals';
import { describePattern, describeWeekdays, isoWeekday, patternFromStay } from './series-pattern';

describe('patternFromStay', () => {
  it('takes the weekday and the wall-clock times of the stay in the facility zone', () => {
    // 07:00Z on Monday 22 March 2027 is 08:00 in Zurich (CET).
    expect(patternFromStay('2027-03-22T07:00:00Z', '2027-03-22T17:00:00Z', 'Europe/Zurich')).toEqual({
      weekdays: [1],
      startTime: '08:00',
      endTime: '18:00',
      firstDate: '2027-03-22',
      weeks: 4,
    });
  });

  it('ends a stay over midnight at 23:59 of its first day', () => {
    expect(patternFromStay('2027-06-05T20:00:00Z', '2027-06-06T02:00:00Z', 'UTC')).toMatchObject({ weekdays: [6], startTime: '20:00', endTime: '23:59' });
  });
});

describe('describing a pattern', () => {
  it('names a run of days as a range and others one by one', () => {
    expect(describeWeekdays([5, 1, 2, 3, 4])).toBe('Mon–Fri');
    expect(describeWeekdays([1, 3, 6])).toBe('Mon, Wed, Sat');
    expect(isoWeekday('2027-03-28')).toBe(7);
    expect(describePattern({ weekdays: [1, 2, 3, 4, 5], startTime: '08:00', endTime: '18:00', firstDate: '2027-03-22', weeks: 1 })).toBe(
      'Mon–Fri 08:00–18:00, 1 week from 2027-03-22',
    );
  });
});
