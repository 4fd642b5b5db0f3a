import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OperatorDashboard } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, type Principal, Roles } from '../access/index.js';
import { OperatorDashboardService } from './operator-dashboard.service.js';
import { OperatorDashboardDto } from './dto/operator-views.dto.js';

@ApiTags('operator')
@ApiBearerAuth()
@Controller('proxy/operator')
export class OperatorDashboardController {
  constructor(private readonly dashboard: OperatorDashboardService) {}

  @Get()
  @Roles('operator')
  @ApiOkResponse({
    type: OperatorDashboardDto,
    description: 'Facilities with capacity and occupancy now, today and month-to-date revenue, today’s arrivals and departures, the 10 newest bookings.',
  })
  @ApiNotFoundResponse({ description: 'operator_not_found: no operator company for this account yet.' })
  get(@CurrentPrincipal() principal: Principal): Promise<OperatorDashboard> {
    return this.dashboard.forOwner(requireUser(principal));
  }
}
