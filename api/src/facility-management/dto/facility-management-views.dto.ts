import { ApiProperty } from '@nestjs/swagger';
import {
  BOOKING_STATUSES,
  SPACE_TYPES,
  type BlackoutCreated,
  type BlackoutList,
  type BlackoutView,
  type BlockingBooking,
  type BookingStatus,
  type ManagedFacility,
  type ManagedSpace,
  type ManagedSpaceList,
  type OpeningHours,
  type BulkSpaceChangeResult,
  type OperatorBookingDetail,
  type OperatorBookingExtension,
  type OperatorBookingPage,
  type OperatorBookingPayment,
  type OperatorBookingRefund,
  type OperatorBookingRow,
  type OperatorFacilityList,
  type OperatorFacilityRow,
  type SpaceType,
} from '@aiparksit/shared';
import { FacilitySummaryDto, RateViewDto } from '../../facilities/index.js';

// OpenAPI shapes of the facility-management responses; each implements its shared contract type.

/** Spaces of one type: an operator always sees the exact count (the marketplace's may be coarse). */
export class ManagedSpaceCountDto {
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty() count: number;
}

export class ManagedFacilityDto extends FacilitySummaryDto implements ManagedFacility {
  @ApiProperty({ format: 'uuid' }) operatorId: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'null: open 24/7.' }) openingHours: OpeningHours;
  @ApiProperty() minDurationMinutes: number;
  @ApiProperty() maxDurationMinutes: number;
  @ApiProperty({ type: [RateViewDto] }) rates: RateViewDto[];
  @ApiProperty({ type: [ManagedSpaceCountDto], description: 'Active spaces per type.' }) spaces: { spaceType: SpaceType; count: number }[];
  @ApiProperty({ type: [ManagedSpaceCountDto] }) inactiveSpaces: { spaceType: SpaceType; count: number }[];
  @ApiProperty() published: boolean;
  @ApiProperty({ description: 'Published and of an approved operator: shown in the marketplace.' }) listed: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class NextBookingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
}

export class ManagedSpaceDto implements ManagedSpace {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'STANDARD-001' }) label: string;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: NextBookingDto, nullable: true }) nextBooking: NextBookingDto | null;
}

export class ManagedSpaceListDto implements ManagedSpaceList {
  @ApiProperty({ type: [ManagedSpaceDto] }) results: ManagedSpaceDto[];
}

export class BlockingBookingDto implements BlockingBooking {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ format: 'uuid' }) spaceId: string;
  @ApiProperty() spaceLabel: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
}

export class BlackoutViewDto implements BlackoutView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ enum: SPACE_TYPES, nullable: true }) spaceType: SpaceType | null;
  @ApiProperty({ type: [String], nullable: true }) spaceIds: string[] | null;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BlackoutCreatedDto implements BlackoutCreated {
  @ApiProperty({ type: BlackoutViewDto }) blackout: BlackoutViewDto;
  @ApiProperty({ type: [BlockingBookingDto], description: 'Live bookings inside the blackout; they are kept.' }) bookingsInside: BlockingBookingDto[];
}

export class BlackoutListDto implements BlackoutList {
  @ApiProperty({ type: [BlackoutViewDto] }) results: BlackoutViewDto[];
}

export class OperatorFacilityRowDto implements OperatorFacilityRow {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() city: string;
  @ApiProperty() published: boolean;
  @ApiProperty() listed: boolean;
  @ApiProperty() activeSpaces: number;
  @ApiProperty() inactiveSpaces: number;
  @ApiProperty() upcomingBookings: number;
  @ApiProperty() currentBlackouts: number;
}

export class OperatorFacilityListDto implements OperatorFacilityList {
  @ApiProperty({ type: [OperatorFacilityRowDto] }) results: OperatorFacilityRowDto[];
}

export class OperatorBookingRowDto implements OperatorBookingRow {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() facilityName: string;
  @ApiProperty({ example: 'Europe/Berlin' }) facilityTimeZone: string;
  @ApiProperty() spaceLabel: string;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
  @ApiProperty() vehiclePlate: string;
  @ApiProperty() amountCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OperatorBookingPageDto implements OperatorBookingPage {
  @ApiProperty({ type: [OperatorBookingRowDto] }) results: OperatorBookingRowDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OperatorBookingPaymentDto implements OperatorBookingPayment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['booking', 'extension'] }) purpose: 'booking' | 'extension';
  @ApiProperty({ enum: ['succeeded', 'declined', 'failed', 'refunded', 'partially_refunded'] }) status: OperatorBookingPayment['status'];
  @ApiProperty() amountCents: number;
  @ApiProperty() refundedCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ type: String, nullable: true, example: 'visa' }) cardBrand: string | null;
  @ApiProperty({ type: String, nullable: true, example: '4242' }) cardLast4: string | null;
  @ApiProperty({ description: 'Taken by the sandbox (test-mode) provider.' }) testMode: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'card_declined' }) failureCode: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OperatorBookingRefundDto implements OperatorBookingRefund {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) paymentId: string | null;
  @ApiProperty({ description: 'Positive: the amount given back.' }) amountCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ format: 'date-time' }) refundedAt: string;
}

export class OperatorBookingExtensionDto implements OperatorBookingExtension {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) previousEnd: string;
  @ApiProperty({ format: 'date-time' }) newEnd: string;
  @ApiProperty() amountCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: ['pending_payment', 'confirmed', 'expired'] }) status: OperatorBookingExtension['status'];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OperatorBookingDetailDto extends OperatorBookingRowDto implements OperatorBookingDetail {
  @ApiProperty() facilityCity: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) holdExpiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: [OperatorBookingPaymentDto] }) payments: OperatorBookingPaymentDto[];
  @ApiProperty({ type: [OperatorBookingRefundDto] }) refunds: OperatorBookingRefundDto[];
  @ApiProperty({ type: [OperatorBookingExtensionDto] }) extensions: OperatorBookingExtensionDto[];
}

export class BulkSpaceChangeResultDto implements BulkSpaceChangeResult {
  @ApiProperty({ description: 'Spaces whose state this request changed.' }) changed: number;
  @ApiProperty({ description: 'Spaces already in the asked state (a repeated request changes nothing).' }) unchanged: number;
  @ApiProperty({ type: ManagedSpaceListDto }) spaces: ManagedSpaceListDto;
}
