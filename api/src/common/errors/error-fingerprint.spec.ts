import { cutMessage, errorFingerprint, MAX_ERROR_MESSAGE, normaliseErrorText } from './error-fingerprint.js';

describe('normaliseErrorText', () => {
  it('replaces uuids, long hex ids, numbers and times, so occurrences of one problem group together', () => {
    const a = normaliseErrorText(
      'Booking 3f1c9a52-7a43-4c1b-9d0e-2b6f1e0c4a11 failed after 1200 ms at 2026-12-07T06:30:00.123Z (token 9f86d081884c7d659a2feaa0c55ad015)',
    );
    const b = normaliseErrorText(
      'Booking 0b5e2c1d-1111-4222-8333-944455556666 failed after 35 ms at 2027-01-01T00:00:00Z (token 0123456789abcdef0123456789abcdef)',
    );
    expect(a).toBe(b);
    expect(a).toBe('Booking <uuid> failed after <n> ms at <time> (token <hex>)');
  });

  it('reads a statement with other literals or another number of parameters as the same statement', () => {
    const a = normaliseErrorText("SELECT *\n  FROM bookings WHERE code = 'ABC123' AND id IN ($1, $2, $3) LIMIT 20");
    const b = normaliseErrorText("SELECT * FROM bookings WHERE code = 'X''Y' AND id IN ($1) LIMIT 50");
    const c = normaliseErrorText("SELECT * FROM bookings WHERE code = 'Z' AND id IN ($4, $5) LIMIT 1");
    expect(a).toBe("SELECT * FROM bookings WHERE code = '?' AND id IN ($?, …) LIMIT <n>");
    expect(b).toBe("SELECT * FROM bookings WHERE code = '?' AND id IN ($?) LIMIT <n>");
    expect(c).toBe(a);
  });

  it('keeps words that merely contain digits (table and column names)', () => {
    expect(normaliseErrorText('SELECT pg_sleep(1.5) FROM v2_items')).toBe('SELECT pg_sleep(<n>) FROM v2_items');
    expect(normaliseErrorText('GET /api/bookings/:id')).toBe('GET /api/bookings/:id');
  });
});

describe('errorFingerprint', () => {
  it('differs by service, type and message', () => {
    const base = errorFingerprint('API', '500 Error', 'GET /api/x');
    expect(errorFingerprint('API', '500 Error', 'GET /api/x')).toBe(base);
    expect(errorFingerprint('PostgreSQL', '500 Error', 'GET /api/x')).not.toBe(base);
    expect(errorFingerprint('API', 'Timeout', 'GET /api/x')).not.toBe(base);
    expect(errorFingerprint('API', '500 Error', 'GET /api/y')).not.toBe(base);
  });
});

describe('cutMessage', () => {
  it(`keeps at most ${MAX_ERROR_MESSAGE} characters and never splits an emoji`, () => {
    const cut = cutMessage('😀'.repeat(600));
    expect(Array.from(cut)).toHaveLength(MAX_ERROR_MESSAGE);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.slice(0, -1)).toMatch(/^(?:😀)+$/u);
    expect(cutMessage('short')).toBe('short');
  });
});
