import { describe, expect, it } from '@jest/globals';
import { dateInZone, presetDays } from './metrics.js';

describe('presetDays', () => {
  it('ends every preset today, with whole months for the month presets and 1 January for the year to date', () => {
    expect(presetDays('30d', '2026-12-07')).toEqual({ from: '2026-11-08', to: '2026-12-07' });
    expect(presetDays('3m', '2026-12-07')).toEqual({ from: '2026-10-01', to: '2026-12-07' });
    expect(presetDays('12m', '2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-12-07' });
    expect(presetDays('ytd', '2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-12-07' });
  });

  it('crosses year boundaries and leap days', () => {
    expect(presetDays('30d', '2027-01-15')).toEqual({ from: '2026-12-17', to: '2027-01-15' });
    expect(presetDays('3m', '2027-01-15')).toEqual({ from: '2026-11-01', to: '2027-01-15' });
    expect(presetDays('12m', '2027-01-01')).toEqual({ from: '2026-02-01', to: '2027-01-01' });
    expect(presetDays('30d', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-03-01' });
    expect(presetDays('30d', '2027-03-01')).toEqual({ from: '2027-01-31', to: '2027-03-01' });
    expect(presetDays('ytd', '2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });
});

describe('dateInZone', () => {
  it('is the date of that zone’s clock, a day apart from UTC around midnight', () => {
    const lateEvening = new Date('2026-12-07T23:30:00Z');
    expect(dateInZone('UTC', lateEvening)).toBe('2026-12-07');
    expect(dateInZone('Europe/Berlin', lateEvening)).toBe('2026-12-08');
    expect(dateInZone('America/Los_Angeles', new Date('2026-12-08T03:00:00Z'))).toBe('2026-12-07');
  });
});
