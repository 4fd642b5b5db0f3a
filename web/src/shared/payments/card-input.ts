import type { CardInput, DeclineCode } from '@aiparksit/shared';
import { ApiError } from '../../lib/api-error';

/** What the card form holds, as typed. */
export interface CardFormValues {
  number: string;
  expiry: string;
  cvc: string;
  holderName: string;
}

/**
 * "MM/YY", "MM / YYYY" or "MMYY" → month and four-digit year. Anything else becomes 0/0, which the
 * server rejects with a field message: the server is the one judge of a card.
 */
export function parseExpiry(text: string): { expMonth: number; expYear: number } {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return { expMonth: 0, expYear: 0 };
  const year = Number(match[2]);
  return { expMonth: Number(match[1]), expYear: year < 100 ? 2000 + year : year };
}

export function toCardInput(values: CardFormValues): CardInput {
  const holderName = values.holderName.trim();
  return {
    number: values.number.replace(/[\s-]/g, ''),
    ...parseExpiry(values.expiry),
    cvc: values.cvc.trim(),
    ...(holderName ? { holderName } : {}),
  };
}

/** "4242 4242 4242 4242": groups of four while typing, as printed on the card. */
export function groupCardNumber(text: string): string {
  return text
    .replace(/\D/g, '')
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

const DECLINE_MESSAGES: Record<DeclineCode, string> = {
  card_declined: 'Your card was declined by the bank. Please use another card.',
  insufficient_funds: 'The card has insufficient funds for this payment. Please use another card.',
  expired_card: 'The card has expired. Check the expiry date or use another card.',
  incorrect_number: 'The card number is not valid. Check the number and try again.',
  incorrect_cvc: 'The security code (CVC) does not match the card. Check it and try again.',
  processing_error: 'The card could not be processed just now. Nothing was charged; please try again.',
};

/** The decline code of a 402 answer, when the payment was refused. */
export function declineCodeOf(error: unknown): DeclineCode | null {
  if (!(error instanceof ApiError) || error.status !== 402) return null;
  const details = error.envelope?.details;
  const code = details && !Array.isArray(details) ? details['code'] : undefined;
  return typeof code === 'string' && code in DECLINE_MESSAGES ? (code as DeclineCode) : null;
}

/** A clear sentence for a refused card; null when the error is not a decline. */
export function declineMessage(error: unknown): string | null {
  const code = declineCodeOf(error);
  if (code) return DECLINE_MESSAGES[code];
  if (error instanceof ApiError && error.status === 402) return error.message || DECLINE_MESSAGES.card_declined;
  return null;
}
