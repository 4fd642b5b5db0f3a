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

  it('sends a city search with the radius and the order the form shows, measured from the city centre', () => {
    expect(criteriaToSearch({ ...base, city: ' Berlin ' })).toEqual({ city: 'Berlin', radius: 5000, spaceType: 'standard', sort: 'distance' });
    expect(criteriaToSearch({ ...base, city: 'Zurich', radius: 2000, sort: 'price' })).toEqual({
      city: 'Zurich',
      radius: 2000,
      spaceType: 'standard',
      sort: 'price',
    });
  });

  it('keeps the radius of a city search in the address bar', () => {
    const criteria = criteriaFromParams(new URLSearchParams('city=Wien&radius=10000&sort=availability'));
    expect(criteria).toMatchObject({ city: 'Wien', radius: 10_000, sort: 'availability', point: null });
    expect(criteriaToParams(criteria).toString()).toBe('city=Wien&radius=10000&sort=availability');
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
