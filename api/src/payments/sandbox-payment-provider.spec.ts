import { SANDBOX_TEST_CARDS } from '@aiparksit/shared';
import { SandboxPaymentProvider } from './sandbox-payment-provider.js';

const provider = new SandboxPaymentProvider(() => new Date('2030-01-15T12:00:00Z'));
const charge = (number: string, more: Partial<{ expMonth: number; expYear: number; cvc: string }> = {}) =>
  provider.charge({ amountCents: 1200, currency: 'EUR', reference: 'r', card: { number, expMonth: 12, expYear: 2031, cvc: '123', ...more } });

describe('SandboxPaymentProvider', () => {
  it('charges the success test cards and tells only brand and last four digits', async () => {
    const visa = await charge(SANDBOX_TEST_CARDS.succeeds);
    expect(visa).toEqual({ ok: true, providerRef: expect.stringMatching(/^sbx_ch_/), cardBrand: 'visa', cardLast4: '4242' });
    expect(await charge(SANDBOX_TEST_CARDS.succeedsMastercard)).toMatchObject({ ok: true, cardBrand: 'mastercard', cardLast4: '4444' });
  });

  it.each([
    [SANDBOX_TEST_CARDS.declined, 'card_declined'],
    [SANDBOX_TEST_CARDS.insufficientFunds, 'insufficient_funds'],
    [SANDBOX_TEST_CARDS.processingError, 'processing_error'],
  ])('answers test card %s with %s and its own reason', async (number, code) => {
    const outcome = await charge(number);
    expect(outcome).toMatchObject({ ok: false, code, reason: expect.any(String) });
  });

  it('refuses a number failing the Luhn check', async () => {
    expect(await charge('4242424242424241')).toMatchObject({ ok: false, code: 'incorrect_number', cardLast4: null });
  });

  it('refuses an expired card and an impossible month', async () => {
    expect(await charge(SANDBOX_TEST_CARDS.succeeds, { expMonth: 12, expYear: 2029 })).toMatchObject({ ok: false, code: 'expired_card' });
    // Decades ahead is a typing error, and past JavaScript's date range it would never expire at all.
    for (const expYear of [2080, 275_761, Number.MAX_SAFE_INTEGER]) {
      expect(await charge(SANDBOX_TEST_CARDS.succeeds, { expMonth: 12, expYear })).toMatchObject({ ok: false, code: 'expired_card' });
    }
    expect(await charge(SANDBOX_TEST_CARDS.succeeds, { expMonth: 13 })).toMatchObject({ ok: false, code: 'expired_card' });
  });

  it('wants a 3-digit CVC (4 for American Express)', async () => {
    expect(await charge(SANDBOX_TEST_CARDS.succeeds, { cvc: '12' })).toMatchObject({ ok: false, code: 'incorrect_cvc' });
    expect(await charge(SANDBOX_TEST_CARDS.succeeds, { cvc: '12a' })).toMatchObject({ ok: false, code: 'incorrect_cvc' });
    expect(await charge('378282246310005', { cvc: '123' })).toMatchObject({ ok: false, code: 'incorrect_cvc' });
    expect(await charge('378282246310005', { cvc: '1234' })).toMatchObject({ ok: true, cardBrand: 'amex' });
  });
});
