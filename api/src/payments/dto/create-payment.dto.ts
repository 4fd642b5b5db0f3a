import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { SANDBOX_TEST_CARDS, type CardInput, type CreatePaymentRequest } from '@aiparksit/shared';

/**
 * Shape only: whether the number, expiry and CVC are good is the card processor's answer (a 402
 * with its decline code), as it would be with a real processor.
 */
export class CardDto implements CardInput {
  @ApiProperty({ example: SANDBOX_TEST_CARDS.succeeds, description: 'Never stored: only brand and last 4 digits are kept.' })
  @IsString()
  @Length(1, 32)
  number: string;

  @ApiProperty({ example: 12, minimum: 1, maximum: 12 }) @IsInt() expMonth: number;
  @ApiProperty({ example: 2031 }) @IsInt() expYear: number;
  @ApiProperty({ example: '123', description: 'Never stored.' }) @IsString() @Length(1, 8) cvc: string;

  @ApiPropertyOptional({ example: 'A. Driver' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  holderName?: string;
}

export class CreatePaymentDto implements CreatePaymentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() bookingId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Pay for this extension of the booking instead of the booking itself.' })
  @IsOptional()
  @IsUUID()
  extensionId?: string;

  @ApiProperty({ type: CardDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CardDto)
  card: CardDto;
}
