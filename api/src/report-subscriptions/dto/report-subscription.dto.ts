import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  METRICS_COMPARISONS,
  REPORT_TYPES,
  type CreateReportSubscriptionRequest,
  type MetricsComparison,
  type ReportSubscription,
  type ReportType,
} from '@aiparksit/shared';

export class CreateReportSubscriptionDto implements CreateReportSubscriptionRequest {
  @ApiProperty({ enum: REPORT_TYPES })
  @IsIn(REPORT_TYPES, { message: `type must be one of: ${REPORT_TYPES.join(', ')}` })
  type: ReportType;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone whose 1st of the month (06:00) triggers the email.' })
  @IsString()
  @Length(1, 64)
  timeZone: string;

  @ApiPropertyOptional({ enum: METRICS_COMPARISONS, default: 'previous_period' })
  @IsOptional()
  @IsIn(METRICS_COMPARISONS, { message: `comparison must be one of: ${METRICS_COMPARISONS.join(', ')}` })
  comparison?: MetricsComparison;
}

export class ReportSubscriptionDto implements ReportSubscription {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REPORT_TYPES }) type: ReportType;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone: string;
  @ApiProperty({ enum: METRICS_COMPARISONS }) comparison: MetricsComparison;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-11', description: 'Month of the last report sent.' }) lastSentMonth: string | null;
  @ApiProperty({ format: 'date-time' }) nextSendAt: string;
}
