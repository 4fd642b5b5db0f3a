import { accountNumberProblem, ibanProblem, maskPayoutAccount, routingNumberProblem } from './payout-account.js';

describe('ibanProblem', () => {
  it.each(['DE89 3704 0044 0532 0130 00', 'GB29NWBK60161331926819', 'nl91abna0417164300', 'CH93-0076-2011-6238-5295-7'])(
    'accepts the valid IBAN %s',
    (iban) => {
      expect(ibanProblem(iban)).toBeNull();
    },
  );

  it('rejects a single mistyped digit by the mod-97 check', () => {
    expect(ibanProblem('DE89370400440532013001')).toMatch(/check digits/);
  });

  it('rejects a wrong length for the country', () => {
    expect(ibanProblem('DE8937040044053201300')).toMatch(/22 characters/);
  });

  it('rejects an unknown country and garbage', () => {
    expect(ibanProblem('XX89370400440532013000')).toMatch(/not supported/);
    expect(ibanProblem('hello')).toMatch(/country code/);
  });
});

describe('routingNumberProblem', () => {
  it.each(['011000015', '021000021', '121000358'])('accepts the valid ABA routing number %s', (routing) => {
    expect(routingNumberProblem(routing)).toBeNull();
  });

  it('rejects a wrong checksum and a wrong length', () => {
    expect(routingNumberProblem('021000022')).toMatch(/checksum/);
    expect(routingNumberProblem('02100002')).toMatch(/9 digits/);
  });
});

describe('accountNumberProblem', () => {
  it('wants 4 to 17 digits', () => {
    expect(accountNumberProblem('123456789')).toBeNull();
    expect(accountNumberProblem('12a4')).not.toBeNull();
    expect(accountNumberProblem('123')).not.toBeNull();
  });
});

describe('maskPayoutAccount', () => {
  it('keeps country, bank code and last 4 of an IBAN, never the whole number', () => {
    const masked = maskPayoutAccount({ kind: 'iban', holderName: ' Acme GmbH ', iban: 'de89 3704 0044 0532 0130 00' });
    expect(masked).toEqual({ kind: 'iban', holderName: 'Acme GmbH', country: 'DE', bankHint: '37040044', last4: '3000', display: 'DE•• •••• 3000' });
    expect(JSON.stringify(masked)).not.toContain('0532013000');
  });

  it('keeps the routing number (it names the bank) and the last 4 of a US account', () => {
    const masked = maskPayoutAccount({ kind: 'us_ach', holderName: 'Acme Inc', routingNumber: '021000021', accountNumber: '000123456789' });
    expect(masked).toMatchObject({ kind: 'us_ach', country: 'US', bankHint: '021000021', last4: '6789', display: 'US ••••6789' });
    expect(JSON.stringify(masked)).not.toContain('123456789');
  });
});
