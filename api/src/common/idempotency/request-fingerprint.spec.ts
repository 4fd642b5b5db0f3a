import { canonicalJson, requestFingerprint } from './request-fingerprint.js';

describe('requestFingerprint', () => {
  it('is the same for the same body whatever the order of its keys', () => {
    const a = requestFingerprint('POST', '/api/bookings', { facilityId: 'f', start: 's', nested: { x: 1, y: [1, 2] } });
    const b = requestFingerprint('post', '/api/bookings', { nested: { y: [1, 2], x: 1 }, start: 's', facilityId: 'f' });
    expect(a.equals(b)).toBe(true);
  });

  it('differs when the body, the path or the method differs', () => {
    const base = requestFingerprint('POST', '/api/bookings', { end: '10:00' });
    expect(base.equals(requestFingerprint('POST', '/api/bookings', { end: '11:00' }))).toBe(false);
    expect(base.equals(requestFingerprint('POST', '/api/payments', { end: '10:00' }))).toBe(false);
    expect(base.equals(requestFingerprint('PUT', '/api/bookings', { end: '10:00' }))).toBe(false);
  });

  it('treats a missing field and an undefined one alike, but not null', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: 1, b: null })).not.toBe(canonicalJson({ a: 1 }));
  });
});
