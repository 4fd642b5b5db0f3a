import { describe, expect, it } from '@jest/globals';
import { intervalsToText, openingHoursFromText, textToIntervals } from './opening-hours-text';

const closedWeek = { mon: '', tue: '', wed: '', thu: '', fri: '', sat: '', sun: '' };

describe('textToIntervals', () => {
  it('reads one or more ranges, with a hyphen or an en dash, and pads the hours', () => {
    expect(textToIntervals('7:00-12:00, 13:00–22:00')).toEqual({
      intervals: [
        ['07:00', '12:00'],
        ['13:00', '22:00'],
      ],
    });
  });

  it('reads an empty day as closed and lets a range end at 24:00 or cross midnight', () => {
    expect(textToIntervals('  ')).toEqual({ intervals: [] });
    expect(textToIntervals('00:00-24:00')).toEqual({ intervals: [['00:00', '24:00']] });
    expect(textToIntervals('22:00-02:00')).toEqual({ intervals: [['22:00', '02:00']] });
  });

  it('names a range that is not one', () => {
    for (const text of ['7-22', '07:00', '25:00-26:00', '24:00-02:00', '10:00-10:00', '08:00-24:30']) {
      expect(textToIntervals(text)).toHaveProperty('error');
    }
  });

  it('gives back what intervalsToText wrote', () => {
    const intervals: [string, string][] = [
      ['06:30', '11:00'],
      ['12:00', '24:00'],
    ];
    expect(textToIntervals(intervalsToText(intervals))).toEqual({ intervals });
  });
});

describe('openingHoursFromText', () => {
  it('is null (open around the clock) when 24/7 is ticked, whatever the days say', () => {
    expect(openingHoursFromText(true, { ...closedWeek, mon: 'nonsense' })).toEqual({ openingHours: null });
  });

  it('sends every weekday, closed days as empty lists', () => {
    const result = openingHoursFromText(false, { ...closedWeek, mon: '07:00-22:00' });
    expect(result).toEqual({ openingHours: { mon: [['07:00', '22:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
  });

  it('collects the errors per weekday', () => {
    const result = openingHoursFromText(false, { ...closedWeek, tue: 'soon', sun: '9-5' });
    expect(Object.keys('errors' in result ? result.errors : {})).toEqual(['tue', 'sun']);
  });
});
