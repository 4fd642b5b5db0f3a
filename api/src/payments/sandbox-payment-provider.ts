import { randomBytes } from 'node:crypto';
import { SANDBOX_TEST_CARDS, type DeclineCode } from '@aiparksit/shared';
import { cardBrandOf, digitsOf, expiresTooFarAhead, isExpired, passesLuhn } from './card.js';
import type { ChargeOutcome, ChargeRequest, PaymentProvider, RefundRequest } from './payment-provider.js';

const DECLINING_CARDS: Record<string, { code: DeclineCode; reason: string }> = {
  [SANDBOX_TEST_CARDS.declined]: { code: 'card_declined', reason: 'The card was declined by its issuer.' },
  [SANDBOX_TEST_CARDS.insufficientFunds]: { code: 'insufficient_funds', reason: 'The card has insufficient funds for this payment.' },
  [SANDBOX_TEST_CARDS.processingError]: { code: 'processing_error', reason: 'The card could not be processed. Try again in a moment.' },
};

/**
 * A card processor in test mode, as the large processors offer one: checks a card the way a real
 * one would (Luhn, expiry, CVC), answers the published test numbers predictably, and lets any
 * other well-formed number succeed. No money moves.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  readonly testMode = true;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async charge({ card }: ChargeRequest): Promise<ChargeOutcome> {
    const digits = digitsOf(card.number);
    const valid = passesLuhn(digits);
    const cardBrand = valid ? cardBrandOf(digits) : null;
    const cardLast4 = valid ? digits.slice(-4) : null;
    const decline = (code: DeclineCode, reason: string): ChargeOutcome => ({ ok: false, code, reason, cardBrand, cardLast4 });

    if (!valid) return decline('incorrect_number', 'The card number is not valid.');
    if (
      !Number.isInteger(card.expMonth) ||
      card.expMonth < 1 ||
      card.expMonth > 12 ||
      !Number.isInteger(card.expYear) ||
      isExpired(card.expMonth, card.expYear, this.clock()) ||
      expiresTooFarAhead(card.expYear, this.clock())
    ) {
      return decline('expired_card', 'The card has expired or its expiry date is not valid.');
    }
    const cvcLength = cardBrand === 'amex' ? 4 : 3;
    if (!/^\d{3,4}$/.test(card.cvc) || card.cvc.length !== cvcLength) {
      return decline('incorrect_cvc', `The security code must be ${cvcLength} digits.`);
    }
    const scripted = DECLINING_CARDS[digits];
    if (scripted) return decline(scripted.code, scripted.reason);
    return { ok: true, providerRef: `sbx_ch_${randomBytes(12).toString('hex')}`, cardBrand: cardBrand!, cardLast4: cardLast4! };
  }

  async refund(_request: RefundRequest): Promise<{ refundRef: string }> {
    return { refundRef: `sbx_re_${randomBytes(12).toString('hex')}` };
  }
}
