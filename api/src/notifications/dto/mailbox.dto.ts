import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PAGE_SIZE_MAX, type MailboxMessage, type MailboxQuery, type OutboxReceipt, type Page } from '@aiparksit/shared';

export class MailboxQueryDto implements MailboxQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  pageSize: number = 20;

  @ApiPropertyOptional({ description: 'Only messages to this address (case-insensitive).' })
  @IsOptional()
  @IsEmail()
  to?: string;
}

export class MailboxMessageDto implements MailboxMessage {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'Inline images are data URIs, so the HTML renders as it is.' }) html: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
}

export class MailboxPageDto implements Page<MailboxMessage> {
  @ApiProperty({ type: MailboxMessageDto, isArray: true }) items: MailboxMessageDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class OutboxReceiptDto implements OutboxReceipt {
  @ApiProperty() outboxId: string;
  @ApiProperty({ enum: ['pending', 'sent', 'failed'] }) status: OutboxReceipt['status'];
}
