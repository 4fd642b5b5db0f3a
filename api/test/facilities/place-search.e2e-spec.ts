import type pg from 'pg';
import request from 'supertest';
import { AMENITIES } from '@aiparksit/shared';
import { searchKey } from '../../src/facilities/search-key.js';
import { apiUrl } from '../support/api-url.js';
import { postBooking } from '../support/booking-helpers.js';
import { testPool, unique } from '../support/db.js';
import { bearer, signedInUser } from '../support/factories.js';
import type { AuthTokens, FacilityListPage, MarketplacePage, SuggestionList } from '@aiparksit/shared';
import { createFacility, createOperator, type TestFacility } from '../support/facility-factories.js';
import { north, somewhere, uniqueCity } from './places.js';

let pool: pg.Pool;
let driverToken: string;
let driverTokens: AuthTokens;
beforeAll(async () => {
  pool = testPool();
  driverTokens = (await signedInUser(pool, apiUrl())).tokens;
  driverToken = bearer(driverTokens);
});
afterAll(async () => {
  await pool.end();
});

function search(query: Record<string, string | number>, authorization: string | null = driverToken) {
  const req = request(apiUrl()).get('/api/proxy/marketplace').query(query);
  return authorization ? req.set('authorization', authorization) : req;
}

function suggest(query: Record<string, string | number>) {
  return request(apiUrl()).get('/api/proxy/suggestions').query(query);
}

const ids = (page: MarketplacePage) => page.results.map((r) => r.facility.id);

/** The centres the migration stores; tests place facilities relative to them. */
const CENTRE = {
  zurich: { lat: 47.3717, lng: 8.5423 },
  munich: { lat: 48.1374, lng: 11.5755 },
  vienna: { lat: 48.2085, lng: 16.3731 },
  cologne: { lat: 50.9413, lng: 6.9583 },
  prague: { lat: 50.0875, lng: 14.4213 },
  warsaw: { lat: 52.2297, lng: 21.0122 },
};

/** An invented word no other facility has, so a test's suggestions are its own. */
const word = () =>
  `Q${unique('x')
    .replace(/[^a-z0-9]/gi, '')
    .slice(-8)}wald`;

describe('search_key: the database and the API agree on what a typed name means', () => {
  it.each([
    ['Zürich'],
    ['ZURICH'],
    ['München'],
    ['Karl-Liebknecht-Straße 12'],
    ['København'],
    ['St. Pauli'],
    ['Łódź'],
    ['  Wien  '],
    ['Bécs'],
    ['P+R Messestadt'],
  ])('keys %j the same way in SQL and in TypeScript', async (name) => {
    const { rows } = await pool.query<{ key: string }>('SELECT search_key($1) AS key', [name]);
    expect(rows[0]!.key).toBe(searchKey(name));
  });
});

