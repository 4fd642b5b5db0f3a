import { Readable } from 'node:stream';
import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { OperatorBookingPage, OperatorFacilityList } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { csvLine } from './csv.js';
import { OperatorBookingQueryDto } from './dto/operator-booking-query.dto.js';
import { OperatorBookingPageDto, OperatorFacilityListDto } from './dto/facility-management-views.dto.js';
import { FacilityManagementService } from './facility-management.service.js';

const CSV_HEADER = ['code', 'facility', 'space', 'space_type', 'start', 'end', 'status', 'vehicle_plate', 'amount_cents', 'currency', 'created_at'];

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
  @ApiOkResponse({ type: OperatorBookingPageDto, description: 'Bookings of your facilities, latest start first.' })
  bookings(@CurrentPrincipal() principal: Principal, @Query() query: OperatorBookingQueryDto): Promise<OperatorBookingPage> {
    return this.facilities.operatorBookings(requireUser(principal), query);
  }

  @Get('bookings.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The same bookings as GET /api/operator/bookings (same filters, every page) as RFC 4180 CSV, streamed.',
    content: { 'text/csv': { schema: { type: 'string', example: CSV_HEADER.join(',') } } },
  })
  @Header('cache-control', 'no-store')
  bookingsCsv(@CurrentPrincipal() principal: Principal, @Query() query: OperatorBookingQueryDto): StreamableFile {
    const user = requireUser(principal);
    this.facilities.validateBookingQuery(user, query);
    const rows = this.facilities.operatorBookingsForExport(user, query);
    async function* lines(): AsyncGenerator<string> {
      yield csvLine(CSV_HEADER);
      for await (const b of rows) {
        yield csvLine([b.code, b.facilityName, b.spaceLabel, b.spaceType, b.start, b.end, b.status, b.vehiclePlate, b.amountCents, b.currency, b.createdAt]);
      }
    }
    return new StreamableFile(Readable.from(lines()), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="bookings.csv"' });
  }
}
