import { describe, expect, it } from '@jest/globals';
import type { AvailabilityTimelineHour, FacilityForecastBody, FacilityForecastHour } from '@aiparksit/shared';
import { chartHours, comparesInSpaces, expectedText } from './forecast-rows';

const hour = (start: string, localStart: string, perType: AvailabilityTimelineHour['perType'], open = true): AvailabilityTimelineHour => ({
  start,
  localStart,
  open,
  perType,
});

const forecastOf = (hours: FacilityForecastHour[], capacity: number | null = 12): FacilityForecastBody => ({
  fittedAt: '2027-03-28T03:30:00.000Z',
  capacity,
  likelyToFillUp: true,
  usuallyFullBy: '08:30 on weekdays',
  hours,
});

describe('chartHours', () => {
  const timeline = [
    hour('2027-03-29T06:00:00.000Z', '08:00', [
      { spaceType: 'standard', level: 'few', available: 2, capacity: 10 },
      { spaceType: 'ev', level: 'many', available: 2, capacity: 2 },
    ]),
    hour('2027-03-29T07:00:00.000Z', '09:00', [
      { spaceType: 'standard', level: 'none', available: 0, capacity: 10 },
      { spaceType: 'ev', level: 'few', available: 1, capacity: 2 },
    ]),
  ];

  it('counts booked spaces of the chosen type, as the forecast is, and matches forecast hours by their start', () => {
    const forecast = forecastOf([
      { start: '2027-03-29T07:00:00.000Z', localStart: '09:00', open: true, level: 'full', expectedOccupied: 11.6 },
      { start: '2027-03-29T06:00:00.000Z', localStart: '08:00', open: true, level: 'high', expectedOccupied: 9.2 },
    ]);
    const rows = chartHours(timeline, 'ev', forecast);
    expect(rows.map(({ localStart, free, booked, expected, expectedLevel }) => ({ localStart, free, booked, expected, expectedLevel }))).toEqual([
      { localStart: '08:00', free: { available: 2, level: 'many' }, booked: 0, expected: 9.2, expectedLevel: 'high' },
      { localStart: '09:00', free: { available: 1, level: 'few' }, booked: 1, expected: 11.6, expectedLevel: 'full' },
    ]);
    expect(comparesInSpaces(rows, forecast)).toBe(true);
    expect(expectedText(rows[0]!)).toBe('9.2 expected');
  });

  it('keeps levels only at coarse fidelity: no booked count, and the forecast as a level', () => {
    const coarse = timeline.map((h) => ({ ...h, perType: h.perType.map((p) => ({ ...p, available: null, capacity: null })) }));
    const forecast = forecastOf([{ start: '2027-03-29T06:00:00.000Z', localStart: '08:00', open: true, level: 'high', expectedOccupied: null }], null);
    const rows = chartHours(coarse, 'standard', forecast);
    expect(rows[0]).toMatchObject({ free: { available: null, level: 'few' }, booked: null, expected: null, expectedLevel: 'high' });
    // An hour the forecast does not cover says nothing.
    expect(rows[1]).toMatchObject({ expected: null, expectedLevel: null });
    expect(comparesInSpaces(rows, forecast)).toBe(false);
    expect(expectedText(rows[0]!)).toBe('Busy expected');
    expect(expectedText(rows[1]!)).toBeNull();
  });

  it('marks a type the car park lacks as absent, and compares nothing without a forecast', () => {
    const rows = chartHours(timeline, 'motorcycle', null);
    expect(rows.every((row) => row.free === null && row.booked === null && row.expected === null && row.expectedLevel === null)).toBe(true);
    expect(comparesInSpaces(rows, null)).toBe(false);
  });
});
