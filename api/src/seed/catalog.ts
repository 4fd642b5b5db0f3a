/**
 * Reference data the demo set is drawn from: real cities with their currency and IANA time zone,
 * real districts and streets (coordinates approximate, inside each city), fictional operators.
 * Operator and facility names are invented so no real company appears to list with us.
 */
export interface District {
  name: string;
  latitude: number;
  longitude: number;
  street: string;
}

export interface City {
  name: string;
  countryCode: string;
  currency: string;
  timeZone: string;
  /** Hourly price of a standard space in minor units of the currency; other types scale it. */
  baseHourlyCents: number;
  postalCode: (n: number) => string;
  /** Words a local would use for a multi-storey, an underground and a surface car park. */
  kinds: readonly FacilityKind[];
  districts: readonly District[];
}

export interface FacilityKind {
  word: string;
  /** Covered car parks have a height limit and no oversize bays. */
  covered: boolean;
}

const germanKinds: FacilityKind[] = [
  { word: 'Parkhaus', covered: true },
  { word: 'Tiefgarage', covered: true },
  { word: 'P+R', covered: false },
  { word: 'Parkplatz', covered: false },
];

export const CITIES: readonly City[] = [
  {
    name: 'Berlin',
    countryCode: 'DE',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    baseHourlyCents: 300,
    postalCode: (n) => String(10115 + (n % 880)),
    kinds: germanKinds,
    districts: [
      { name: 'Alexanderplatz', latitude: 52.5219, longitude: 13.4132, street: 'Karl-Liebknecht-Straße' },
      { name: 'Potsdamer Platz', latitude: 52.5096, longitude: 13.376, street: 'Leipziger Straße' },
      { name: 'Hauptbahnhof', latitude: 52.5251, longitude: 13.3694, street: 'Invalidenstraße' },
      { name: 'Kurfürstendamm', latitude: 52.5036, longitude: 13.3286, street: 'Kantstraße' },
      { name: 'Ostkreuz', latitude: 52.503, longitude: 13.469, street: 'Warschauer Straße' },
      { name: 'Prenzlauer Berg', latitude: 52.5388, longitude: 13.4244, street: 'Schönhauser Allee' },
      { name: 'Kreuzberg', latitude: 52.4986, longitude: 13.403, street: 'Oranienstraße' },
      { name: 'Tempelhof', latitude: 52.473, longitude: 13.403, street: 'Tempelhofer Damm' },
    ],
  },
  {
    name: 'Munich',
    countryCode: 'DE',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    baseHourlyCents: 400,
    postalCode: (n) => String(80331 + (n % 1500)),
    kinds: germanKinds,
    districts: [
      { name: 'Marienplatz', latitude: 48.1374, longitude: 11.5755, street: 'Rindermarkt' },
      { name: 'Hauptbahnhof', latitude: 48.1402, longitude: 11.56, street: 'Bayerstraße' },
      { name: 'Schwabing', latitude: 48.16, longitude: 11.585, street: 'Leopoldstraße' },
      { name: 'Maxvorstadt', latitude: 48.15, longitude: 11.57, street: 'Theresienstraße' },
      { name: 'Olympiapark', latitude: 48.1755, longitude: 11.5518, street: 'Lerchenauer Straße' },
      { name: 'Sendlinger Tor', latitude: 48.134, longitude: 11.567, street: 'Lindwurmstraße' },
      { name: 'Haidhausen', latitude: 48.129, longitude: 11.596, street: 'Rosenheimer Straße' },
      { name: 'Messestadt', latitude: 48.136, longitude: 11.698, street: 'Willy-Brandt-Allee' },
    ],
  },
  {
    name: 'Hamburg',
    countryCode: 'DE',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    baseHourlyCents: 350,
    postalCode: (n) => String(20095 + (n % 2600)),
    kinds: germanKinds,
    districts: [
      { name: 'Jungfernstieg', latitude: 53.553, longitude: 9.993, street: 'Ballindamm' },
      { name: 'Hauptbahnhof', latitude: 53.553, longitude: 10.0067, street: 'Steintorwall' },
      { name: 'HafenCity', latitude: 53.5413, longitude: 9.9846, street: 'Überseeallee' },
      { name: 'St. Pauli', latitude: 53.555, longitude: 9.964, street: 'Reeperbahn' },
      { name: 'Altona', latitude: 53.55, longitude: 9.935, street: 'Max-Brauer-Allee' },
      { name: 'Eppendorf', latitude: 53.587, longitude: 9.983, street: 'Martinistraße' },
      { name: 'Barmbek', latitude: 53.587, longitude: 10.04, street: 'Fuhlsbüttler Straße' },
      { name: 'Wandsbek', latitude: 53.572, longitude: 10.068, street: 'Wandsbeker Marktstraße' },
    ],
  },
  {
    name: 'Amsterdam',
    countryCode: 'NL',
    currency: 'EUR',
    timeZone: 'Europe/Amsterdam',
    baseHourlyCents: 550,
    postalCode: (n) => `${1011 + (n % 90)} ${String.fromCharCode(65 + (n % 23))}${String.fromCharCode(66 + ((n * 7) % 23))}`,
    kinds: [
      { word: 'Parkeergarage', covered: true },
      { word: 'Parking', covered: true },
      { word: 'P+R', covered: false },
    ],
    districts: [
      { name: 'Centraal', latitude: 52.3791, longitude: 4.9003, street: 'Prins Hendrikkade' },
      { name: 'Dam', latitude: 52.3731, longitude: 4.8926, street: 'Damrak' },
      { name: 'Museumplein', latitude: 52.3579, longitude: 4.8813, street: 'Van Baerlestraat' },
      { name: 'Zuidas', latitude: 52.3383, longitude: 4.8732, street: 'Gustav Mahlerlaan' },
      { name: 'De Pijp', latitude: 52.355, longitude: 4.895, street: 'Ferdinand Bolstraat' },
      { name: 'Oost', latitude: 52.36, longitude: 4.929, street: 'Linnaeusstraat' },
      { name: 'Noord', latitude: 52.388, longitude: 4.918, street: 'Buiksloterweg' },
      { name: 'Westerpark', latitude: 52.386, longitude: 4.875, street: 'Haarlemmerweg' },
    ],
  },
  {
    name: 'Vienna',
    countryCode: 'AT',
    currency: 'EUR',
    timeZone: 'Europe/Vienna',
    baseHourlyCents: 400,
    postalCode: (n) => String(1010 + 10 * (n % 23)),
    kinds: germanKinds,
    districts: [
      { name: 'Stephansplatz', latitude: 48.2085, longitude: 16.3721, street: 'Rotenturmstraße' },
      { name: 'Westbahnhof', latitude: 48.1967, longitude: 16.3378, street: 'Mariahilfer Straße' },
      { name: 'Hauptbahnhof', latitude: 48.185, longitude: 16.376, street: 'Wiedner Gürtel' },
      { name: 'Prater', latitude: 48.2167, longitude: 16.3958, street: 'Ausstellungsstraße' },
      { name: 'Museumsquartier', latitude: 48.2035, longitude: 16.359, street: 'Burggasse' },
      { name: 'Donaustadt', latitude: 48.233, longitude: 16.445, street: 'Wagramer Straße' },
      { name: 'Schönbrunn', latitude: 48.185, longitude: 16.312, street: 'Schönbrunner Schloßstraße' },
      { name: 'Alsergrund', latitude: 48.222, longitude: 16.358, street: 'Währinger Straße' },
    ],
  },
  {
    name: 'Zürich',
    countryCode: 'CH',
    currency: 'CHF',
    timeZone: 'Europe/Zurich',
    baseHourlyCents: 500,
    postalCode: (n) => String(8001 + (n % 64)),
    kinds: [
      { word: 'Parkhaus', covered: true },
      { word: 'Parking', covered: true },
      { word: 'P+R', covered: false },
    ],
    districts: [
      { name: 'Hauptbahnhof', latitude: 47.3779, longitude: 8.5403, street: 'Sihlquai' },
      { name: 'Paradeplatz', latitude: 47.3697, longitude: 8.539, street: 'Talstrasse' },
      { name: 'Oerlikon', latitude: 47.4111, longitude: 8.544, street: 'Schaffhauserstrasse' },
      { name: 'Zürich West', latitude: 47.389, longitude: 8.517, street: 'Hardstrasse' },
      { name: 'Seefeld', latitude: 47.355, longitude: 8.555, street: 'Seefeldstrasse' },
      { name: 'Enge', latitude: 47.364, longitude: 8.531, street: 'Bederstrasse' },
      { name: 'Altstetten', latitude: 47.391, longitude: 8.489, street: 'Badenerstrasse' },
      { name: 'Hottingen', latitude: 47.37, longitude: 8.56, street: 'Dolderstrasse' },
    ],
  },
  {
    name: 'Copenhagen',
    countryCode: 'DK',
    currency: 'DKK',
    timeZone: 'Europe/Copenhagen',
    baseHourlyCents: 3500,
    postalCode: (n) => String(1050 + 10 * (n % 140)),
    kinds: [
      { word: 'P-hus', covered: true },
      { word: 'Parkering', covered: false },
      { word: 'P+R', covered: false },
    ],
    districts: [
      { name: 'Indre By', latitude: 55.679, longitude: 12.577, street: 'Vester Voldgade' },
      { name: 'Nørreport', latitude: 55.6833, longitude: 12.5715, street: 'Frederiksborggade' },
      { name: 'Vesterbro', latitude: 55.669, longitude: 12.55, street: 'Istedgade' },
      { name: 'Nørrebro', latitude: 55.694, longitude: 12.549, street: 'Nørrebrogade' },
      { name: 'Østerbro', latitude: 55.706, longitude: 12.577, street: 'Østerbrogade' },
      { name: 'Ørestad', latitude: 55.629, longitude: 12.579, street: 'Ørestads Boulevard' },
      { name: 'Christianshavn', latitude: 55.672, longitude: 12.594, street: 'Torvegade' },
      { name: 'Frederiksberg', latitude: 55.678, longitude: 12.533, street: 'Gammel Kongevej' },
    ],
  },
];

