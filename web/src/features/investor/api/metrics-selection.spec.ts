import { describe, expect, it } from '@jest/globals';
import {
  periodDays,
  presetRange,
  selectionFromSearch,
  selectionToQuery,
  selectionToSearch,
  shownPeriodQuery,
  type MetricsSelection,
} from './metrics-selection';

const now = new Date(2026, 11, 7, 4, 30); // 7 December 2026, local time

describe('selectionFromSearch', () => {
  it('starts with the last 30 days, today included, against the previous period, bucket size left to the API', () => {
    expect(selectionFromSearch(new URLSearchParams(), now)).toEqual({
      preset: '30d',
      from: '2026-11-08',
      to: '2026-12-07',
      comparison: 'previous_period',
      granularity: 'auto',
    });
  });

  it('reads a preset, a comparison and a granularity', () => {
    expect(selectionFromSearch(new URLSearchParams('period=12m&comparison=same_period_last_year&granularity=week'), now)).toEqual({
      preset: '12m',
      from: '2026-01-01',
      to: '2026-12-07',
      comparison: 'same_period_last_year',
      granularity: 'week',
    });
  });

  it('reads a custom period', () => {
    expect(selectionFromSearch(new URLSearchParams('period=custom&from=2025-03-01&to=2025-03-31'), now)).toMatchObject({
      preset: 'custom',
      from: '2025-03-01',
      to: '2025-03-31',
    });
  });

  it('falls back to the last 30 days for a custom period that is malformed, impossible or backwards', () => {
    for (const query of [
      'period=custom',
      'period=custom&from=2025-02-30&to=2025-03-31',
      'period=custom&from=2025-04-01&to=2025-03-01',
      'period=custom&from=x&to=y',
    ]) {
      expect(selectionFromSearch(new URLSearchParams(query), now)).toMatchObject({ preset: '30d', from: '2026-11-08', to: '2026-12-07' });
    }
  });

  it('ignores values it does not know', () => {
    expect(selectionFromSearch(new URLSearchParams('period=forever&comparison=yesterday&granularity=minute'), now)).toMatchObject({
      preset: '30d',
      comparison: 'previous_period',
      granularity: 'auto',
    });
  });

  it('round-trips through the address bar', () => {
    const selections: MetricsSelection[] = [
      { preset: 'custom', from: '2026-01-01', to: '2026-01-31', comparison: 'same_period_last_year', granularity: 'day' },
      { preset: 'ytd', from: '2026-01-01', to: '2026-12-07', comparison: 'previous_period', granularity: 'auto' },
    ];
    for (const selection of selections) expect(selectionFromSearch(selectionToSearch(selection), now)).toEqual(selection);
  });

  it('keeps a preset by name, so a saved link follows the calendar', () => {
    expect(selectionToSearch({ preset: '3m', from: '2026-10-01', to: '2026-12-07', comparison: 'previous_period', granularity: 'auto' }).toString()).toBe(
      'period=3m',
    );
  });
});

describe('presetRange', () => {
  it('takes whole months for month presets and 1 January for the year to date', () => {
    expect(presetRange('3m', now)).toEqual({ from: '2026-10-01', to: '2026-12-07' });
    expect(presetRange('12m', now)).toEqual({ from: '2026-01-01', to: '2026-12-07' });
    expect(presetRange('ytd', now)).toEqual({ from: '2026-01-01', to: '2026-12-07' });
  });

  it('crosses a year boundary', () => {
    expect(presetRange('3m', new Date(2027, 0, 15))).toEqual({ from: '2026-11-01', to: '2027-01-15' });
    expect(presetRange('30d', new Date(2027, 0, 15))).toEqual({ from: '2026-12-17', to: '2027-01-15' });
  });
});

describe('selectionToQuery', () => {
  it('sends a preset by name, for the API to work out on the platform’s calendar, and leaves auto granularity out', () => {
    expect(selectionToQuery({ preset: '30d', from: '2026-11-08', to: '2026-12-07', comparison: 'previous_period', granularity: 'auto' })).toEqual({
      preset: '30d',
      comparison: 'previous_period',
    });
    expect(selectionToQuery({ preset: '30d', from: '2026-11-08', to: '2026-12-07', comparison: 'previous_period', granularity: 'week' }).granularity).toBe(
      'week',
    );
  });

  it('sends a custom period by its days, both included', () => {
    expect(selectionToQuery({ preset: 'custom', from: '2026-03-01', to: '2026-03-31', comparison: 'same_period_last_year', granularity: 'auto' })).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      comparison: 'same_period_last_year',
    });
  });
});

describe('shownPeriodQuery', () => {
  it('asks a report for exactly the days the answer covered', () => {
    expect(
      shownPeriodQuery({
        preset: '30d',
        from: '2026-11-09',
        to: '2026-12-08',
        days: 30,
        comparison: 'previous_period',
        comparisonFrom: '2026-10-10',
        comparisonTo: '2026-11-08',
        granularity: 'day',
        reportingTimeZone: 'Europe/Berlin',
      }),
    ).toEqual({ from: '2026-11-09', to: '2026-12-08', comparison: 'previous_period', granularity: 'day' });
  });
});

describe('periodDays', () => {
  it('counts both ends, across a DST change', () => {
    expect(periodDays('2026-11-08', '2026-12-07')).toBe(30);
    expect(periodDays('2026-03-01', '2026-03-31')).toBe(31);
    expect(periodDays('2026-12-07', '2026-12-07')).toBe(1);
  });
});
