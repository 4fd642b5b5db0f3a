import { describe, expect, it } from '@jest/globals';
import type { ErrorEnvelope, FacilityAlternative } from '@aiparksit/shared';
import { ApiError } from '../../lib/api-error';
import { alternativesOfRefusal, checkoutPath, facilityPagePath, priceDifferenceText, radiusText } from './alternatives';

const WINDOW = { start: '2027-03-29T08:00:00.000Z', end: '2027-03-29T10:00:00.000Z' };

function refusal(details: Record<string, unknown>, status = 409): ApiError {
  const envelope: ErrorEnvelope = {
    statusCode: status,
    error: 'Conflict',
    message: 'No standard space is free for the whole of this window.',
    details,
    requestId: 'r',
  };
  return new ApiError(status, envelope);
}

const OFFERED = {
  facility: { id: 'b' },
  distanceMeters: 640,
  quote: { totalCents: 400, currency: 'EUR' },
  availability: { spaceType: 'standard', level: 'few', available: 1, capacity: 1 },
  priceDifferenceCents: -200,
} as unknown as FacilityAlternative;

describe('priceDifferenceText', () => {
  it('says how the alternative compares with the car park wanted', () => {
    expect(priceDifferenceText(-250, 'EUR')).toBe('€2.50 cheaper');
    expect(priceDifferenceText(100, 'EUR')).toBe('€1.00 more');
    expect(priceDifferenceText(0, 'EUR')).toBe('same price');
  });

  it('says nothing when the prices cannot be compared', () => {
    expect(priceDifferenceText(null, 'EUR')).toBeNull();
  });

  it('counts minor units of the currency (no cents in yen)', () => {
    expect(priceDifferenceText(-500, 'JPY')).toBe('¥500 cheaper');
  });
});

describe('links to an alternative', () => {
  it('open its page or its checkout with the same window and space type', () => {
    expect(facilityPagePath('b', WINDOW, 'ev')).toBe('/facilities/b?start=2027-03-29T08%3A00%3A00.000Z&end=2027-03-29T10%3A00%3A00.000Z&type=ev');
    expect(checkoutPath('b', WINDOW, 'standard')).toBe(
      '/driver/checkout?facility=b&start=2027-03-29T08%3A00%3A00.000Z&end=2027-03-29T10%3A00%3A00.000Z&type=standard',
    );
  });
});

describe('radiusText', () => {
  it('words the search radius as the empty state says it', () => {
    expect(radiusText(5000)).toBe('5 km');
    expect(radiusText(2500)).toBe('2.5 km');
    expect(radiusText(800)).toBe('800 m');
  });
});

describe('alternativesOfRefusal', () => {
  it("reads the alternatives of a booking's 409 no_space_available", () => {
    expect(alternativesOfRefusal(refusal({ code: 'no_space_available', spaceType: 'standard', alternatives: [OFFERED] }))).toEqual([OFFERED]);
  });

  it('gives an empty list when the refusal found none (or carried none)', () => {
    expect(alternativesOfRefusal(refusal({ code: 'no_space_available', alternatives: [] }))).toEqual([]);
    expect(alternativesOfRefusal(refusal({ code: 'no_space_available' }))).toEqual([]);
  });

  it('drops entries that are not alternatives', () => {
    expect(alternativesOfRefusal(refusal({ code: 'no_space_available', alternatives: [null, { facility: {} }, OFFERED] }))).toEqual([OFFERED]);
  });

  it('is null for any other error, which is shown as it is', () => {
    expect(alternativesOfRefusal(refusal({ code: 'blacked_out' }))).toBeNull();
    expect(alternativesOfRefusal(refusal({ code: 'no_space_available' }, 400))).toBeNull();
    expect(alternativesOfRefusal(new TypeError('Failed to fetch'))).toBeNull();
    expect(alternativesOfRefusal(null)).toBeNull();
  });
});
