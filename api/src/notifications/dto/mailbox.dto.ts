import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional } from 'class-validator';
import type { MailboxAttachment, MailboxMessage, MailboxQuery, OutboxReceipt, Page } from '@aiparksit/shared';
import { PageQueryDto } from '../../common/http/index.js';

export class MailboxQueryDto extends PageQueryDto implements MailboxQuery {
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
  @ApiProperty({ type: () => MailboxAttachmentDto, isArray: true }) attachments: MailboxAttachmentDto[];
}

export class MailboxAttachmentDto implements MailboxAttachment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() filename: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
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
