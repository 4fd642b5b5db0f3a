/** Card details as the checkout form sends them. Only brand and last 4 digits are ever stored. */
export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  holderName?: string;
}

/** `POST /api/payments` (with an Idempotency-Key header): pays a booking hold or an extension. */
export interface CreatePaymentRequest {
  bookingId: string;
  /** Set to pay for an extension of the booking instead of the booking itself. */
  extensionId?: string;
  card: CardInput;
}

export type PaymentStatus = 'succeeded' | 'declined' | 'failed' | 'refunded' | 'partially_refunded';

export interface PaymentView {
  id: string;
  bookingId: string;
  status: PaymentStatus;
  amountCents: number;
  refundedCents: number;
  currency: string;
  cardBrand: string | null;
  cardLast4: string | null;
  testMode: boolean;
  createdAt: string;
}

/** Why a card was refused; also the `details.code` of the 402 answer. */
export const DECLINE_CODES = ['card_declined', 'insufficient_funds', 'expired_card', 'incorrect_number', 'incorrect_cvc', 'processing_error'] as const;
export type DeclineCode = (typeof DECLINE_CODES)[number];

/** Card numbers the sandbox provider answers predictably, as card processors' test modes do. */
export const SANDBOX_TEST_CARDS = {
  succeeds: '4242424242424242',
  succeedsMastercard: '5555555555554444',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  processingError: '4000000000000119',
} as const;
