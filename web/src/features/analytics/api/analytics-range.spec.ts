import { describe, expect, it } from '@jest/globals';
import { selectionFromSearch, selectionToQuery, selectionToSearch } from './analytics-range';

const now = new Date(2026, 10, 26, 15, 30); // 26 November 2026, local time

describe('selectionFromSearch', () => {
  it('starts with the last 30 days by day for the whole portfolio', () => {
    expect(selectionFromSearch(new URLSearchParams(), now)).toMatchObject({ facilityId: '', preset: '30d', granularity: 'day' });
  });

  it('gives 12 months a monthly series unless another granularity is asked for', () => {
    expect(selectionFromSearch(new URLSearchParams('range=12m'), now).granularity).toBe('month');
    expect(selectionFromSearch(new URLSearchParams('range=12m&granularity=week'), now).granularity).toBe('week');
  });

  it('ignores values it does not know', () => {
    expect(selectionFromSearch(new URLSearchParams('range=forever&granularity=minute&from=yesterday'), now)).toMatchObject({
      preset: '30d',
      granularity: 'day',
      from: '2026-10-28',
    });
  });

  it('round-trips through the address bar', () => {
    const selection = { facilityId: 'f1', preset: 'custom' as const, from: '2026-01-01', to: '2026-01-31', granularity: 'week' as const };
    expect(selectionFromSearch(selectionToSearch(selection), now)).toEqual(selection);
  });
});

describe('selectionToQuery', () => {
  it('asks for the last 30 days by name: the API ends them on each car park’s own today', () => {
    expect(selectionToQuery(selectionFromSearch(new URLSearchParams(), now))).toEqual({
      facilityId: undefined,
      preset: '30d',
      granularity: 'day',
    });
  });

  it('asks for twelve whole months by name, this one included', () => {
    expect(selectionToQuery(selectionFromSearch(new URLSearchParams('range=12m&facilityId=f1'), now))).toEqual({
      facilityId: 'f1',
      preset: '12m',
      granularity: 'month',
    });
  });

  it('includes the last day of a custom range (to is exclusive for the API)', () => {
    const query = selectionToQuery({ facilityId: '', preset: 'custom', from: '2026-02-01', to: '2026-02-28', granularity: 'day' });
    expect(query).toEqual({ facilityId: undefined, from: '2026-02-01', to: '2026-03-01', granularity: 'day' });
  });
});
