import { cardBrandOf, digitsOf, isExpired, passesLuhn } from './card.js';

describe('card checks', () => {
  it('accepts numbers with a valid Luhn check digit and refuses a changed digit', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('5555555555554444')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('42424242')).toBe(false);
    expect(passesLuhn('4242abcd42424242')).toBe(false);
  });

  it('ignores spaces and dashes as people type them', () => {
    expect(digitsOf('4242 4242-4242 4242')).toBe('4242424242424242');
  });

  it('names the scheme from the leading digits', () => {
    expect(cardBrandOf('4242424242424242')).toBe('visa');
    expect(cardBrandOf('5555555555554444')).toBe('mastercard');
    expect(cardBrandOf('2223003122003222')).toBe('mastercard');
    expect(cardBrandOf('378282246310005')).toBe('amex');
    expect(cardBrandOf('6011111111111117')).toBe('discover');
  });

  it('treats a card as valid through the end of its expiry month', () => {
    const now = new Date('2030-06-30T23:59:00Z');
    expect(isExpired(6, 2030, now)).toBe(false);
    expect(isExpired(5, 2030, now)).toBe(true);
    expect(isExpired(6, 30, now)).toBe(false);
    expect(isExpired(6, 2030, new Date('2030-07-01T00:00:00Z'))).toBe(true);
  });
});
