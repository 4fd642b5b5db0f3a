import { boxContains, readSubscriptionRequest } from './subscription-request.js';

const ID = '0b7e0c55-3f0e-4c1a-9a57-1f7e2b3c4d5e';

describe('readSubscriptionRequest', () => {
  it('reads ids, deduplicated and lower-cased', () => {
    expect(readSubscriptionRequest({ type: 'subscribe', facilityIds: [ID, ID.toUpperCase()] }, 10)).toEqual({ facilityIds: [ID], bbox: null });
  });

  it('reads a bounding box', () => {
    const bbox = { minLat: 52.4, minLng: 13.2, maxLat: 52.6, maxLng: 13.5 };
    expect(readSubscriptionRequest({ type: 'subscribe', bbox }, 10)).toEqual({ facilityIds: [], bbox });
  });

  it.each([
    ['neither ids nor box', {}],
    ['ids that are not an array', { facilityIds: ID }],
    ['ids that are not UUIDs', { facilityIds: ['garage-1'] }],
    ['a box with a missing corner', { bbox: { minLat: 1, minLng: 1, maxLat: 2 } }],
    ['a box upside down', { bbox: { minLat: 2, minLng: 1, maxLat: 1, maxLng: 2 } }],
    ['a box off the globe', { bbox: { minLat: -100, minLng: 1, maxLat: 1, maxLng: 2 } }],
    ['a box with text for numbers', { bbox: { minLat: '1', minLng: 1, maxLat: 2, maxLng: 2 } }],
  ])('refuses %s', (_name, fields) => {
    expect(() => readSubscriptionRequest({ type: 'subscribe', ...(fields as object) }, 10)).toThrow(expect.objectContaining({ code: 'invalid_message' }));
  });

  it('refuses more ids than a socket may follow', () => {
    const ids = Array.from({ length: 3 }, (_, i) => ID.replace(/.$/, String(i)));
    expect(() => readSubscriptionRequest({ type: 'subscribe', facilityIds: ids }, 2)).toThrow(expect.objectContaining({ code: 'too_many_subscriptions' }));
  });
});

describe('boxContains', () => {
  it('includes the edges', () => {
    const box = { minLat: 0, minLng: 0, maxLat: 1, maxLng: 1 };
    expect(boxContains(box, 0, 1)).toBe(true);
    expect(boxContains(box, 1.0001, 0.5)).toBe(false);
  });
});
