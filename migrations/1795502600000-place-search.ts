import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that finds what people type, and one amenity vocabulary.
 *
 * - `search_key(text)`: the form of a name that search compares — lower case, accents removed
 *   (`unaccent`, which also turns ß into ss), runs of punctuation and spaces made one space. So
 *   "Zürich", "ZURICH" and "zurich" are one key, as are "Karl-Liebknecht-Straße" and "karl liebknecht
 *   strasse". IMMUTABLE (with the dictionary named, not looked up by search_path) so that indexes
 *   can be built over it; the same function keys the typed text, so both sides always agree.
 * - `places` and `place_names`: the cities a search can be centred on, each with its centre and its
 *   names in several languages ("München", "Munich", "Monaco di Baviera"…), including the
 *   transliterations people type without umlauts ("Muenchen"). Every city of the seed and the demo
 *   data, and the large cities near them people look up by another name (Köln, Praha…).
 * - The keys are stored, generated columns (`place_names.name_key`, `facilities.name_key`,
 *   `address_key`, `city_key`): search_key() is a SQL function PostgreSQL does not inline (unaccent
 *   is only STABLE), ~10 µs a call, and a two-letter search of the large data set matches
 *   thousands of names, each rechecked and ranked — 0.1–0.7 s with the function, a few ms with
 *   the column. Trigram GIN indexes over the name and address keys of listed facilities and over
 *   place names serve the suggestions (`%piece%` cannot use a btree); a btree over the city key
 *   serves the city-name fallback and the catalogue's city filter (replacing the lower(city) index).
 * - `facilities.amenities`: the older names the app used are rewritten to the ones the data uses
 *   (`restrooms` → `toilets`, `bike_parking` → `bicycle_parking`, `security` → `staffed`),
 *   duplicates dropped, words of no vocabulary dropped, and a CHECK keeps it to the one list.
 */

interface PlaceSeed {
  id: string;
  name: string;
  countryCode: string;
  timeZone: string;
  latitude: number;
  longitude: number;
  /** Other names, each with the language (BCP 47) that uses it; the canonical name is added as well. */
  names: [name: string, language: string][];
}

