import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L or U/V look-alikes: a code read out at a barrier or typed from a phone survives. */
export const BOOKING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';

/** A random code like `AB7K-Q2MX`: 29^8 ≈ 5·10^11 codes; the unique constraint catches the rare repeat. */
export function newBookingCode(): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) out += '-';
    out += BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)];
  }
  return out;
}
