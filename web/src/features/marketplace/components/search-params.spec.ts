import { describe, expect, it } from '@jest/globals';
import { criteriaFromParams, criteriaToParams, criteriaToSearch } from './search-params';

describe('marketplace search in the address bar', () => {
  it('round-trips a point search with a window and filters', () => {
    const params = new URLSearchParams(
      'lat=52.52000&lng=13.40500&radius=2000&start=2026-12-01T09:00:00.000Z&end=2026-12-01T11:00:00.000Z&type=ev&amenities=covered,cctv&maxPrice=1500&sort=price',
    );
    const criteria = criteriaFromParams(params);
    expect(criteria).toEqual({
      city: '',
      point: { lat: 52.52, lng: 13.405 },
      radius: 2000,
      start: '2026-12-01T09:00:00.000Z',
      end: '2026-12-01T11:00:00.000Z',
      spaceType: 'ev',
      amenities: ['covered', 'cctv'],
      maxPriceCents: 1500,
      sort: 'price',
    });
    expect(criteriaFromParams(criteriaToParams(criteria))).toEqual(criteria);
  });

  it('ignores values it does not know instead of sending them on', () => {
    const criteria = criteriaFromParams(new URLSearchParams('city=Berlin&type=spaceship&amenities=pool,covered&sort=random&maxPrice=cheap'));
    expect(criteria).toMatchObject({ city: 'Berlin', spaceType: 'standard', amenities: ['covered'], sort: 'distance', maxPriceCents: null });
  });
});

describe('criteriaToSearch', () => {
  const base = criteriaFromParams(new URLSearchParams());

  it('waits until the person says where', () => {
    expect(criteriaToSearch(base)).toBeNull();
  });

  it('searches a city by price, as there is no point to measure distance from', () => {
    expect(criteriaToSearch({ ...base, city: ' Berlin ' })).toEqual({ city: 'Berlin', spaceType: 'standard', sort: 'price' });
  });

  it('searches around a point with the window, amenities and price cap', () => {
    expect(criteriaToSearch({ ...base, point: { lat: 1, lng: 2 }, start: 'a', end: 'b', amenities: ['covered', 'valet'], maxPriceCents: 900 })).toEqual({
      lat: 1,
      lng: 2,
      radius: 5000,
      start: 'a',
      end: 'b',
      spaceType: 'standard',
      amenities: 'covered,valet',
      maxPriceCents: 900,
      sort: 'distance',
    });
  });
});
