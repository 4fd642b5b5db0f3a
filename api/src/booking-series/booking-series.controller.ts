import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPaymentRequiredResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { BookingSeriesList, BookingSeriesPreview, BookingSeriesView, CancelBookingSeriesResult } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { Idempotent, IdempotencyKey } from '../common/idempotency/index.js';
import { paymentFingerprint } from '../payments/index.js';
import {
  BookingSeriesListDto,
  BookingSeriesPreviewDto,
  BookingSeriesPreviewViewDto,
  BookingSeriesViewDto,
  CancelBookingSeriesResultDto,
  CreateBookingSeriesDto,
  PayBookingSeriesDto,
} from './booking-series.dto.js';
import { BookingSeriesService } from './booking-series.service.js';

@ApiTags('booking-series')
@ApiBearerAuth()
@Controller('booking-series')
export class BookingSeriesController {
  constructor(private readonly series: BookingSeriesService) {}

  @Post('preview')
  @Roles('driver')
  @HttpCode(200)
  @ApiOkResponse({
    type: BookingSeriesPreviewViewDto,
    description: 'Every occurrence, free or why not, priced; the totals of mode all and mode free. Nothing is held.',
  })
  @ApiBadRequestResponse({ description: 'invalid_pattern (details.fields), or a rule of the stay as a whole (invalid_vehicle_plate, space_type_not_offered).' })
  @ApiNotFoundResponse({ description: 'facility_not_found.' })
  preview(@CurrentPrincipal() principal: Principal, @Body() body: BookingSeriesPreviewDto): Promise<BookingSeriesPreview> {
    return this.series.preview(requireUser(principal), body);
  }

  @Post()
  @Roles('driver')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({
    type: BookingSeriesViewDto,
    description: 'The occurrences are held as pending_payment until holdExpiresAt; pay them at once with POST /api/booking-series/:id/payment.',
  })
  @ApiBadRequestResponse({
    description: 'invalid_pattern (details.fields), a rule of the stay as a whole, or series_total_too_large (more than one payment can hold).',
  })
  @ApiForbiddenResponse({ description: 'email_not_verified.' })
  @ApiConflictResponse({
    description:
      'occurrences_unavailable (mode all; details.occurrences: each one that cannot be booked and why; nothing held); no_occurrence_free (mode free, none can be booked).',
  })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateBookingSeriesDto, @IdempotencyKey() idempotencyKey: string): Promise<BookingSeriesView> {
    return this.series.create(requireUser(principal), body, idempotencyKey);
  }

  @Get()
  @Roles('driver')
  @ApiOkResponse({ type: BookingSeriesListDto, description: 'Your own series, newest first (at most 50).' })
  list(@CurrentPrincipal() principal: Principal): Promise<BookingSeriesList> {
    return this.series.listOwn(requireUser(principal));
  }

  @Get(':id')
  @ApiOkResponse({ type: BookingSeriesViewDto })
  @ApiNotFoundResponse({ description: 'No such series, or not yours (nor your facility’s).' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<BookingSeriesView> {
    return this.series.get(requireUser(principal), id);
  }

  @Post(':id/payment')
  @Roles('driver')
  @HttpCode(201)
  @Idempotent({ fingerprint: paymentFingerprint })
  @ApiCreatedResponse({ type: BookingSeriesViewDto, description: 'Paid with one charge: every held occurrence is confirmed; one email lists them.' })
  @ApiPaymentRequiredResponse({ description: 'The card was refused; details.code says why. The holds stay until they lapse.' })
  @ApiConflictResponse({ description: 'series_already_paid, or hold_expired.' })
  @ApiNotFoundResponse({ description: 'No such series, or not yours.' })
  pay(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PayBookingSeriesDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<BookingSeriesView> {
    return this.series.pay(requireUser(principal), id, body.card, idempotencyKey);
  }

  @Post(':id/cancel')
  @Roles('driver')
  @HttpCode(200)
  @ApiOkResponse({
    type: CancelBookingSeriesResultDto,
    description: 'Every occurrence not yet started is cancelled, each refunded by the booking’s own terms.',
  })
  @ApiNotFoundResponse({ description: 'No such series, or not yours.' })
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<CancelBookingSeriesResult> {
    return this.series.cancelRest(requireUser(principal), id);
  }
}