export interface OperatorProfile {
  legalName: string;
  displayName: string;
  /** Names of the cities in CITIES where it runs car parks. */
  cities: readonly string[];
}

/** The demo operator's company: owned by the operator demo account, approved, published. */
export const DEMO_OPERATOR: OperatorProfile = {
  legalName: 'UrbanSpot Parking GmbH',
  displayName: 'UrbanSpot',
  cities: ['Berlin', 'Munich', 'Hamburg'],
};

export const APPROVED_OPERATORS: readonly OperatorProfile[] = [
  { legalName: 'Spreeblick Garagen GmbH', displayName: 'Spreeblick', cities: ['Berlin', 'Hamburg'] },
  { legalName: 'Isartal Parken GmbH', displayName: 'Isartal Parken', cities: ['Munich', 'Vienna'] },
  { legalName: 'Grachtpark B.V.', displayName: 'Grachtpark', cities: ['Amsterdam'] },
  { legalName: 'Donaupark Garagen GmbH', displayName: 'Donaupark', cities: ['Vienna'] },
  { legalName: 'Limmat Parking AG', displayName: 'Limmat Parking', cities: ['Zürich'] },
  { legalName: 'Havnen Parkering ApS', displayName: 'Havnen Parkering', cities: ['Copenhagen'] },
  { legalName: 'EuroPark Mobility SE', displayName: 'EuroPark Mobility', cities: CITIES.map((c) => c.name) },
];

