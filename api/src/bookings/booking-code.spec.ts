import { BOOKING_CODE_ALPHABET, newBookingCode } from './booking-code.js';

describe('newBookingCode', () => {
  it('reads as two groups of four unambiguous characters', () => {
    for (let i = 0; i < 200; i++) expect(newBookingCode()).toMatch(/^[A-HJKMNP-TW-Z2-9]{4}-[A-HJKMNP-TW-Z2-9]{4}$/);
    expect(BOOKING_CODE_ALPHABET).not.toMatch(/[01ILOUV]/);
  });

  it('does not repeat in practice', () => {
    const codes = new Set(Array.from({ length: 5000 }, newBookingCode));
    expect(codes.size).toBe(5000);
  });
});
