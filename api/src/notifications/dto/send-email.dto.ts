import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import {
  EMAIL_TEMPLATES,
  METRICS_COMPARISONS,
  REPORT_TYPES,
  type EmailTemplate,
  type MetricsComparison,
  type ReportType,
  type SendEmailRequest,
} from '@aiparksit/shared';

export const NOTICE_SUBJECT_MAX_LENGTH = 200;
export const NOTICE_MESSAGE_MAX_LENGTH = 10_000;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The report of an `investor-report` email, checked as `POST /api/reports/export` checks its query. */
export class InvestorReportDto implements NonNullable<SendEmailRequest['report']> {
  @ApiProperty({ enum: REPORT_TYPES })
  @IsIn(REPORT_TYPES, { message: `type must be one of: ${REPORT_TYPES.join(', ')}` })
  type: ReportType;

  @ApiProperty({ description: 'First local date of the period (YYYY-MM-DD), included.', example: '2026-11-01' })
  @Matches(LOCAL_DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'from must be a real calendar date' })
  from: string;

  @ApiProperty({ description: 'Last local date of the period (YYYY-MM-DD), included.', example: '2026-11-30' })
  @Matches(LOCAL_DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'to must be a real calendar date' })
  to: string;

  @ApiPropertyOptional({ enum: METRICS_COMPARISONS, default: 'previous_period' })
  @IsOptional()
  @IsIn(METRICS_COMPARISONS, { message: `comparison must be one of: ${METRICS_COMPARISONS.join(', ')}` })
  comparison?: MetricsComparison;
}

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

  @ApiPropertyOptional({ type: InvestorReportDto, description: 'For investor-report: the report to render as a PDF and attach.' })
  @ValidateIf((o: SendEmailDto) => o.template === 'investor-report')
  @IsDefined({ message: 'report is required for investor-report' })
  @ValidateNested()
  @Type(() => InvestorReportDto)
  report?: InvestorReportDto;
}
