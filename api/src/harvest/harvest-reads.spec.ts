import { facilityIdsServed, readIdentity } from './harvest-reads.js';

const ID = '3f1c0a2e-8d7b-4c1e-9a55-0b6f2f1d4e77';

describe('readIdentity', () => {
  it('names a facility by its id, so its detail and its availability count once', () => {
    expect(readIdentity('facility', { route: '/api/facilities/:id', params: { id: ID } })).toBe(`facility:${ID}`);
    expect(readIdentity('facility', { route: '/api/facilities/:id/availability', params: { id: ID.toUpperCase() }, query: { start: 'a' } })).toBe(
      `facility:${ID}`,
    );
  });

  it('has nothing to count without an id', () => {
    expect(readIdentity('facility', { route: '/api/facilities/:id', params: {} })).toBeUndefined();
  });

  it('names a result page by its route and whole query, in any parameter order', () => {
    const a = readIdentity('marketplace-page', { route: '/api/proxy/marketplace', query: { city: 'Berlin', sort: 'price' } });
    const b = readIdentity('marketplace-page', { route: '/api/proxy/marketplace', query: { sort: 'price', city: 'Berlin' } });
    expect(a).toMatch(/^page:[0-9a-f]{24}$/);
    expect(b).toBe(a);
  });

  it('tells pages apart by cursor, query and route', () => {
    const first = readIdentity('marketplace-page', { route: '/api/proxy/marketplace', query: { city: 'Berlin' } });
    const second = readIdentity('marketplace-page', { route: '/api/proxy/marketplace', query: { city: 'Berlin', cursor: 'eyJvIjoyMH0' } });
    const otherCity = readIdentity('marketplace-page', { route: '/api/proxy/marketplace', query: { city: 'Hamburg' } });
    const list = readIdentity('marketplace-page', { route: '/api/proxy/facilities', query: { city: 'Berlin' } });
    expect(new Set([first, second, otherCity, list]).size).toBe(4);
  });

  it('keeps repeated parameters apart from a single one', () => {
    const once = readIdentity('marketplace-page', { route: '/r', query: { amenities: 'covered' } });
    const twice = readIdentity('marketplace-page', { route: '/r', query: { amenities: ['covered', 'valet'] } });
    expect(twice).not.toBe(once);
  });
});

describe('facilityIdsServed', () => {
  it("reads the facilities of a marketplace page, a catalogue page and a facility's alternatives", () => {
    expect(facilityIdsServed({ results: [{ facility: { id: ID } }, { facility: { id: 'B' } }], nextCursor: null })).toEqual([`facility:${ID}`, 'facility:b']);
    expect(facilityIdsServed({ results: [{ id: ID }], nextCursor: null })).toEqual([`facility:${ID}`]);
    expect(facilityIdsServed({ facilityId: 'W', alternatives: [{ facility: { id: ID } }], fidelity: 'full' })).toEqual([`facility:${ID}`]);
  });

  it('names a facility shown in a page as opening it does, so it counts once', () => {
    expect(facilityIdsServed({ results: [{ id: ID }] })).toEqual([readIdentity('facility', { route: '/api/facilities/:id', params: { id: ID } })]);
  });

  it('finds nothing in a body without results', () => {
    expect(facilityIdsServed(undefined)).toEqual([]);
    expect(facilityIdsServed({ statusCode: 400 })).toEqual([]);
  });
});
