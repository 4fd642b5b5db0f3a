import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OccupancyReport, RevenueReport } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, type Principal, Roles } from '../access/index.js';
import { AnalyticsService } from './analytics.service.js';
import { AnalyticsQueryDto } from './dto/analytics-query.dto.js';
import { OccupancyReportDto, RevenueReportDto } from './dto/analytics-views.dto.js';

@ApiTags('analytics')
@ApiBearerAuth()
@Roles('operator', 'admin', 'investor')
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('revenue')
  @ApiOkResponse({ type: RevenueReportDto, description: 'Gross, refunds, fees, net and paid bookings per local bucket, one series per currency.' })
  @ApiBadRequestResponse({ description: 'invalid_range, range_too_long, scope_required, or field errors.' })
  @ApiNotFoundResponse({ description: 'facility_not_found: no such facility, or not yours.' })
  revenue(@CurrentPrincipal() principal: Principal, @Query() query: AnalyticsQueryDto): Promise<RevenueReport> {
    return this.analytics.revenue(requireUser(principal), query);
  }

  @Get('occupancy')
  @ApiOkResponse({ type: OccupancyReportDto, description: 'Booked over available space-minutes per local bucket, and a weekday × hour heatmap.' })
  @ApiBadRequestResponse({ description: 'invalid_range, range_too_long, scope_required, or field errors.' })
  @ApiNotFoundResponse({ description: 'facility_not_found: no such facility, or not yours.' })
  occupancy(@CurrentPrincipal() principal: Principal, @Query() query: AnalyticsQueryDto): Promise<OccupancyReport> {
    return this.analytics.occupancy(requireUser(principal), query);
  }
}
