/** Payments: card charges through a PaymentProvider (the sandbox by default), refunds, the ledger. */
export { PaymentsModule } from './payments.module.js';
export { PaymentsService, type RefundTarget } from './payments.service.js';
export { PaymentsException, type PaymentsErrorCode } from './payments.exception.js';
export { PAYMENT_PROVIDER, type PaymentProvider, type ChargeOutcome, type ChargeRequest, type RefundRequest } from './payment-provider.js';
export { SandboxPaymentProvider } from './sandbox-payment-provider.js';
export { splitGross, type LedgerSplit } from './platform-fee.js';
export { paymentFingerprint } from './payments.controller.js';
export { CardDto } from './dto/create-payment.dto.js';
