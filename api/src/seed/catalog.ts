import type { Amenity } from '@aiparksit/shared';

/**
 * Reference data the demo set is drawn from: real cities with their currency and IANA time zone,
 * real districts and streets (coordinates approximate, inside each city), fictional operators.
 * Operator and facility names are invented so no real company appears to list with us.
 */
/**
 * What draws drivers to a district, which shapes its demand: office districts fill on weekday
 * mornings and empty in August, leisure districts (shopping, old towns, nightlife) on weekends,
 * evenings and in December, stations both, residential areas overnight, venues on event days.
 */
export type DistrictCharacter = 'business' | 'leisure' | 'station' | 'residential' | 'venue';

export interface District {
  name: string;
  latitude: number;
  longitude: number;
  street: string;
  character: DistrictCharacter;
}

export interface City {
  name: string;
  /** Months after the platform opened (the first month of the history) that it opened here. */
  launchMonth: number;
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
  /** Park-and-ride lots sit by outer stations only. */
  parkAndRide?: boolean;
  /** English puts the place first: "Canary Wharf Car Park", not "Parkhaus Alexanderplatz". */
  placeFirst?: boolean;
}

const germanKinds: FacilityKind[] = [
  { word: 'Parkhaus', covered: true },
  { word: 'Tiefgarage', covered: true },
  { word: 'P+R', covered: false, parkAndRide: true },
  { word: 'Parkplatz', covered: false },
];

const ukKinds: FacilityKind[] = [
  { word: 'Car Park', covered: true, placeFirst: true },
  { word: 'Underground Car Park', covered: true, placeFirst: true },
  { word: 'Park & Ride', covered: false, parkAndRide: true, placeFirst: true },
  { word: 'Surface Car Park', covered: false, placeFirst: true },
];

/**
 * The cities in the order the platform opened them: Berlin and Hamburg first, then one city every
 * few months; London and Manchester (GBP) in the second year, so the youngest markets have only a
 * few months of history.
 */
