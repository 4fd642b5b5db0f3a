import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { EMAIL_TEMPLATES, type EmailTemplate, type SendEmailRequest } from '@aiparksit/shared';

export const NOTICE_SUBJECT_MAX_LENGTH = 200;
export const NOTICE_MESSAGE_MAX_LENGTH = 10_000;

export class SendEmailDto implements SendEmailRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ enum: EMAIL_TEMPLATES })
  @IsIn(EMAIL_TEMPLATES, { message: `template must be one of: ${EMAIL_TEMPLATES.join(', ')}` })
  template: EmailTemplate;

  @ApiPropertyOptional({ description: 'For account_notice.', maxLength: NOTICE_SUBJECT_MAX_LENGTH })
  @ValidateIf((o: SendEmailDto) => o.template === 'account_notice')
  @IsString()
  @Length(1, NOTICE_SUBJECT_MAX_LENGTH)
  subject?: string;

  @ApiPropertyOptional({ description: 'For account_notice: plain text, paragraphs separated by blank lines.', maxLength: NOTICE_MESSAGE_MAX_LENGTH })
  @ValidateIf((o: SendEmailDto) => o.template === 'account_notice')
  @IsString()
  @Length(1, NOTICE_MESSAGE_MAX_LENGTH)
  message?: string;

  @ApiPropertyOptional({ description: 'For booking_confirmation: a confirmed booking of the user.', format: 'uuid' })
  @ValidateIf((o: SendEmailDto) => o.template === 'booking_confirmation')
  @IsUUID('all', { message: 'bookingId must be a UUID' })
  bookingId?: string;
}
