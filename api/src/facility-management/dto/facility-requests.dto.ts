import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AMENITIES,
  BULK_SPACES_MAX,
  RATE_LIMITS,
  SPACE_TYPES,
  WEEKDAYS,
  type Amenity,
  type BulkSpaceChangeRequest,
  type CreateFacilityRequest,
  type OpeningHours,
  type RateInput,
  type RateMultiplier,
  type SpaceCounts,
  type SpaceType,
  type Weekday,
} from '@aiparksit/shared';

/** Spaces added in one request, per type; a facility this size is already a very large car park. */
export const MAX_SPACES_PER_TYPE_PER_REQUEST = 2000;

export class LocationDto {
  @ApiProperty({ example: 52.52 }) @IsLatitude() lat: number;
  @ApiProperty({ example: 13.405 }) @IsLongitude() lng: number;
}

export class SpaceCountsDto implements SpaceCounts {
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_SPACES_PER_TYPE_PER_REQUEST) standard?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_SPACES_PER_TYPE_PER_REQUEST) ev?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_SPACES_PER_TYPE_PER_REQUEST) accessible?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_SPACES_PER_TYPE_PER_REQUEST) oversize?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_SPACES_PER_TYPE_PER_REQUEST) motorcycle?: number;
}

/** Shape and range only; the times' format and meaning are checked by the service (`rateMultiplierErrors`). */
export class RateMultiplierDto implements RateMultiplier {
  @ApiProperty({ enum: WEEKDAYS, isArray: true, example: ['mon', 'tue'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEEKDAYS.length)
  @ArrayUnique()
  @IsIn(WEEKDAYS, { each: true })
  days: Weekday[];

  @ApiProperty({ example: '07:00', description: 'Local "HH:MM".' }) @IsString() @MaxLength(5) from: string;
  @ApiProperty({ example: '10:00', description: 'Local "HH:MM"; "24:00" ends at midnight.' }) @IsString() @MaxLength(5) to: string;

  @ApiProperty({ minimum: RATE_LIMITS.multiplierMin, maximum: RATE_LIMITS.multiplierMax, example: 1.5 })
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: RATE_LIMITS.multiplierDecimals },
    { message: `multiplier must be a number with at most ${RATE_LIMITS.multiplierDecimals} decimals` },
  )
  @Min(RATE_LIMITS.multiplierMin)
  @Max(RATE_LIMITS.multiplierMax)
  multiplier: number;
}

export class RateInputDto implements RateInput {
  @ApiProperty({ enum: SPACE_TYPES }) @IsIn(SPACE_TYPES) spaceType: SpaceType;
  @ApiProperty({ minimum: 0, maximum: RATE_LIMITS.hourlyCentsMax, example: 300 }) @IsInt() @Min(0) @Max(RATE_LIMITS.hourlyCentsMax) hourlyCents: number;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: RATE_LIMITS.dailyMaxCentsMax, example: 2400 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(RATE_LIMITS.dailyMaxCentsMax)
  dailyMaxCents: number | null;

  @ApiProperty({ type: [RateMultiplierDto], maxItems: RATE_LIMITS.multipliersPerRate })
  @IsArray()
  @ArrayMaxSize(RATE_LIMITS.multipliersPerRate)
  @ValidateNested({ each: true })
  @Type(() => RateMultiplierDto)
  multipliers: RateMultiplierDto[];
}

export class CreateFacilityDto implements CreateFacilityRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Admins only: the operator the facility belongs to.' })
  @IsOptional()
  @IsUUID()
  operatorId?: string;

  @ApiProperty({ example: 'Central Garage' }) @IsString() @Length(1, 160) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ example: 'Alexanderplatz 1' }) @IsString() @Length(1, 200) addressLine: string;
  @ApiProperty({ example: 'Berlin' }) @IsString() @Length(1, 120) city: string;
  @ApiPropertyOptional({ example: '10178' }) @IsOptional() @IsString() @MaxLength(20) postalCode?: string;
  @ApiProperty({ example: 'DE' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code (two capital letters)' })
  countryCode: string;

  @ApiProperty({ type: LocationDto })
  @ValidateNested()
  @Type(() => LocationDto)
  location: LocationDto;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone.' }) @IsString() @Length(1, 64) timeZone: string;
  @ApiProperty({ example: 'EUR' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code (three capital letters)' })
  currency: string;

  @ApiPropertyOptional({
    type: 'object',
    nullable: true,
    description: 'null: open 24/7. Otherwise { "mon": [["07:00","22:00"]], … }.',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  openingHours?: OpeningHours;

  @ApiPropertyOptional({ enum: AMENITIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AMENITIES.length)
  @IsIn(AMENITIES, { each: true })
  amenities?: Amenity[];
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 100, maximum: 1000 }) @IsOptional() @IsInt() @Min(100) @Max(1000) heightLimitCm?: number | null;

  @ApiPropertyOptional({ type: [String], description: 'https URLs.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { each: true, message: 'each photo must be an https URL' })
  photos?: string[];

  @ApiPropertyOptional({ minimum: 5, maximum: 1440, default: 30 }) @IsOptional() @IsInt() @Min(5) @Max(1440) minDurationMinutes?: number;
  @ApiPropertyOptional({ minimum: 30, maximum: 43200, default: 43200 }) @IsOptional() @IsInt() @Min(30) @Max(43_200) maxDurationMinutes?: number;

  @ApiProperty({ type: [RateInputDto], description: 'One per space type; every type with spaces needs one.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SPACE_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => RateInputDto)
  rates: RateInputDto[];

  @ApiProperty({ type: SpaceCountsDto, example: { standard: 40, ev: 6 } })
  @ValidateNested()
  @Type(() => SpaceCountsDto)
  spaces: SpaceCountsDto;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() published?: boolean;
}

/** Any subset of the creation fields except spaces (added with their own route) and the operator. */
export class UpdateFacilityDto extends PartialType(OmitType(CreateFacilityDto, ['spaces', 'operatorId'] as const)) {}

export class PublishedDto {
  @ApiProperty() @IsBoolean() published: boolean;
}

export class ReplaceRatesDto {
  @ApiProperty({ type: [RateInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SPACE_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => RateInputDto)
  rates: RateInputDto[];
}

export class BulkSpaceChangeDto implements BulkSpaceChangeRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: BULK_SPACES_MAX, description: 'Spaces of this facility.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_SPACES_MAX)
  @IsUUID('all', { each: true })
  spaceIds: string[];
}
