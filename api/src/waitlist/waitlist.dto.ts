import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import {
  SPACE_TYPES,
  WAITLIST_STATUSES,
  type JoinWaitlistRequest,
  type SpaceType,
  type WaitlistEntryList,
  type WaitlistEntryView,
  type WaitlistStatus,
} from '@aiparksit/shared';

export class JoinWaitlistDto implements JoinWaitlistRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() facilityId: string;
  @ApiProperty({ enum: SPACE_TYPES }) @IsIn(SPACE_TYPES) spaceType: SpaceType;
  @ApiProperty({ format: 'date-time', example: '2030-05-01T08:00:00Z' }) @IsISO8601({ strict: true }) start: string;
  @ApiProperty({ format: 'date-time', example: '2030-05-01T12:00:00Z' }) @IsISO8601({ strict: true }) end: string;

  @ApiProperty({ example: 'B-AB 123', description: 'As for a booking: 2–10 letters, digits, spaces or dashes.' })
  @IsString()
  @Length(1, 32)
  vehiclePlate: string;
}

class WaitlistFacilityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() addressLine: string;
  @ApiProperty() city: string;
  @ApiProperty() timeZone: string;
}

class WaitlistBookingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ description: 'pending_payment while the offer holds; pay it with POST /api/payments.' }) status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) holdExpiresAt: string | null;
}

export class WaitlistEntryViewDto implements WaitlistEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: WAITLIST_STATUSES }) status: WaitlistStatus;
  @ApiProperty({ type: WaitlistFacilityDto }) facility: WaitlistFacilityDto;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty() vehiclePlate: string;
  @ApiProperty({ description: 'The price quoted on joining, which an offer holds.' }) amountCents: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: Number, nullable: true, description: 'While waiting: 1 for the first in line at this car park and space type.' })
  position: number | null;
  @ApiProperty({ type: WaitlistBookingDto, nullable: true, description: 'The held booking once a space was offered.' }) booking: WaitlistBookingDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) offeredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WaitlistEntryListDto implements WaitlistEntryList {
  @ApiProperty({ type: WaitlistEntryViewDto, isArray: true }) items: WaitlistEntryView[];
}