describe('GET /api/proxy/marketplace — a city by any of its names', () => {
  it.each([
    ['Zurich', 'zurich'],
    ['zürich', 'zurich'],
    ['Zürich', 'zurich'],
    ['ZURICH', 'zurich'],
    ['Zuerich', 'zurich'],
    ['München', 'munich'],
    ['Munich', 'munich'],
    ['muenchen', 'munich'],
    ['Wien', 'vienna'],
    ['Vienna', 'vienna'],
    ['Köln', 'cologne'],
    ['koln', 'cologne'],
    ['Cologne', 'cologne'],
    ['Praha', 'prague'],
    ['Prague', 'prague'],
    ['  warszawa ', 'warsaw'],
  ])('resolves %j to the place %s, centred on its centre', async (typed, placeId) => {
    const res = await search({ city: typed, limit: 1 }, null).expect(200);
    const body = res.body as MarketplacePage;
    expect(body.place).toEqual({ id: placeId, name: expect.any(String), countryCode: expect.any(String), centre: CENTRE[placeId as keyof typeof CENTRE] });
  });

  it('finds the same car park for "Zurich", "zürich" and "Zürich"', async () => {
    const operator = await createOperator(pool);
    const facility = await createFacility(pool, operator, { city: 'Zürich', ...north(CENTRE.zurich, 700), timeZone: 'Europe/Zurich', currency: 'CHF' });
    for (const typed of ['Zurich', 'zürich', 'Zürich']) {
      const body = (await search({ city: typed, radius: 1000, limit: 50 }).expect(200)).body as MarketplacePage;
      expect(ids(body)).toContain(facility.id);
      const found = body.results.find((r) => r.facility.id === facility.id)!;
      expect(found.distanceMeters).toBeGreaterThan(680);
      expect(found.distanceMeters).toBeLessThan(720);
    }
  });

  it('searches near the city centre with the radius given, whatever the facility calls its city', async () => {
    const operator = await createOperator(pool);
    const inside = await createFacility(pool, operator, { city: 'Praha', ...north(CENTRE.prague, 1_200) });
    const outside = await createFacility(pool, operator, { city: 'Prague', ...north(CENTRE.prague, 2_600) });
    const narrow = (await search({ city: 'Prague', radius: 2000, limit: 50 }).expect(200)).body as MarketplacePage;
    expect(ids(narrow)).toContain(inside.id);
    expect(ids(narrow)).not.toContain(outside.id);
    const wide = (await search({ city: 'praha', radius: 3000, limit: 50 }).expect(200)).body as MarketplacePage;
    expect(ids(wide)).toEqual(expect.arrayContaining([inside.id, outside.id]));
  });

  it('sorts a city search nearest the centre first by default, and cheapest first only when asked', async () => {
    const operator = await createOperator(pool);
    const near = await createFacility(pool, operator, { city: 'Köln', ...north(CENTRE.cologne, 200), hourlyCents: { standard: 900 } });
    const middle = await createFacility(pool, operator, { city: 'Köln', ...north(CENTRE.cologne, 500), hourlyCents: { standard: 500 } });
    const far = await createFacility(pool, operator, { city: 'Köln', ...north(CENTRE.cologne, 800), hourlyCents: { standard: 100 } });
    const mine = new Set([near.id, middle.id, far.id]);
    const only = (body: MarketplacePage) => ids(body).filter((id) => mine.has(id));

    const byDefault = (await search({ city: 'Cologne', radius: 1000, limit: 50 }).expect(200)).body as MarketplacePage;
    expect(only(byDefault)).toEqual([near.id, middle.id, far.id]);
    const distances = byDefault.results.map((r) => r.distanceMeters!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));

    const nearest = (await search({ city: 'koeln', radius: 1000, sort: 'distance', limit: 50 }).expect(200)).body as MarketplacePage;
    expect(only(nearest)).toEqual([near.id, middle.id, far.id]);
    const cheapest = (await search({ city: 'Köln', radius: 1000, sort: 'price', limit: 50 }).expect(200)).body as MarketplacePage;
    expect(only(cheapest)).toEqual([far.id, middle.id, near.id]);
  });

  it('pages a city search by distance without overlap', async () => {
    const operator = await createOperator(pool);
    const made: TestFacility[] = [];
    for (let i = 1; i <= 3; i++) made.push(await createFacility(pool, operator, { city: 'Warsaw', ...north(CENTRE.warsaw, 100 * i) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body = (await search({ city: 'Warszawa', radius: 350, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200)).body as MarketplacePage;
      seen.push(...ids(body));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => made.some((f) => f.id === id))).toEqual(made.map((f) => f.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('finds a city no place knows by its facilities, accents and case ignored, distances from their middle', async () => {
    const city = `${uniqueCity()} Übersee`;
    const here = somewhere();
    const operator = await createOperator(pool);
    const a = await createFacility(pool, operator, { city, ...here });
    const b = await createFacility(pool, operator, { city, ...north(here, 2_000) });
    const body = (await search({ city: city.toLowerCase().replace('ü', 'u') }).expect(200)).body as MarketplacePage;
    expect(ids(body).sort()).toEqual([a.id, b.id].sort());
    expect(body.place).toBeUndefined();
    for (const result of body.results) expect(Math.abs(result.distanceMeters! - 1_000)).toBeLessThan(20);
  });

  it('answers an unknown city with no facilities with an empty page', async () => {
    const body = (await search({ city: uniqueCity() }).expect(200)).body as MarketplacePage;
    expect(body).toMatchObject({ results: [], nextCursor: null });
  });

  it('lists the catalogue of a city under any of its names', async () => {
    const operator = await createOperator(pool);
    const german = await createFacility(pool, operator, { city: 'München', ...north(CENTRE.munich, 300) });
    const english = await createFacility(pool, operator, { city: 'Munich', ...north(CENTRE.munich, 400) });
    for (const typed of ['Muenchen', 'munich', 'MÜNCHEN']) {
      const body = (await request(apiUrl()).get('/api/proxy/facilities').query({ city: typed, limit: 50 }).set('authorization', driverToken).expect(200))
        .body as FacilityListPage;
      expect(body.results.map((f) => f.id)).toEqual(expect.arrayContaining([german.id, english.id]));
    }
  });
});

describe('GET /api/proxy/suggestions', () => {
  it('suggests a city by any of its names, anonymously, with what a search needs', async () => {
    const res = await suggest({ q: 'zür' }).expect(200);
    const body = res.body as SuggestionList;
    expect(body.q).toBe('zür');
    expect(body.suggestions[0]).toEqual({
      kind: 'city',
      id: 'city:zurich',
      label: 'Zürich',
      secondary: 'Switzerland',
      location: CENTRE.zurich,
      placeId: 'zurich',
      city: 'Zürich',
      countryCode: 'CH',
      matchedName: null,
    });
    const munich = ((await suggest({ q: 'Munch' }).expect(200)).body as SuggestionList).suggestions[0];
    expect(munich).toMatchObject({ kind: 'city', label: 'Munich', city: 'Munich', matchedName: 'München', secondary: 'München · Germany' });
    const vienna = ((await suggest({ q: 'wie' }).expect(200)).body as SuggestionList).suggestions[0];
    expect(vienna).toMatchObject({ kind: 'city', city: 'Vienna', matchedName: 'Wien' });
  });

  it('offers a city whose name resembles the text when nothing contains it', async () => {
    const zurik = (await suggest({ q: 'Zurik' }).expect(200)).body as SuggestionList;
    expect(zurik.suggestions.map((s) => s.id)).toEqual(['city:zurich']);
    const munchn = (await suggest({ q: 'munchn' }).expect(200)).body as SuggestionList;
    expect(munchn.suggestions[0]).toMatchObject({ id: 'city:munich', matchedName: 'München' });
    expect(((await suggest({ q: 'xqzvw' }).expect(200)).body as SuggestionList).suggestions).toEqual([]);
  });

  it('suggests cities first, then car parks by name, then by address; starting matches before inner ones', async () => {
    const token = word();
    const operator = await createOperator(pool);
    const here = somewhere();
    const inner = await createFacility(pool, operator, { name: `Parkhaus Ober${token.toLowerCase()}`, city: 'Zürich', ...here });
    const starting = await createFacility(pool, operator, { name: `${token} Garage`, city: 'Zürich', ...north(here, 100) });
    const street = await createFacility(pool, operator, { name: 'Parkplatz Nord', addressLine: `${token}straße 12`, city: 'Zürich', ...north(here, 200) });

    const body = (await suggest({ q: token.toUpperCase() }).expect(200)).body as SuggestionList;
    expect(body.suggestions.map((s) => [s.kind, s.id])).toEqual([
      ['facility', `facility:${starting.id}`],
      ['facility', `facility:${inner.id}`],
      ['address', `address:${street.id}`],
    ]);
    expect(body.suggestions[0]).toEqual({
      kind: 'facility',
      id: `facility:${starting.id}`,
      label: `${token} Garage`,
      secondary: '1 Test Street, Zürich',
      location: north(here, 100),
      facilityId: starting.id,
      slug: expect.any(String),
      city: 'Zürich',
    });
    expect(body.suggestions[2]).toMatchObject({
      label: `${token}straße 12`,
      secondary: 'Parkplatz Nord, Zürich',
      location: north(here, 200),
      facilityId: street.id,
    });
  });

  it('matches addresses as typed without accents or punctuation', async () => {
    const token = word();
    const operator = await createOperator(pool);
    const facility = await createFacility(pool, operator, { addressLine: `Große ${token}-Straße 7`, city: 'Wien', ...somewhere() });
    const body = (await suggest({ q: `grosse ${token.toLowerCase()} strasse` }).expect(200)).body as SuggestionList;
    expect(body.suggestions.map((s) => s.id)).toEqual([`address:${facility.id}`]);
  });

  it('never suggests unpublished car parks, canaries, or those of operators not approved', async () => {
    const token = word();
    await createFacility(pool, await createOperator(pool), { name: `${token} Hidden`, published: false });
    await createFacility(pool, await createOperator(pool), { name: `${token} Canary`, isCanary: true });
    await createFacility(pool, await createOperator(pool, { status: 'submitted' }), { name: `${token} Pending` });
    const body = (await suggest({ q: token }).expect(200)).body as SuggestionList;
    expect(body.suggestions).toEqual([]);
  });

  it('finds a street address within one city (by any of its names) when many cities have it', async () => {
    const token = word();
    const street = `${token}weg 1`;
    const operator = await createOperator(pool);
    // More cities with this address than a page of suggestions holds; the one asked for is the last made.
    for (let i = 0; i < 11; i++) await createFacility(pool, operator, { addressLine: street, city: uniqueCity(), ...somewhere() });
    const inMunich = await createFacility(pool, operator, { addressLine: street, city: 'München', ...somewhere() });

    const anywhere = (await suggest({ q: street, limit: 10 }).expect(200)).body as SuggestionList;
    expect(anywhere.suggestions).toHaveLength(10);
    for (const city of ['Munich', 'münchen', 'München']) {
      const body = (await suggest({ q: street, city }).expect(200)).body as SuggestionList;
      expect(body.suggestions.map((s) => s.id)).toEqual([`address:${inMunich.id}`]);
    }
    // No cities are suggested within a city, and a city nobody lists gives nothing.
    expect(((await suggest({ q: 'Wien', city: 'Munich' }).expect(200)).body as SuggestionList).suggestions).toEqual([]);
    expect(((await suggest({ q: street, city: uniqueCity() }).expect(200)).body as SuggestionList).suggestions).toEqual([]);
    expect((await suggest({ q: street, city: '' }).expect(400)).body.details.fields).toEqual([expect.objectContaining({ field: 'city', code: 'required' })]);
  });

  it('returns at most limit suggestions (8 by default)', async () => {
    const token = word();
    const operator = await createOperator(pool);
    for (let i = 0; i < 10; i++) await createFacility(pool, operator, { name: `${token} ${i}`, ...somewhere() });
    expect(((await suggest({ q: token }).expect(200)).body as SuggestionList).suggestions).toHaveLength(8);
    expect(((await suggest({ q: token, limit: 3 }).expect(200)).body as SuggestionList).suggestions.map((s) => s.label)).toEqual([
      `${token} 0`,
      `${token} 1`,
      `${token} 2`,
    ]);
  });

  it.each([
    [{}, 'q'],
    [{ q: 'z' }, 'q'],
    [{ q: '-- ' }, 'q'],
    [{ q: 'x'.repeat(101) }, 'q'],
    [{ q: 'zur', limit: 0 }, 'limit'],
    [{ q: 'zur', limit: 11 }, 'limit'],
  ])('answers %j with 400 naming %s', async (query, field) => {
    const res = await suggest(query).expect(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual([field]);
  });
});

describe('one amenity vocabulary', () => {
  it('filters by every amenity of the vocabulary', async () => {
    const city = uniqueCity();
    const operator = await createOperator(pool);
    const here = somewhere();
    const byAmenity = new Map<string, string>();
    for (const [i, amenity] of AMENITIES.entries()) {
      byAmenity.set(amenity, (await createFacility(pool, operator, { city, amenities: [amenity], ...north(here, 50 * i) })).id);
    }
    for (const amenity of AMENITIES) {
      const body = (await search({ city, amenities: amenity }).expect(200)).body as MarketplacePage;
      expect([amenity, ids(body)]).toEqual([amenity, [byAmenity.get(amenity)]]);
      expect(body.results[0]!.facility.amenities).toEqual([amenity]);
    }
  });

  it('refuses the old names in a filter', async () => {
    for (const old of ['restrooms', 'bike_parking', 'security']) await search({ city: uniqueCity(), amenities: old }).expect(400);
  });

  it('keeps words outside the vocabulary out of the database', async () => {
    const operator = await createOperator(pool);
    await expect(createFacility(pool, operator, { amenities: ['restrooms' as never] })).rejects.toMatchObject({ code: '23514' });
  });
});

describe('a window in the past', () => {
  const MINUTE = 60_000;
  const windowFrom = (startMinutesFromNow: number) => ({
    start: new Date(Date.now() + startMinutesFromNow * MINUTE).toISOString(),
    end: new Date(Date.now() + (startMinutesFromNow + 120) * MINUTE).toISOString(),
  });
  const IN_THE_PAST = { code: 'invalid_window', fields: [{ field: 'start', code: 'in_the_past', message: expect.any(String) }] };

  it('cannot be searched: 400 with the field code in_the_past; a start a minute ago is now', async () => {
    const operator = await createOperator(pool);
    const here = somewhere();
    const facility = await createFacility(pool, operator, here);
    const refused = await search({ ...here, ...windowFrom(-10) }, null).expect(400);
    expect(refused.body.details).toEqual(IN_THE_PAST);
    const now = (await search({ ...here, ...windowFrom(-1) }, null).expect(200)).body as MarketplacePage;
    expect(ids(now)).toEqual([facility.id]);
  });

  it("cannot be asked of a facility's availability", async () => {
    const operator = await createOperator(pool);
    const facility = await createFacility(pool, operator, somewhere());
    const availability = (window: { start: string; end: string }) => request(apiUrl()).get(`/api/facilities/${facility.id}/availability`).query(window);
    expect((await availability(windowFrom(-60)).expect(400)).body.details).toEqual(IN_THE_PAST);
    await availability(windowFrom(-1)).expect(200);
  });

  it('cannot be booked: the booking names the start field with in_the_past', async () => {
    const operator = await createOperator(pool);
    const facility = await createFacility(pool, operator, somewhere());
    const res = await postBooking(apiUrl(), driverTokens, { facilityId: facility.id, ...windowFrom(-120), spaceType: 'standard', vehiclePlate: 'B-AB 123' });
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject({ code: 'start_in_past', fields: [{ field: 'start', code: 'in_the_past' }] });
  });
});
