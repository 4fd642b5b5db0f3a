import type { CardInput, DeclineCode } from '@aiparksit/shared';

export interface ChargeRequest {
  amountCents: number;
  currency: string;
  card: CardInput;
  /** Our reference for the charge (the processor's idempotency key where it has one). */
  reference: string;
}

export type ChargeOutcome =
  | { ok: true; providerRef: string; cardBrand: string; cardLast4: string }
  | { ok: false; code: DeclineCode; reason: string; cardBrand: string | null; cardLast4: string | null };

export interface RefundRequest {
  providerRef: string;
  amountCents: number;
  currency: string;
}

/**
 * A card processor. Only brand and last four digits come back; the number and CVC never leave
 * the request that carried them.
 */
export interface PaymentProvider {
  readonly name: string;
  /** True when no real money moves (the SPA labels such payments "test mode"). */
  readonly testMode: boolean;
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  refund(request: RefundRequest): Promise<{ refundRef: string }>;
}

/** Injection token of the configured provider. */
export const PAYMENT_PROVIDER = Symbol('PaymentProvider');