const PLACES: PlaceSeed[] = [
  {
    id: 'berlin',
    name: 'Berlin',
    countryCode: 'DE',
    timeZone: 'Europe/Berlin',
    latitude: 52.52,
    longitude: 13.405,
    names: [
      ['Berlino', 'it'],
      ['Berlín', 'es'],
      ['Berlijn', 'nl'],
    ],
  },
  {
    id: 'munich',
    name: 'Munich',
    countryCode: 'DE',
    timeZone: 'Europe/Berlin',
    latitude: 48.1374,
    longitude: 11.5755,
    names: [
      ['München', 'de'],
      ['Muenchen', 'de'],
      ['Monaco di Baviera', 'it'],
      ['Múnich', 'es'],
      ['Munique', 'pt'],
      ['Monachium', 'pl'],
      ['Mnichov', 'cs'],
    ],
  },
  {
    id: 'hamburg',
    name: 'Hamburg',
    countryCode: 'DE',
    timeZone: 'Europe/Berlin',
    latitude: 53.5503,
    longitude: 9.992,
    names: [
      ['Hambourg', 'fr'],
      ['Amburgo', 'it'],
      ['Hamburgo', 'es'],
    ],
  },
  { id: 'amsterdam', name: 'Amsterdam', countryCode: 'NL', timeZone: 'Europe/Amsterdam', latitude: 52.3731, longitude: 4.8926, names: [['Ámsterdam', 'es']] },
  {
    id: 'vienna',
    name: 'Vienna',
    countryCode: 'AT',
    timeZone: 'Europe/Vienna',
    latitude: 48.2085,
    longitude: 16.3731,
    names: [
      ['Wien', 'de'],
      ['Vienne', 'fr'],
      ['Viena', 'es'],
      ['Wenen', 'nl'],
      ['Wiedeń', 'pl'],
      ['Vídeň', 'cs'],
      ['Bécs', 'hu'],
    ],
  },
  {
    id: 'zurich',
    name: 'Zürich',
    countryCode: 'CH',
    timeZone: 'Europe/Zurich',
    latitude: 47.3717,
    longitude: 8.5423,
    names: [
      ['Zurich', 'en'],
      ['Zuerich', 'de'],
      ['Zurigo', 'it'],
      ['Zúrich', 'es'],
    ],
  },
  {
    id: 'copenhagen',
    name: 'Copenhagen',
    countryCode: 'DK',
    timeZone: 'Europe/Copenhagen',
    latitude: 55.6761,
    longitude: 12.5683,
    names: [
      ['København', 'da'],
      ['Koebenhavn', 'da'],
      ['Kopenhagen', 'de'],
      ['Copenhague', 'fr'],
      ['Copenaghen', 'it'],
    ],
  },
  {
    id: 'london',
    name: 'London',
    countryCode: 'GB',
    timeZone: 'Europe/London',
    latitude: 51.5074,
    longitude: -0.1278,
    names: [
      ['Londres', 'fr'],
      ['Londra', 'it'],
      ['Londen', 'nl'],
      ['Londyn', 'pl'],
    ],
  },
  { id: 'manchester', name: 'Manchester', countryCode: 'GB', timeZone: 'Europe/London', latitude: 53.4808, longitude: -2.2426, names: [['Mánchester', 'es']] },
  {
    id: 'cologne',
    name: 'Cologne',
    countryCode: 'DE',
    timeZone: 'Europe/Berlin',
    latitude: 50.9413,
    longitude: 6.9583,
    names: [
      ['Köln', 'de'],
      ['Koeln', 'de'],
      ['Colonia', 'it'],
      ['Keulen', 'nl'],
    ],
  },
  {
    id: 'frankfurt',
    name: 'Frankfurt',
    countryCode: 'DE',
    timeZone: 'Europe/Berlin',
    latitude: 50.1106,
    longitude: 8.6821,
    names: [
      ['Frankfurt am Main', 'de'],
      ['Francfort', 'fr'],
      ['Francoforte', 'it'],
      ['Fráncfort', 'es'],
    ],
  },
  {
    id: 'dusseldorf',
    name: 'Düsseldorf',
    countryCode: 'DE',
    timeZone: 'Europe/Berlin',
    latitude: 51.2277,
    longitude: 6.7735,
    names: [
      ['Duesseldorf', 'de'],
      ['Dusseldorf', 'en'],
    ],
  },
  { id: 'stuttgart', name: 'Stuttgart', countryCode: 'DE', timeZone: 'Europe/Berlin', latitude: 48.7758, longitude: 9.1829, names: [['Stoccarda', 'it']] },
  {
    id: 'prague',
    name: 'Prague',
    countryCode: 'CZ',
    timeZone: 'Europe/Prague',
    latitude: 50.0875,
    longitude: 14.4213,
    names: [
      ['Praha', 'cs'],
      ['Prag', 'de'],
      ['Praga', 'it'],
      ['Praag', 'nl'],
    ],
  },
  {
    id: 'geneva',
    name: 'Geneva',
    countryCode: 'CH',
    timeZone: 'Europe/Zurich',
    latitude: 46.2044,
    longitude: 6.1432,
    names: [
      ['Genève', 'fr'],
      ['Genf', 'de'],
      ['Ginevra', 'it'],
      ['Ginebra', 'es'],
    ],
  },
  {
    id: 'basel',
    name: 'Basel',
    countryCode: 'CH',
    timeZone: 'Europe/Zurich',
    latitude: 47.5596,
    longitude: 7.5886,
    names: [
      ['Bâle', 'fr'],
      ['Basilea', 'it'],
    ],
  },
  {
    id: 'brussels',
    name: 'Brussels',
    countryCode: 'BE',
    timeZone: 'Europe/Brussels',
    latitude: 50.8467,
    longitude: 4.3525,
    names: [
      ['Bruxelles', 'fr'],
      ['Brussel', 'nl'],
      ['Brüssel', 'de'],
      ['Bruselas', 'es'],
    ],
  },
  {
    id: 'paris',
    name: 'Paris',
    countryCode: 'FR',
    timeZone: 'Europe/Paris',
    latitude: 48.8566,
    longitude: 2.3522,
    names: [
      ['Parigi', 'it'],
      ['París', 'es'],
    ],
  },
  {
    id: 'milan',
    name: 'Milan',
    countryCode: 'IT',
    timeZone: 'Europe/Rome',
    latitude: 45.4642,
    longitude: 9.19,
    names: [
      ['Milano', 'it'],
      ['Mailand', 'de'],
      ['Milán', 'es'],
    ],
  },
  {
    id: 'rome',
    name: 'Rome',
    countryCode: 'IT',
    timeZone: 'Europe/Rome',
    latitude: 41.9028,
    longitude: 12.4964,
    names: [
      ['Roma', 'it'],
      ['Rom', 'de'],
    ],
  },
  {
    id: 'warsaw',
    name: 'Warsaw',
    countryCode: 'PL',
    timeZone: 'Europe/Warsaw',
    latitude: 52.2297,
    longitude: 21.0122,
    names: [
      ['Warszawa', 'pl'],
      ['Warschau', 'de'],
      ['Varsovie', 'fr'],
      ['Varsavia', 'it'],
    ],
  },
];