/** Awaiting review, with no facilities yet: the first row of the admin's review queue. */
export const SUBMITTED_OPERATOR: OperatorProfile = {
  legalName: 'Nordstern Parking UG',
  displayName: 'Nordstern Parking',
  cities: ['Hamburg'],
};

/** Parts of invented operator names for the large set, which needs hundreds of them. */
export const OPERATOR_NAME_PARTS = {
  first: ['Alpen', 'Nord', 'Süd', 'Stadt', 'Rhein', 'Elbe', 'Main', 'Kanal', 'Hafen', 'Brücken', 'Linden', 'Eichen', 'Ring', 'Tor', 'Markt'],
  second: ['park', 'garagen', 'parking', 'stellplatz', 'mobil'],
  legalForm: ['GmbH', 'AG', 'B.V.', 'ApS', 'SE', 'KG'],
};

export const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Emma',
  'Felix',
  'Greta',
  'Hannes',
  'Ida',
  'Jonas',
  'Klara',
  'Lukas',
  'Mia',
  'Noah',
  'Olivia',
  'Paul',
  'Quinn',
  'Rosa',
  'Samuel',
  'Tara',
  'Ulrich',
  'Vera',
  'Wim',
  'Xenia',
  'Yusuf',
  'Zoe',
  'Lars',
  'Freja',
  'Sanne',
  'Daan',
  'Lotte',
  'Matteo',
  'Elena',
  'Jan',
  'Sofie',
  'Tobias',
  'Leonie',
  'Milan',
  'Nora',
  'Emil',
];

export const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Schulz',
  'de Vries',
  'Jansen',
  'van Dijk',
  'Bakker',
  'Visser',
  'Gruber',
  'Huber',
  'Bauer',
  'Steiner',
  'Moser',
  'Keller',
  'Brunner',
  'Baumann',
  'Frei',
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Larsen',
  'Andersen',
  'Koch',
  'Richter',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Krüger',
  'Hartmann',
  'Lange',
  'Werner',
];

export const EXTRA_AMENITIES = ['cctv', 'staffed', 'lift', 'toilets', 'car_wash', 'bicycle_parking', 'lighting', 'contactless_entry'] as const;

export const CARD_BRANDS = [
  ['visa', 50],
  ['mastercard', 38],
  ['amex', 7],
  ['maestro', 5],
] as const;

/** Licence plate shapes per country, close enough to look right in a list. */
export const PLATE_PREFIXES: Record<string, readonly string[]> = {
  DE: ['B', 'M', 'HH', 'K', 'F', 'S'],
  NL: ['GX', 'KL', 'ZT', 'HN'],
  AT: ['W', 'G', 'L', 'S'],
  CH: ['ZH', 'BE', 'AG', 'SG'],
  DK: ['AB', 'CD', 'EF', 'XY'],
};
