import { ApiProperty } from '@nestjs/swagger';
import {
  BOOKING_LIST_FILTERS,
  BOOKING_STATUSES,
  SPACE_TYPES,
  type BookingExtensionView,
  type BookingList,
  type BookingListFilter,
  type BookingPaymentLine,
  type BookingRefundLine,
  type BookingPaymentSummary,
  type BookingStatus,
  type BookingView,
  type CancelBookingResult,
  type CancellationTerms,
  type SpaceType,
} from '@aiparksit/shared';

class BookingFacilityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() addressLine: string;
  @ApiProperty() city: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone: string;
}

class CancellationTermsDto implements CancellationTerms {
  @ApiProperty({ format: 'date-time', description: 'Full refund until then.' }) freeUntil: string;
  @ApiProperty({ description: 'Refunded share after freeUntil, until the start.' }) lateRefundPercent: number;
  @ApiProperty() refundableNowCents: number;
  @ApiProperty() cancellableNow: boolean;
}

class BookingPaymentSummaryDto implements BookingPaymentSummary {
  @ApiProperty({ enum: ['succeeded', 'refunded', 'partially_refunded'] }) status: BookingPaymentSummary['status'];
  @ApiProperty() amountCents: number;
  @ApiProperty() refundedCents: number;
  @ApiProperty({ nullable: true, type: String }) cardBrand: string | null;
  @ApiProperty({ nullable: true, type: String }) cardLast4: string | null;
  @ApiProperty() testMode: boolean;
}

class BookingRefundLineDto implements BookingRefundLine {
  @ApiProperty() amountCents: number;
  @ApiProperty({ format: 'date-time' }) refundedAt: string;
}

class BookingPaymentLineDto implements BookingPaymentLine {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['booking', 'extension'], description: 'What was paid: the booking itself or an extension of it.' })
  purpose: BookingPaymentLine['purpose'];
  @ApiProperty({ enum: ['succeeded', 'refunded', 'partially_refunded'] }) status: BookingPaymentLine['status'];
  @ApiProperty() amountCents: number;
  @ApiProperty() refundedCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ nullable: true, type: String, example: 'visa' }) cardBrand: string | null;
  @ApiProperty({ nullable: true, type: String, example: '4242' }) cardLast4: string | null;
  @ApiProperty({ format: 'date-time' }) paidAt: string;
  @ApiProperty({ type: BookingRefundLineDto, isArray: true, description: 'Refunds of this payment, to the same card.' }) refunds: BookingRefundLineDto[];
}

export class BookingViewDto implements BookingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'AB7K-Q2MX' }) code: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
  @ApiProperty({ type: BookingFacilityDto }) facility: BookingFacilityDto;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty() spaceLabel: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty() vehiclePlate: string;
  @ApiProperty() amountCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) holdExpiresAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ type: CancellationTermsDto }) cancellation: CancellationTermsDto;
  @ApiProperty({ type: BookingPaymentSummaryDto, nullable: true }) payment: BookingPaymentSummaryDto | null;
  @ApiProperty({ type: BookingPaymentLineDto, isArray: true, description: 'Every successful charge (booking and extensions), oldest first.' })
  payments: BookingPaymentLineDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set when the booking is a monthly pass (see GET /api/passes/:id).' })
  passId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The weekly series (GET /api/booking-series/:id) it is an occurrence of.' })
  seriesId: string | null;
}

class BookingListCountsDto implements Record<BookingListFilter, number> {
  @ApiProperty() all: number;
  @ApiProperty() upcoming: number;
  @ApiProperty() past: number;
  @ApiProperty() cancelled: number;
}

export class BookingListDto implements BookingList {
  @ApiProperty({ type: BookingViewDto, isArray: true }) items: BookingViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'Bookings under this filter, on all pages.' }) total: number;
  @ApiProperty({ enum: BOOKING_LIST_FILTERS }) filter: BookingListFilter;
  @ApiProperty({ type: BookingListCountsDto, description: 'Bookings under each filter.' }) counts: BookingListCountsDto;
}

export class CancelBookingResultDto implements CancelBookingResult {
  @ApiProperty({ type: BookingViewDto }) booking: BookingViewDto;
  @ApiProperty() refundedCents: number;
}

export class BookingExtensionViewDto implements BookingExtensionView {
  @ApiProperty({ format: 'uuid', description: 'Pay it with POST /api/payments {bookingId, extensionId}.' }) id: string;
  @ApiProperty({ format: 'uuid' }) bookingId: string;
  @ApiProperty({ format: 'date-time' }) newEnd: string;
  @ApiProperty() amountCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: ['pending_payment', 'confirmed', 'expired'] }) status: BookingExtensionView['status'];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) holdExpiresAt: string | null;
}
