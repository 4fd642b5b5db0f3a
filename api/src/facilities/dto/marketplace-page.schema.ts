import type { ResponseBodySchema } from '../../common/http/index.js';

/**
 * GET /api/proxy/marketplace's body (MarketplacePageDto), for its response serialiser. Every
 * property of the views is listed: outside production each answer is compared with
 * JSON.stringify's, so one added to a view and not here fails the tests.
 */

const STRING = { type: 'string' } as const;
const NUMBER = { type: 'number' } as const;
const INTEGER = { type: 'integer' } as const;
const GEO_POINT = { type: 'object', properties: { lat: NUMBER, lng: NUMBER }, required: ['lat', 'lng'] } as const;

const FACILITY_SUMMARY: ResponseBodySchema = {
  type: 'object',
  properties: {
    id: STRING,
    name: STRING,
    slug: STRING,
    operatorName: STRING,
    addressLine: STRING,
    city: STRING,
    postalCode: STRING,
    countryCode: STRING,
    location: GEO_POINT,
    timeZone: STRING,
    currency: STRING,
    amenities: { type: 'array', items: STRING },
    heightLimitCm: { type: 'integer', nullable: true },
    photos: { type: 'array', items: STRING },
    open24x7: { type: 'boolean' },
    spaceTypes: { type: 'array', items: STRING },
  },
  required: [
    'id',
    'name',
    'slug',
    'operatorName',
    'addressLine',
    'city',
    'postalCode',
    'countryCode',
    'location',
    'timeZone',
    'currency',
    'amenities',
    'heightLimitCm',
    'photos',
    'open24x7',
    'spaceTypes',
  ],
};

const PRICE_QUOTE_SEGMENT: ResponseBodySchema = {
  type: 'object',
  properties: { start: STRING, end: STRING, localStart: STRING, localEnd: STRING, minutes: NUMBER, multiplier: NUMBER },
  required: ['start', 'end', 'localStart', 'localEnd', 'minutes', 'multiplier'],
};

const PRICE_QUOTE_DAY: ResponseBodySchema = {
  type: 'object',
  properties: {
    date: STRING,
    start: STRING,
    end: STRING,
    billedMinutes: NUMBER,
    segments: { type: 'array', items: PRICE_QUOTE_SEGMENT },
    uncappedCents: INTEGER,
    dailyMaxCents: { type: 'integer', nullable: true },
    capApplied: { type: 'boolean' },
    totalCents: INTEGER,
  },
  required: ['date', 'start', 'end', 'billedMinutes', 'segments', 'uncappedCents', 'dailyMaxCents', 'capApplied', 'totalCents'],
};

const PRICE_QUOTE: ResponseBodySchema = {
  type: 'object',
  nullable: true,
  properties: {
    totalCents: INTEGER,
    currency: STRING,
    timeZone: STRING,
    start: STRING,
    end: STRING,
    billedMinutes: NUMBER,
    lines: { type: 'array', items: PRICE_QUOTE_DAY },
  },
  required: ['totalCents', 'timeZone', 'start', 'end', 'billedMinutes', 'lines'],
};

const SPACE_TYPE_AVAILABILITY: ResponseBodySchema = {
  type: 'object',
  properties: { spaceType: STRING, level: STRING, available: { type: 'integer', nullable: true }, capacity: { type: 'integer', nullable: true } },
  required: ['spaceType', 'level', 'available', 'capacity'],
};

const PLACE_VIEW: ResponseBodySchema = {
  type: 'object',
  properties: { id: STRING, name: STRING, countryCode: STRING, centre: GEO_POINT },
  required: ['id', 'name', 'countryCode', 'centre'],
};

export const MARKETPLACE_PAGE_SCHEMA: ResponseBodySchema = {
  type: 'object',
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          facility: FACILITY_SUMMARY,
          distanceMeters: { type: 'integer', nullable: true },
          quote: PRICE_QUOTE,
          availability: SPACE_TYPE_AVAILABILITY,
        },
        required: ['facility', 'distanceMeters', 'quote', 'availability'],
      },
    },
    nextCursor: { type: 'string', nullable: true },
    fidelity: STRING,
    place: PLACE_VIEW,
  },
  required: ['results', 'nextCursor', 'fidelity'],
};
