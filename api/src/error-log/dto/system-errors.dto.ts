import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ERROR_SERVICES, type ErrorService, type SystemErrorGroup, type SystemErrorsPage } from '@aiparksit/shared';

/** The window is kept at most this long (ERROR_LOG_RETENTION_DAYS may keep rows longer). */
export const MAX_ERROR_WINDOW_HOURS = 7 * 24;

/** `?hours=24&service=API&critical=true&limit=100` */
export class SystemErrorsQuery {
  @ApiPropertyOptional({ default: 24, minimum: 1, maximum: MAX_ERROR_WINDOW_HOURS, description: 'The window, in hours (counted by whole UTC hours).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ERROR_WINDOW_HOURS)
  hours: number = 24;

  @ApiPropertyOptional({ enum: ERROR_SERVICES })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsIn(ERROR_SERVICES)
  service?: ErrorService;

  @ApiPropertyOptional({ type: Boolean, description: 'Only critical groups (true) or only the others (false).' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value))
  @IsBoolean()
  critical?: boolean;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500, description: 'Most groups answered (the newest).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

export class ErrorDurationDto {
  @ApiProperty() mean: number;
  @ApiProperty() max: number;
}

export class SystemErrorGroupDto implements SystemErrorGroup {
  @ApiProperty() fingerprint: string;
  @ApiProperty({ enum: ERROR_SERVICES }) service: ErrorService;
  @ApiProperty({ example: '500 Error' }) type: string;
  @ApiProperty() message: string;
  @ApiProperty({ description: 'Occurrences in the window, over all instances.' }) count: number;
  @ApiProperty({ format: 'date-time' }) firstAt: string;
  @ApiProperty({ format: 'date-time' }) lastAt: string;
  @ApiProperty({ type: String, nullable: true }) lastRequestId: string | null;
  @ApiProperty({ type: String, nullable: true }) lastInstance: string | null;
  @ApiProperty() critical: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) lastRoute?: string | null;
  @ApiPropertyOptional({ type: ErrorDurationDto, nullable: true, description: 'Slow queries: mean and largest duration (ms).' })
  durationMs?: ErrorDurationDto | null;
}

export class SystemErrorsPageDto implements SystemErrorsPage {
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ type: SystemErrorGroupDto, isArray: true }) items: SystemErrorGroupDto[];
  @ApiProperty() totalGroups: number;
}
