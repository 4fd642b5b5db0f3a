import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/http/index.js';
import {
  BOOKING_LIST_FILTERS,
  SPACE_TYPES,
  type BookingListFilter,
  type BookingListQuery,
  type CreateBookingRequest,
  type ExtendBookingRequest,
  type SpaceType,
  type UpdateVehicleRequest,
} from '@aiparksit/shared';

export class CreateBookingDto implements CreateBookingRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() facilityId: string;
  @ApiProperty({ format: 'date-time', example: '2030-05-01T08:00:00Z' }) @IsISO8601({ strict: true }) start: string;
  @ApiProperty({ format: 'date-time', example: '2030-05-01T12:00:00Z' }) @IsISO8601({ strict: true }) end: string;
  @ApiProperty({ enum: SPACE_TYPES }) @IsIn(SPACE_TYPES) spaceType: SpaceType;

  @ApiProperty({ example: 'B-AB 123', description: '2–10 letters, digits, spaces or dashes; stored upper-case.' })
  @IsString()
  @Length(1, 32)
  vehiclePlate: string;
}

export class ExtendBookingDto implements ExtendBookingRequest {
  @ApiProperty({ format: 'date-time', description: 'The new, later end.' }) @IsISO8601({ strict: true }) end: string;
}

export class UpdateVehicleDto implements UpdateVehicleRequest {
  @ApiProperty({ example: 'M-XY 42' }) @IsString() @Length(1, 32) vehiclePlate: string;
}

export class BookingListQueryDto extends PageQueryDto implements BookingListQuery {
  @ApiPropertyOptional({ enum: BOOKING_LIST_FILTERS, default: 'all', description: 'all: upcoming first (soonest first), then the rest (latest first).' })
  @IsOptional()
  @IsIn(BOOKING_LIST_FILTERS)
  filter: BookingListFilter = 'all';
}
