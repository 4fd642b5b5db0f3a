import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { BookingExtensionView, BookingList, BookingView, CancelBookingResult } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, type Principal, Roles } from '../access/index.js';
import { Idempotent, IdempotencyKey } from '../common/idempotency/index.js';
import { BookingsService } from './bookings.service.js';
import { BookingListQueryDto, CreateBookingDto, ExtendBookingDto, UpdateVehicleDto } from './dto/booking-requests.dto.js';
import { BookingExtensionViewDto, BookingListDto, BookingViewDto, CancelBookingResultDto } from './dto/booking-view.dto.js';

@ApiTags('bookings')
@ApiBearerAuth()
@Controller('bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Post()
  @Roles('driver')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({ type: BookingViewDto, description: 'A space is held as pending_payment until holdExpiresAt; pay it with POST /api/payments.' })
  @ApiBadRequestResponse({ description: 'A rule is broken; details.code names it (start_in_past, outside_opening_hours, invalid_vehicle_plate, …).' })
  @ApiForbiddenResponse({ description: 'email_not_verified: the driver has not confirmed their email address yet.' })
  @ApiConflictResponse({
    description:
      'no_space_available: every space of the type is taken for some of the window (details.alternatives: up to 3 nearby facilities with a space free for the whole window, as GET /api/facilities/:id/alternatives gives them); blacked_out: the facility or the type takes no bookings then.',
  })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateBookingDto, @IdempotencyKey() idempotencyKey: string): Promise<BookingView> {
    return this.bookings.create(requireUser(principal), body, idempotencyKey);
  }

  @Get()
  @ApiOkResponse({
    type: BookingListDto,
    description: 'One page of your own bookings: upcoming (soonest first), then past (latest first); filter by upcoming, past or cancelled.',
  })
  @ApiBadRequestResponse({ description: 'validation_failed: an unknown filter, or a page or pageSize out of range.' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: BookingListQueryDto): Promise<BookingList> {
    return this.bookings.listOwn(requireUser(principal), query);
  }

  @Get(':id')
  @ApiOkResponse({ type: BookingViewDto })
  @ApiNotFoundResponse({ description: 'No such booking, or not yours (nor your facility’s).' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<BookingView> {
    return this.bookings.get(requireUser(principal), id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: CancelBookingResultDto, description: 'Cancelled; refundedCents went back to the card by the stated terms.' })
  @ApiConflictResponse({ description: 'Started already, or not a live booking.' })
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<CancelBookingResult> {
    return this.bookings.cancel(requireUser(principal), id);
  }

  @Post(':id/extend')
  @HttpCode(201)
  @ApiCreatedResponse({ type: BookingExtensionViewDto, description: 'The extra time is held on the same space until paid.' })
  @ApiConflictResponse({ description: 'space_taken: details say whether another space of the type is free for the whole new window.' })
  extend(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ExtendBookingDto,
  ): Promise<BookingExtensionView> {
    return this.bookings.extend(requireUser(principal), id, body);
  }

  @Patch(':id/vehicle')
  @ApiOkResponse({ type: BookingViewDto })
  @ApiConflictResponse({ description: 'The booking has started (or is not live).' })
  changeVehicle(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateVehicleDto): Promise<BookingView> {
    return this.bookings.changeVehicle(requireUser(principal), id, body.vehiclePlate);
  }
}
