import { ApiProperty } from '@nestjs/swagger';
import type { PaymentStatus, PaymentView } from '@aiparksit/shared';

export class PaymentViewDto implements PaymentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) bookingId: string;
  @ApiProperty({ enum: ['succeeded', 'declined', 'failed', 'refunded', 'partially_refunded'] }) status: PaymentStatus;
  @ApiProperty() amountCents: number;
  @ApiProperty() refundedCents: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ nullable: true, type: String, example: 'visa' }) cardBrand: string | null;
  @ApiProperty({ nullable: true, type: String, example: '4242' }) cardLast4: string | null;
  @ApiProperty({ description: 'Taken by the sandbox (test-mode) processor: no real money moved.' }) testMode: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