/** The one vocabulary (shared/src/facilities.ts AMENITIES), as of this migration. */
const AMENITIES = [
  'covered',
  'ev_charging',
  'accessible',
  'cctv',
  'staffed',
  'lighting',
  'lift',
  'toilets',
  'car_wash',
  'bicycle_parking',
  'contactless_entry',
  'public_transport',
  'valet',
];
const RENAMED: Record<string, string> = { restrooms: 'toilets', bike_parking: 'bicycle_parking', security: 'staffed' };

export class PlaceSearch1795502600000 implements MigrationInterface {
  name = 'PlaceSearch1795502600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE FUNCTION search_key(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[[:punct:][:space:]]+', ' ', 'g'))`);

    await q.query(`
      CREATE TABLE places (
        id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
        name          text NOT NULL,
        country_code  char(2) NOT NULL,
        time_zone     text NOT NULL,
        latitude      double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude     double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180)
      )`);
    await q.query(`
      CREATE TABLE place_names (
        place_id  text NOT NULL REFERENCES places (id) ON DELETE CASCADE,
        name      text NOT NULL CHECK (search_key(name) <> ''),
        language  text NOT NULL,
        name_key  text GENERATED ALWAYS AS (search_key(name)) STORED,
        CONSTRAINT place_names_pkey PRIMARY KEY (place_id, name)
      )`);
    await q.query(`CREATE INDEX place_names_key_idx ON place_names USING gin (name_key gin_trgm_ops)`);

    for (const place of PLACES) {
      await q.query(`INSERT INTO places (id, name, country_code, time_zone, latitude, longitude) VALUES ($1, $2, $3, $4, $5, $6)`, [
        place.id,
        place.name,
        place.countryCode,
        place.timeZone,
        place.latitude,
        place.longitude,
      ]);
      const names: [string, string][] = [[place.name, 'en'], ...place.names.filter(([name]) => name !== place.name)];
      await q.query(
        `INSERT INTO place_names (place_id, name, language) SELECT $1, n.name, n.language FROM unnest($2::text[], $3::text[]) AS n(name, language)`,
        [place.id, names.map(([name]) => name), names.map(([, language]) => language)],
      );
    }

    await q.query(`
      ALTER TABLE facilities
        ADD COLUMN name_key    text GENERATED ALWAYS AS (search_key(name)) STORED,
        ADD COLUMN address_key text GENERATED ALWAYS AS (search_key(address_line)) STORED,
        ADD COLUMN city_key    text GENERATED ALWAYS AS (search_key(city)) STORED`);
    await q.query(`CREATE INDEX facilities_name_search_idx ON facilities USING gin (name_key gin_trgm_ops) WHERE published AND NOT is_canary`);
    await q.query(`CREATE INDEX facilities_address_search_idx ON facilities USING gin (address_key gin_trgm_ops) WHERE published AND NOT is_canary`);
    await q.query(`CREATE INDEX facilities_city_key_idx ON facilities (city_key) WHERE published`);
    // City names are compared by key now; nothing reads lower(city) any more.
    await q.query(`DROP INDEX facilities_city_idx`);

    await q.query(
      `UPDATE facilities f
          SET amenities = ARRAY(
                SELECT named.amenity
                  FROM (SELECT coalesce(renamed.new, u.amenity) AS amenity, min(u.n) AS first
                          FROM unnest(f.amenities) WITH ORDINALITY AS u(amenity, n)
                          LEFT JOIN unnest($1::text[], $2::text[]) AS renamed(old, new) ON renamed.old = u.amenity
                         GROUP BY 1) named
                 WHERE named.amenity = ANY ($3::text[])
                 ORDER BY named.first)
        WHERE NOT f.amenities <@ $3::text[] OR cardinality(f.amenities) <> (SELECT count(DISTINCT a) FROM unnest(f.amenities) a)`,
      [Object.keys(RENAMED), Object.values(RENAMED), AMENITIES],
    );
    await q.query(
      `ALTER TABLE facilities ADD CONSTRAINT facilities_amenities_vocabulary CHECK (amenities <@ ARRAY[${AMENITIES.map((a) => `'${a}'`).join(', ')}]::text[])`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The renamed amenities stay renamed: the seed wrote the new names before the app used them.
    await q.query(`ALTER TABLE facilities DROP CONSTRAINT facilities_amenities_vocabulary`);
    await q.query(`CREATE INDEX facilities_city_idx ON facilities (lower(city)) WHERE published`);
    await q.query(`ALTER TABLE facilities DROP COLUMN city_key, DROP COLUMN address_key, DROP COLUMN name_key`);
    await q.query(`DROP TABLE place_names`);
    await q.query(`DROP TABLE places`);
    await q.query(`DROP FUNCTION search_key(text)`);
  }
}
