import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import {
  BOOKING_STATUSES,
  OPERATOR_BOOKING_SORT_DEFAULT,
  OPERATOR_BOOKING_SORTS,
  type BookingStatus,
  type OperatorBookingQuery,
  type OperatorBookingSort,
} from '@aiparksit/shared';

export const OPERATOR_BOOKINGS_LIMIT_MAX = 100;
export const OPERATOR_BOOKINGS_LIMIT_DEFAULT = 50;

const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class OperatorBookingQueryDto implements OperatorBookingQuery {
  @ApiPropertyOptional({
    enum: OPERATOR_BOOKING_SORTS,
    default: OPERATOR_BOOKING_SORT_DEFAULT,
    description: 'created_desc: newest booking first (a booking just made is on page 1); start_*: by the start of the stay.',
  })
  @IsOptional()
  @IsIn(OPERATOR_BOOKING_SORTS)
  sort?: OperatorBookingSort;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
  @ApiPropertyOptional({ enum: BOOKING_STATUSES }) @IsOptional() @IsIn(BOOKING_STATUSES) status?: BookingStatus;
  @ApiPropertyOptional({ format: 'date-time', description: 'Bookings whose period overlaps [from, to).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'A booking code, or a vehicle plate or its beginning.' }) @IsOptional() @Trim() @IsString() @Length(1, 40) q?: string;
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' }) @IsOptional() @IsString() @MaxLength(512) cursor?: string;

  @ApiPropertyOptional({ default: OPERATOR_BOOKINGS_LIMIT_DEFAULT, minimum: 1, maximum: OPERATOR_BOOKINGS_LIMIT_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(OPERATOR_BOOKINGS_LIMIT_MAX)
  limit?: number;
}