export const CITIES: readonly City[] = [
  {
    name: 'Berlin',
    launchMonth: 0,
    countryCode: 'DE',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    baseHourlyCents: 300,
    postalCode: (n) => String(10115 + (n % 880)),
    kinds: germanKinds,
    districts: [
      { name: 'Alexanderplatz', latitude: 52.5219, longitude: 13.4132, street: 'Karl-Liebknecht-Straße', character: 'leisure' },
      { name: 'Potsdamer Platz', latitude: 52.5096, longitude: 13.376, street: 'Leipziger Straße', character: 'business' },
      { name: 'Hauptbahnhof', latitude: 52.5251, longitude: 13.3694, street: 'Invalidenstraße', character: 'station' },
      { name: 'Kurfürstendamm', latitude: 52.5036, longitude: 13.3286, street: 'Kantstraße', character: 'leisure' },
      { name: 'Ostkreuz', latitude: 52.503, longitude: 13.469, street: 'Warschauer Straße', character: 'station' },
      { name: 'Prenzlauer Berg', latitude: 52.5388, longitude: 13.4244, street: 'Schönhauser Allee', character: 'residential' },
      { name: 'Kreuzberg', latitude: 52.4986, longitude: 13.403, street: 'Oranienstraße', character: 'leisure' },
      { name: 'Tempelhof', latitude: 52.473, longitude: 13.403, street: 'Tempelhofer Damm', character: 'residential' },
      { name: 'Westend', latitude: 52.5147, longitude: 13.2395, street: 'Olympischer Platz', character: 'venue' },
    ],
  },
  {
    name: 'Munich',
    launchMonth: 3,
    countryCode: 'DE',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    baseHourlyCents: 400,
    postalCode: (n) => String(80331 + (n % 1500)),
    kinds: germanKinds,
    districts: [
      { name: 'Marienplatz', latitude: 48.1374, longitude: 11.5755, street: 'Rindermarkt', character: 'leisure' },
      { name: 'Hauptbahnhof', latitude: 48.1402, longitude: 11.56, street: 'Bayerstraße', character: 'station' },
      { name: 'Schwabing', latitude: 48.16, longitude: 11.585, street: 'Leopoldstraße', character: 'residential' },
      { name: 'Maxvorstadt', latitude: 48.15, longitude: 11.57, street: 'Theresienstraße', character: 'business' },
      { name: 'Olympiapark', latitude: 48.1755, longitude: 11.5518, street: 'Lerchenauer Straße', character: 'venue' },
      { name: 'Sendlinger Tor', latitude: 48.134, longitude: 11.567, street: 'Lindwurmstraße', character: 'leisure' },
      { name: 'Haidhausen', latitude: 48.129, longitude: 11.596, street: 'Rosenheimer Straße', character: 'residential' },
      { name: 'Messestadt', latitude: 48.136, longitude: 11.698, street: 'Willy-Brandt-Allee', character: 'venue' },
    ],
  },
  {
    name: 'Hamburg',
    launchMonth: 0,
    countryCode: 'DE',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    baseHourlyCents: 350,
    postalCode: (n) => String(20095 + (n % 2600)),
    kinds: germanKinds,
    districts: [
      { name: 'Jungfernstieg', latitude: 53.553, longitude: 9.993, street: 'Ballindamm', character: 'leisure' },
      { name: 'Hauptbahnhof', latitude: 53.553, longitude: 10.0067, street: 'Steintorwall', character: 'station' },
      { name: 'HafenCity', latitude: 53.5413, longitude: 9.9846, street: 'Überseeallee', character: 'business' },
      { name: 'St. Pauli', latitude: 53.555, longitude: 9.964, street: 'Reeperbahn', character: 'leisure' },
      { name: 'Altona', latitude: 53.55, longitude: 9.935, street: 'Max-Brauer-Allee', character: 'residential' },
      { name: 'Eppendorf', latitude: 53.587, longitude: 9.983, street: 'Martinistraße', character: 'residential' },
      { name: 'Barmbek', latitude: 53.587, longitude: 10.04, street: 'Fuhlsbüttler Straße', character: 'business' },
      { name: 'Wandsbek', latitude: 53.572, longitude: 10.068, street: 'Wandsbeker Marktstraße', character: 'residential' },
    ],
  },
  {
    name: 'Amsterdam',
    launchMonth: 5,
    countryCode: 'NL',
    currency: 'EUR',
    timeZone: 'Europe/Amsterdam',
    baseHourlyCents: 550,
    postalCode: (n) => `${1011 + (n % 90)} ${String.fromCharCode(65 + (n % 23))}${String.fromCharCode(66 + ((n * 7) % 23))}`,
    kinds: [
      { word: 'Parkeergarage', covered: true },
      { word: 'Parking', covered: true },
      { word: 'P+R', covered: false, parkAndRide: true },
    ],
    districts: [
      { name: 'Centraal', latitude: 52.3791, longitude: 4.9003, street: 'Prins Hendrikkade', character: 'station' },
      { name: 'Dam', latitude: 52.3731, longitude: 4.8926, street: 'Damrak', character: 'leisure' },
      { name: 'Museumplein', latitude: 52.3579, longitude: 4.8813, street: 'Van Baerlestraat', character: 'leisure' },
      { name: 'Zuidas', latitude: 52.3383, longitude: 4.8732, street: 'Gustav Mahlerlaan', character: 'business' },
      { name: 'De Pijp', latitude: 52.355, longitude: 4.895, street: 'Ferdinand Bolstraat', character: 'residential' },
      { name: 'Oost', latitude: 52.36, longitude: 4.929, street: 'Linnaeusstraat', character: 'residential' },
      { name: 'Noord', latitude: 52.388, longitude: 4.918, street: 'Buiksloterweg', character: 'business' },
      { name: 'Westerpark', latitude: 52.386, longitude: 4.875, street: 'Haarlemmerweg', character: 'residential' },
    ],
  },
  {
    name: 'Vienna',
    launchMonth: 7,
    countryCode: 'AT',
    currency: 'EUR',
    timeZone: 'Europe/Vienna',
    baseHourlyCents: 400,
    postalCode: (n) => String(1010 + 10 * (n % 23)),
    kinds: germanKinds,
    districts: [
      { name: 'Stephansplatz', latitude: 48.2085, longitude: 16.3721, street: 'Rotenturmstraße', character: 'leisure' },
      { name: 'Westbahnhof', latitude: 48.1967, longitude: 16.3378, street: 'Mariahilfer Straße', character: 'station' },
      { name: 'Hauptbahnhof', latitude: 48.185, longitude: 16.376, street: 'Wiedner Gürtel', character: 'business' },
      { name: 'Prater', latitude: 48.2167, longitude: 16.3958, street: 'Ausstellungsstraße', character: 'venue' },
      { name: 'Museumsquartier', latitude: 48.2035, longitude: 16.359, street: 'Burggasse', character: 'leisure' },
      { name: 'Donaustadt', latitude: 48.233, longitude: 16.445, street: 'Wagramer Straße', character: 'business' },
      { name: 'Schönbrunn', latitude: 48.185, longitude: 16.312, street: 'Schönbrunner Schloßstraße', character: 'leisure' },
      { name: 'Alsergrund', latitude: 48.222, longitude: 16.358, street: 'Währinger Straße', character: 'residential' },
    ],
  },
  {
    name: 'Zürich',
    launchMonth: 9,
    countryCode: 'CH',
    currency: 'CHF',
    timeZone: 'Europe/Zurich',
    baseHourlyCents: 500,
    postalCode: (n) => String(8001 + (n % 64)),
    kinds: [
      { word: 'Parkhaus', covered: true },
      { word: 'Parking', covered: true },
      { word: 'P+R', covered: false, parkAndRide: true },
    ],
    districts: [
      { name: 'Hauptbahnhof', latitude: 47.3779, longitude: 8.5403, street: 'Sihlquai', character: 'station' },
      { name: 'Paradeplatz', latitude: 47.3697, longitude: 8.539, street: 'Talstrasse', character: 'business' },
      { name: 'Oerlikon', latitude: 47.4111, longitude: 8.544, street: 'Schaffhauserstrasse', character: 'venue' },
      { name: 'Zürich West', latitude: 47.389, longitude: 8.517, street: 'Hardstrasse', character: 'business' },
      { name: 'Seefeld', latitude: 47.355, longitude: 8.555, street: 'Seefeldstrasse', character: 'residential' },
      { name: 'Enge', latitude: 47.364, longitude: 8.531, street: 'Bederstrasse', character: 'business' },
      { name: 'Altstetten', latitude: 47.391, longitude: 8.489, street: 'Badenerstrasse', character: 'residential' },
      { name: 'Hottingen', latitude: 47.37, longitude: 8.56, street: 'Dolderstrasse', character: 'residential' },
    ],
  },
  {
    name: 'Copenhagen',
    launchMonth: 12,
    countryCode: 'DK',
    currency: 'DKK',
    timeZone: 'Europe/Copenhagen',
    baseHourlyCents: 3500,
    postalCode: (n) => String(1050 + 10 * (n % 140)),
    kinds: [
      { word: 'P-hus', covered: true },
      { word: 'Parkering', covered: false },
      { word: 'P+R', covered: false, parkAndRide: true },
    ],
    districts: [
      { name: 'Indre By', latitude: 55.679, longitude: 12.577, street: 'Vester Voldgade', character: 'leisure' },
      { name: 'Nørreport', latitude: 55.6833, longitude: 12.5715, street: 'Frederiksborggade', character: 'station' },
      { name: 'Vesterbro', latitude: 55.669, longitude: 12.55, street: 'Istedgade', character: 'leisure' },
      { name: 'Nørrebro', latitude: 55.694, longitude: 12.549, street: 'Nørrebrogade', character: 'residential' },
      { name: 'Østerbro', latitude: 55.706, longitude: 12.577, street: 'Østerbrogade', character: 'venue' },
      { name: 'Ørestad', latitude: 55.629, longitude: 12.579, street: 'Ørestads Boulevard', character: 'business' },
      { name: 'Christianshavn', latitude: 55.672, longitude: 12.594, street: 'Torvegade', character: 'residential' },
      { name: 'Frederiksberg', latitude: 55.678, longitude: 12.533, street: 'Gammel Kongevej', character: 'residential' },
    ],
  },
  {
    name: 'London',
    launchMonth: 10,
    countryCode: 'GB',
    currency: 'GBP',
    timeZone: 'Europe/London',
    baseHourlyCents: 450,
    postalCode: (n) =>
      `${['EC2V', 'EC4M', 'WC2E', 'E14', 'N1C', 'SE1', 'HA9', 'E20'][n % 8]} ${(n % 9) + 1}${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + ((n * 7) % 26))}`,
    kinds: ukKinds,
    districts: [
      { name: 'City of London', latitude: 51.5155, longitude: -0.0922, street: 'Moorgate', character: 'business' },
      { name: 'Covent Garden', latitude: 51.5117, longitude: -0.124, street: 'Long Acre', character: 'leisure' },
      { name: "King's Cross", latitude: 51.5308, longitude: -0.1238, street: 'York Way', character: 'station' },
      { name: 'Canary Wharf', latitude: 51.5054, longitude: -0.0235, street: 'Westferry Road', character: 'business' },
      { name: 'Southwark', latitude: 51.5035, longitude: -0.0955, street: 'Southwark Street', character: 'leisure' },
      { name: 'Wembley', latitude: 51.556, longitude: -0.2796, street: 'Engineers Way', character: 'venue' },
      { name: 'Stratford', latitude: 51.5416, longitude: -0.0042, street: 'Great Eastern Road', character: 'leisure' },
      { name: 'Islington', latitude: 51.5362, longitude: -0.1033, street: 'Upper Street', character: 'residential' },
    ],
  },
  {
    name: 'Manchester',
    launchMonth: 14,
    countryCode: 'GB',
    currency: 'GBP',
    timeZone: 'Europe/London',
    baseHourlyCents: 300,
    postalCode: (n) => `M${(n % 20) + 1} ${(n % 9) + 1}${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + ((n * 11) % 26))}`,
    kinds: ukKinds,
    districts: [
      { name: 'Spinningfields', latitude: 53.4801, longitude: -2.2522, street: 'Quay Street', character: 'business' },
      { name: 'Piccadilly', latitude: 53.4774, longitude: -2.2309, street: 'London Road', character: 'station' },
      { name: 'Northern Quarter', latitude: 53.4839, longitude: -2.2365, street: 'Oldham Street', character: 'leisure' },
      { name: 'Deansgate', latitude: 53.4794, longitude: -2.2491, street: 'Deansgate', character: 'leisure' },
      { name: 'Old Trafford', latitude: 53.4631, longitude: -2.2913, street: 'Sir Matt Busby Way', character: 'venue' },
      { name: 'MediaCityUK', latitude: 53.4722, longitude: -2.2978, street: 'Broadway', character: 'business' },
      { name: 'Ancoats', latitude: 53.4843, longitude: -2.2262, street: 'Great Ancoats Street', character: 'residential' },
      { name: 'Didsbury', latitude: 53.4167, longitude: -2.2313, street: 'Wilmslow Road', character: 'residential' },
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
  { legalName: 'Thameside Parking Ltd', displayName: 'Thameside Parking', cities: ['London'] },
  { legalName: 'Irwell Car Parks Ltd', displayName: 'Irwell Car Parks', cities: ['Manchester', 'London'] },
];

/** Applied, still waiting for review: the admin's review queue (the first is there since the first demo). */
export const SUBMITTED_OPERATORS: readonly OperatorProfile[] = [
  { legalName: 'Nordstern Parking UG', displayName: 'Nordstern Parking', cities: ['Hamburg'] },
  { legalName: 'Alster Stellplatz GmbH', displayName: 'Alster Stellplatz', cities: ['Hamburg'] },
  { legalName: 'Mersey Parking Ltd', displayName: 'Mersey Parking', cities: ['Manchester'] },
];

/** Applied and turned down, with the reason the admin gave. */
export const REJECTED_OPERATORS: readonly (OperatorProfile & { rejectionReason: string })[] = [
  {
    legalName: 'Quickpark Holdings Ltd',
    displayName: 'Quickpark',
    cities: ['London'],
    rejectionReason: 'The company registration number does not match the legal name given.',
  },
  {
    legalName: 'Parkfix Berlin UG',
    displayName: 'Parkfix',
    cities: ['Berlin'],
    rejectionReason: 'The car park listed is a private residential courtyard the applicant does not manage.',
  },
];

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

/** Drawn for each car park besides what its kind implies; all of them words of the one amenity vocabulary (`AMENITIES`). */
export const EXTRA_AMENITIES = [
  'cctv',
  'staffed',
  'lift',
  'toilets',
  'car_wash',
  'bicycle_parking',
  'lighting',
  'contactless_entry',
] as const satisfies readonly Amenity[];

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
  GB: ['LA', 'LB', 'LC', 'MA', 'MB', 'ML'],
};

/**
 * Yearly local events that fill the car parks of one district: the dates are those of a typical
 * year (a cup final on a late-May Saturday, trade fairs in the autumn, Christmas markets from late
 * November), `boost` multiplies the district's usual demand on each day of the event.
 */
export interface LocalEvent {
  name: string;
  city: string;
  district: string;
  /** Month (1–12) and day of the first day. */
  month: number;
  day: number;
  days: number;
  boost: number;
}

export const LOCAL_EVENTS: readonly LocalEvent[] = [
  { name: 'Cup final at the Olympiastadion', city: 'Berlin', district: 'Westend', month: 5, day: 23, days: 1, boost: 14 },
  { name: 'FA Cup final at Wembley', city: 'London', district: 'Wembley', month: 5, day: 16, days: 1, boost: 14 },
  { name: 'Trade fair at the Messe', city: 'Munich', district: 'Messestadt', month: 10, day: 20, days: 5, boost: 7 },
  { name: 'Autumn fair in Oerlikon', city: 'Zürich', district: 'Oerlikon', month: 9, day: 24, days: 9, boost: 4 },
  { name: 'Christmas market on Alexanderplatz', city: 'Berlin', district: 'Alexanderplatz', month: 11, day: 24, days: 30, boost: 1.8 },
  { name: 'Christmas market at the Stephansdom', city: 'Vienna', district: 'Stephansplatz', month: 11, day: 15, days: 39, boost: 2 },
  { name: 'Christmas market on the Jungfernstieg', city: 'Hamburg', district: 'Jungfernstieg', month: 11, day: 24, days: 30, boost: 1.7 },
  { name: 'Christmas markets in the city centre', city: 'Manchester', district: 'Deansgate', month: 11, day: 8, days: 45, boost: 1.8 },
];
