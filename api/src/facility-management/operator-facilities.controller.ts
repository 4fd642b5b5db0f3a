import { Readable } from 'node:stream';
import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { OperatorBookingDetail, OperatorBookingPage, OperatorFacilityList } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { bookingCsvHeader, bookingCsvRow } from './booking-csv.js';
import { csvLine } from './csv.js';
import { OperatorBookingQueryDto } from './dto/operator-booking-query.dto.js';
import { OperatorBookingDetailDto, OperatorBookingPageDto, OperatorFacilityListDto } from './dto/facility-management-views.dto.js';
import { FacilityManagementService } from './facility-management.service.js';

const CSV_EXAMPLE = bookingCsvHeader({ timeZones: ['Europe/Berlin'], currencies: ['EUR'] }).join(',');

/** The operator's own facilities and their bookings (an admin sees all). */
@ApiTags('facility management')
@ApiBearerAuth()
@Roles('operator', 'admin')
@Controller('operator')
export class OperatorFacilitiesController {
  constructor(private readonly facilities: FacilityManagementService) {}

  @Get('facilities')
  @ApiOkResponse({ type: OperatorFacilityListDto, description: 'Your facilities, published or not, with space, booking and blackout counts.' })
  list(@CurrentPrincipal() principal: Principal): Promise<OperatorFacilityList> {
    return this.facilities.operatorFacilities(requireUser(principal));
  }

  @Get('bookings')
  @ApiOkResponse({ type: OperatorBookingPageDto, description: 'Bookings of your facilities, newest first unless `sort` says otherwise.' })
  bookings(@CurrentPrincipal() principal: Principal, @Query() query: OperatorBookingQueryDto): Promise<OperatorBookingPage> {
    return this.facilities.operatorBookings(requireUser(principal), query);
  }

  @Get('bookings.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'The same bookings as GET /api/operator/bookings (same filters and order, every page) as RFC 4180 CSV, streamed. Times are the car park’s ' +
      'local wall clock (`YYYY-MM-DD HH:mm`) and amounts are decimals in the currency’s units; the header names the zone and currency ' +
      '(`start (Europe/Berlin)`, `amount (EUR)`), or, when the car parks differ, the rows carry `time_zone` and `currency` columns.',
    content: { 'text/csv': { schema: { type: 'string', example: CSV_EXAMPLE } } },
  })
  @Header('cache-control', 'no-store')
  async bookingsCsv(@CurrentPrincipal() principal: Principal, @Query() query: OperatorBookingQueryDto): Promise<StreamableFile> {
    const user = requireUser(principal);
    this.facilities.validateBookingQuery(user, query);
    const scope = await this.facilities.exportScope(user, query);
    const rows = this.facilities.operatorBookingsForExport(user, query);
    async function* lines(): AsyncGenerator<string> {
      yield csvLine(bookingCsvHeader(scope));
      for await (const row of rows) yield csvLine(bookingCsvRow(row, scope));
    }
    return new StreamableFile(Readable.from(lines()), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="bookings.csv"' });
  }

  @Get('bookings/:id')
  @ApiOkResponse({
    type: OperatorBookingDetailDto,
    description: 'One booking of your car parks, read-only: payments (card brand and last four), refunds, extensions.',
  })
  @ApiNotFoundResponse({ description: 'booking_not_found: no such booking, or not at one of your car parks.' })
  booking(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<OperatorBookingDetail> {
    return this.facilities.operatorBooking(requireUser(principal), id);
  }
}
