import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import {
  BOOKING_STATUSES,
  PRICE_CENTS_MAX,
  SPACE_TYPES,
  type BookingStatus,
  type CancelPassResult,
  type CreatePassRequest,
  type OperatorPassOverview,
  type PassHolderView,
  type PassList,
  type PassMonthAvailability,
  type PassOfferList,
  type PassOfferView,
  type PassView,
  type SpaceType,
  type UpdatePassOfferRequest,
} from '@aiparksit/shared';
import { PASS_LIMIT_MAX } from './passes.service.js';

export class UpdatePassOfferDto implements UpdatePassOfferRequest {
  @ApiProperty({ minimum: 0, maximum: PASS_LIMIT_MAX, description: 'Passes sold per calendar month; 0 stops selling. At most the active spaces of the type.' })
  @IsInt()
  @Min(0)
  @Max(PASS_LIMIT_MAX)
  passLimit: number;

  @ApiProperty({ minimum: 1, maximum: PRICE_CENTS_MAX, description: 'Price of a whole calendar month, in cents of the facility’s currency.' })
  @IsInt()
  @Min(1)
  @Max(PRICE_CENTS_MAX)
  priceCents: number;
}

export class SpaceTypeParamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
  @ApiProperty({ enum: SPACE_TYPES }) @IsIn(SPACE_TYPES) spaceType: SpaceType;
}

export class CreatePassDto implements CreatePassRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() facilityId: string;
  @ApiProperty({ enum: SPACE_TYPES }) @IsIn(SPACE_TYPES) spaceType: SpaceType;

  @ApiProperty({ example: '2030-05', description: 'The calendar month at the facility: the current one (from now, pro rata) or one of the next two.' })
  @IsString()
  @Matches(/^\d{4}-\d{2}$/, { message: 'month must be YYYY-MM' })
  month: string;

  @ApiProperty({ example: 'B-AB 123', description: 'As for a booking: 2–10 letters, digits, spaces or dashes.' })
  @IsString()
  @Length(1, 32)
  vehiclePlate: string;
}

class PassMonthAvailabilityDto implements PassMonthAvailability {
  @ApiProperty({ example: '2030-05' }) month: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ description: 'What a pass bought now costs (pro rata for the rest of the current month).' }) priceCents: number;
  @ApiProperty() sold: number;
  @ApiProperty() left: number;
}

export class PassOfferViewDto implements PassOfferView {
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty() passLimit: number;
  @ApiProperty({ description: 'Price of a whole calendar month; 0 when no offer was ever set.' }) priceCents: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: PassMonthAvailabilityDto, isArray: true }) months: PassMonthAvailability[];
}

export class PassOfferListDto implements PassOfferList {
  @ApiProperty({ type: PassOfferViewDto, isArray: true }) items: PassOfferView[];
}

class PassFacilityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() addressLine: string;
  @ApiProperty() city: string;
  @ApiProperty() timeZone: string;
}

class PassBookingDto {
  @ApiProperty({ format: 'uuid', description: 'Pay the pass with POST /api/payments and this booking id.' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) holdExpiresAt: string | null;
}

export class PassViewDto implements PassView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2030-05' }) month: string;
  @ApiProperty({ enum: BOOKING_STATUSES, description: "The pass's booking's status." }) status: BookingStatus;
  @ApiProperty({ type: PassFacilityDto }) facility: PassFacilityDto;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty() vehiclePlate: string;
  @ApiProperty() amountCents: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: PassBookingDto }) booking: PassBookingDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() cancellableNow: boolean;
  @ApiProperty() refundableNowCents: number;
}

export class PassListDto implements PassList {
  @ApiProperty({ type: PassViewDto, isArray: true }) items: PassView[];
}

export class CancelPassResultDto implements CancelPassResult {
  @ApiProperty({ type: PassViewDto }) pass: PassView;
  @ApiProperty() refundedCents: number;
}

class PassHolderViewDto implements PassHolderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2030-05' }) month: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty() spaceLabel: string;
  @ApiProperty() driverName: string;
  @ApiProperty() vehiclePlate: string;
  @ApiProperty() bookingCode: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty() amountCents: number;
}

export class OperatorPassOverviewDto implements OperatorPassOverview {
  @ApiProperty({ type: PassOfferViewDto, isArray: true, description: 'One per space type of the facility, with or without an offer.' }) offers: PassOfferView[];
  @ApiProperty({ type: PassHolderViewDto, isArray: true, description: 'Held and paid passes from the current month on.' }) holders: PassHolderView[];
}
