import { describe, expect, it } from '@jest/globals';
import { filtersFromSearch, toBookingQuery } from './booking-filters';

describe('filtersFromSearch', () => {
  it('reads the filters from the address bar and drops values the API would refuse', () => {
    const filters = filtersFromSearch(new URLSearchParams('facilityId=f1&status=confirmed&from=2026-11-01&to=30.11.2026&q=%20B-AB%20&sort=start_asc'));
    expect(filters).toEqual({ facilityId: 'f1', status: 'confirmed', from: '2026-11-01', to: '', q: 'B-AB', sort: 'start_asc' });
    expect(filtersFromSearch(new URLSearchParams('status=lost')).status).toBe('');
    expect(filtersFromSearch(new URLSearchParams('sort=cheapest')).sort).toBe('');
  });
});

describe('toBookingQuery', () => {
  it('turns the first and last day into instants, the last day included', () => {
    const query = toBookingQuery({ facilityId: '', status: '', from: '2026-11-01', to: '2026-11-30', q: '', sort: '' }, 'Europe/Berlin');
    expect(query).toEqual({
      facilityId: undefined,
      status: undefined,
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
      q: undefined,
      sort: undefined,
    });
  });

  it('crosses a month and a year end for the last day', () => {
    expect(toBookingQuery({ facilityId: '', status: '', from: '', to: '2026-12-31', q: '', sort: '' }, 'UTC').to).toBe('2027-01-01T00:00:00.000Z');
  });

  it('passes the facility, status, search and order as they are', () => {
    expect(toBookingQuery({ facilityId: 'f1', status: 'cancelled', from: '', to: '', q: 'AB12', sort: 'start_desc' }, 'UTC')).toMatchObject({
      facilityId: 'f1',
      status: 'cancelled',
      q: 'AB12',
      sort: 'start_desc',
    });
  });
});
