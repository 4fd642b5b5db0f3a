import { describe, expect, it } from '@jest/globals';
import { formatMoney, minorUnitDigits, parseMoneyInput } from './money';

describe('formatMoney', () => {
  it('shows euro cents as euros with two decimals', () => {
    expect(formatMoney(1234, 'EUR', 'en-GB')).toBe('€12.34');
  });

  it('shows zero as a price, not as nothing', () => {
    expect(formatMoney(0, 'EUR', 'en-GB')).toBe('€0.00');
  });

  it('treats minor units of a currency without decimals as whole units', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(formatMoney(1500, 'JPY', 'en-GB')).toBe('JP¥1,500');
  });

  it('groups thousands', () => {
    expect(formatMoney(123_456_78, 'USD', 'en-US')).toBe('$123,456.78');
  });
});

describe('parseMoneyInput', () => {
  it('reads whole and decimal amounts into cents without float error', () => {
    expect(parseMoneyInput('12', 'EUR')).toBe(1200);
    expect(parseMoneyInput('12.5', 'EUR')).toBe(1250);
    expect(parseMoneyInput('0.29', 'EUR')).toBe(29);
    expect(parseMoneyInput(' 7,05 ', 'EUR')).toBe(705);
  });

  it('refuses more decimals than the currency has, negatives and words', () => {
    expect(parseMoneyInput('1.234', 'EUR')).toBeNull();
    expect(parseMoneyInput('-3', 'EUR')).toBeNull();
    expect(parseMoneyInput('cheap', 'EUR')).toBeNull();
    expect(parseMoneyInput('', 'EUR')).toBeNull();
  });
});
