/** Card number facts a processor checks before asking the issuer. Nothing here stores a number. */

export function digitsOf(number: string): string {
  return number.replace(/[\s-]/g, '');
}

/** The Luhn (mod 10) check digit test every card number passes (ISO/IEC 7812-1). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The card scheme from the issuer identification number (the leading digits). */
export function cardBrandOf(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  return 'unknown';
}

/**
 * Card networks issue cards for a few years, never decades: an expiry this far out is a typing
 * error (and a year past JavaScript's date range would otherwise never count as expired).
 */
const LONGEST_CARD_LIFE_YEARS = 20;

export function expiresTooFarAhead(expYear: number, now: Date): boolean {
  const year = expYear < 100 ? 2000 + expYear : expYear;
  return year > now.getUTCFullYear() + LONGEST_CARD_LIFE_YEARS;
}

/** A card is valid through the last day of its expiry month. */
export function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  const year = expYear < 100 ? 2000 + expYear : expYear;
  const firstOfNextMonth = Date.UTC(year, expMonth, 1);
  return now.getTime() >= firstOfNextMonth;
}
