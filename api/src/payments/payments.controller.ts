import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiPaymentRequiredResponse, ApiTags } from '@nestjs/swagger';
import type { CreatePaymentRequest, PaymentView } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, type Principal, Roles } from '../access/index.js';
import { Idempotent, IdempotencyKey } from '../common/idempotency/index.js';
import { digitsOf } from './card.js';
import { CreatePaymentDto } from './dto/create-payment.dto.js';
import { PaymentViewDto } from './dto/payment-view.dto.js';
import { PaymentsService } from './payments.service.js';

/** The idempotency fingerprint of a payment: never the card number or CVC, not even hashed. */
export function paymentFingerprint(body: unknown): unknown {
  const request = (body ?? {}) as Partial<CreatePaymentRequest>;
  const card = (request.card ?? {}) as Partial<CreatePaymentRequest['card']>;
  const number = typeof card.number === 'string' ? digitsOf(card.number) : '';
  return {
    bookingId: request.bookingId,
    extensionId: request.extensionId,
    card: { last4: number.slice(-4), length: number.length, expMonth: card.expMonth, expYear: card.expYear },
  };
}

@ApiTags('payments')
@ApiBearerAuth()
@Roles('driver')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @HttpCode(201)
  @Idempotent({ fingerprint: paymentFingerprint })
  @ApiCreatedResponse({ type: PaymentViewDto, description: 'Paid: the booking (or extension) is confirmed.' })
  @ApiPaymentRequiredResponse({ description: 'The card was refused; `details.code` says why. The hold stays until it lapses.' })
  @ApiConflictResponse({ description: 'Already paid, or the hold has lapsed.' })
  pay(@CurrentPrincipal() principal: Principal, @Body() body: CreatePaymentDto, @IdempotencyKey() idempotencyKey: string): Promise<PaymentView> {
    return this.payments.pay(requireUser(principal), body, idempotencyKey);
  }
}
