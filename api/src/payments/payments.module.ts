import { Module } from '@nestjs/common';
import { AppConfig } from '../config/index.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './payment-provider.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsRepository } from './payments.repository.js';
import { PaymentsService } from './payments.service.js';
import { SandboxPaymentProvider } from './sandbox-payment-provider.js';

function paymentProviderFor(config: AppConfig): PaymentProvider {
  switch (config.values.paymentProvider) {
    case 'sandbox':
      return new SandboxPaymentProvider();
  }
}

@Module({
  controllers: [PaymentsController],
  providers: [PaymentsService, PaymentsRepository, { provide: PAYMENT_PROVIDER, useFactory: paymentProviderFor, inject: [AppConfig] }],
  exports: [PaymentsService],
})
export class PaymentsModule {}
