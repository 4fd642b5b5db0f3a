import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  SERIES_MODES,
  SERIES_WEEKS_MAX,
  SERIES_WEEKS_MIN,
  SPACE_TYPES,
  type BookingSeriesList,
  type BookingSeriesPayment,
  type BookingSeriesPreview,
  type BookingSeriesPreviewRequest,
  type BookingSeriesView,
  type CancelBookingSeriesResult,
  type CreateBookingSeriesRequest,
  type PayBookingSeriesRequest,
  type SeriesMode,
  type SeriesOccurrencePreview,
  type SeriesOccurrenceRefusal,
  type SkippedOccurrence,
  type SpaceType,
  type WeeklyPattern,
} from '@aiparksit/shared';
import { BookingViewDto } from '../bookings/index.js';
import { CardDto } from '../payments/index.js';

export class BookingSeriesPreviewDto implements BookingSeriesPreviewRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() facilityId: string;
  @ApiProperty({ enum: SPACE_TYPES }) @IsIn(SPACE_TYPES) spaceType: SpaceType;

  @ApiProperty({ example: 'B-AB 123', description: 'As for a booking: 2–10 letters, digits, spaces or dashes.' })
  @IsString()
  @Length(1, 32)
  vehiclePlate: string;

  @ApiProperty({ type: Number, isArray: true, example: [1, 2, 3, 4, 5], description: 'ISO weekdays: 1 = Monday … 7 = Sunday.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays: number[];

  @ApiProperty({ example: '08:00', description: 'Local wall-clock time at the facility, HH:mm.' })
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be HH:mm' })
  startTime: string;

  @ApiProperty({ example: '18:00', description: 'Later than startTime on the same day.' })
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'endTime must be HH:mm' })
  endTime: string;

  @ApiProperty({ example: '2030-05-06', description: "The facility's local date the pattern starts on; not before its today." })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'firstDate must be YYYY-MM-DD' })
  firstDate: string;

  @ApiProperty({ minimum: SERIES_WEEKS_MIN, maximum: SERIES_WEEKS_MAX, example: 4 })
  @IsInt()
  @Min(SERIES_WEEKS_MIN)
  @Max(SERIES_WEEKS_MAX)
  weeks: number;
}

export class CreateBookingSeriesDto extends BookingSeriesPreviewDto implements CreateBookingSeriesRequest {
  @ApiProperty({ enum: SERIES_MODES, description: 'all: every occurrence or none; free: only the occurrences that can be booked.' })
  @IsIn(SERIES_MODES)
  mode: SeriesMode;
}

export class PayBookingSeriesDto implements PayBookingSeriesRequest {
  @ApiProperty({ type: CardDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CardDto)
  card: CardDto;
}

class RefusalDto implements SeriesOccurrenceRefusal {
  @ApiProperty({ example: 'no_space_available', description: "A booking rule's code, or no_space_available." }) code: string;
  @ApiProperty() message: string;
}

class OccurrencePreviewDto implements SeriesOccurrencePreview {
  @ApiProperty({ example: '2030-05-06' }) date: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty() free: boolean;
  @ApiProperty({ nullable: true, type: Number }) amountCents: number | null;
  @ApiProperty({ type: RefusalDto, nullable: true }) refusal: RefusalDto | null;
}

export class BookingSeriesPreviewViewDto implements BookingSeriesPreview {
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty() timeZone: string;
  @ApiProperty() currency: string;
  @ApiProperty({ type: OccurrencePreviewDto, isArray: true }) occurrences: OccurrencePreviewDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Mode all; null when some occurrence cannot be booked.' }) allTotalCents: number | null;
  @ApiProperty({ description: 'Mode free: the free occurrences only.' }) freeTotalCents: number;
  @ApiProperty() freeCount: number;
}

class WeeklyPatternDto implements WeeklyPattern {
  @ApiProperty({ type: Number, isArray: true }) weekdays: number[];
  @ApiProperty() startTime: string;
  @ApiProperty() endTime: string;
  @ApiProperty() firstDate: string;
  @ApiProperty() weeks: number;
}

class SkippedOccurrenceDto extends RefusalDto implements SkippedOccurrence {
  @ApiProperty() date: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
}

class SeriesFacilityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() addressLine: string;
  @ApiProperty() city: string;
  @ApiProperty() timeZone: string;
}

class SeriesPaymentDto implements BookingSeriesPayment {
  @ApiProperty() amountCents: number;
  @ApiProperty() refundedCents: number;
  @ApiProperty({ nullable: true, type: String }) cardBrand: string | null;
  @ApiProperty({ nullable: true, type: String }) cardLast4: string | null;
  @ApiProperty() testMode: boolean;
  @ApiProperty({ format: 'date-time' }) paidAt: string;
}

export class BookingSeriesViewDto implements BookingSeriesView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: SeriesFacilityDto }) facility: SeriesFacilityDto;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty() vehiclePlate: string;
  @ApiProperty({ type: WeeklyPatternDto }) pattern: WeeklyPatternDto;
  @ApiProperty({ enum: SERIES_MODES }) mode: SeriesMode;
  @ApiProperty({ description: 'The held occurrences’ price: what the one payment charges.' }) totalCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) holdExpiresAt: string | null;
  @ApiProperty({ type: BookingViewDto, isArray: true, description: 'Each held occurrence as an ordinary booking, earliest first.' })
  occurrences: BookingViewDto[];
  @ApiProperty({ type: SkippedOccurrenceDto, isArray: true }) skipped: SkippedOccurrenceDto[];
  @ApiProperty({ type: SeriesPaymentDto, nullable: true }) payment: SeriesPaymentDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BookingSeriesListDto implements BookingSeriesList {
  @ApiProperty({ type: BookingSeriesViewDto, isArray: true }) items: BookingSeriesViewDto[];
}

export class CancelBookingSeriesResultDto implements CancelBookingSeriesResult {
  @ApiProperty({ type: BookingSeriesViewDto }) series: BookingSeriesViewDto;
  @ApiProperty() cancelledCount: number;
  @ApiProperty() refundedCents: number;
}
