import { describe, expect, it } from '@jest/globals';
import { cardBrandName, cardName } from './booking-payments';

describe('cardBrandName', () => {
  it('writes brands as cards print them', () => {
    expect(cardBrandName('visa')).toBe('Visa');
    expect(cardBrandName('mastercard')).toBe('Mastercard');
    expect(cardBrandName('american_express')).toBe('American Express');
    expect(cardBrandName(null)).toBe('Card');
  });
});

describe('cardName', () => {
  it('names the card by brand and last four when both are known', () => {
    expect(cardName({ cardBrand: 'mastercard', cardLast4: '4444' })).toBe('Mastercard ending 4444');
    expect(cardName({ cardBrand: 'visa', cardLast4: null })).toBe('Visa');
  });
});
