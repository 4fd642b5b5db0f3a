import { describe, expect, it } from '@jest/globals';
import { DECLINE_CODES } from '@aiparksit/shared';
import { ApiError } from '../../lib/api-error';
import { declineCodeOf, declineMessage, groupCardNumber, parseExpiry, toCardInput } from './card-input';

const decline = (code: string) => new ApiError(402, { statusCode: 402, error: 'Payment Required', message: 'Declined.', details: { code }, requestId: 'r' });

describe('parseExpiry', () => {
  it('reads MM/YY, MM/YYYY and MMYY', () => {
    expect(parseExpiry('12/30')).toEqual({ expMonth: 12, expYear: 2030 });
    expect(parseExpiry(' 3 / 2031 ')).toEqual({ expMonth: 3, expYear: 2031 });
    expect(parseExpiry('0829')).toEqual({ expMonth: 8, expYear: 2029 });
  });

  it('leaves an unreadable expiry for the server to reject', () => {
    expect(parseExpiry('soon')).toEqual({ expMonth: 0, expYear: 0 });
  });
});

describe('toCardInput', () => {
  it('drops spaces from the number and omits an empty holder name', () => {
    expect(toCardInput({ number: '4242 4242 4242 4242', expiry: '12/30', cvc: ' 123 ', holderName: '  ' })).toEqual({
      number: '4242424242424242',
      expMonth: 12,
      expYear: 2030,
      cvc: '123',
    });
  });
});

describe('groupCardNumber', () => {
  it('groups digits by four and ignores anything else', () => {
    expect(groupCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(groupCardNumber('4242-42')).toBe('4242 42');
  });
});

describe('declineMessage', () => {
  it('has its own sentence for every decline code', () => {
    const messages = DECLINE_CODES.map((code) => declineMessage(decline(code)));
    expect(new Set(messages).size).toBe(DECLINE_CODES.length);
    expect(declineCodeOf(decline('insufficient_funds'))).toBe('insufficient_funds');
    expect(declineMessage(decline('insufficient_funds'))).toMatch(/insufficient funds/);
  });

  it('uses the server message for an unknown code and ignores errors that are not declines', () => {
    expect(declineMessage(decline('new_reason'))).toBe('Declined.');
    expect(declineMessage(new ApiError(409, null))).toBeNull();
    expect(declineMessage(new TypeError('offline'))).toBeNull();
  });
});
