import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ReportSubscription } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { CreateReportSubscriptionDto, ReportSubscriptionDto } from './dto/report-subscription.dto.js';
import { ReportSubscriptionsService } from './report-subscriptions.service.js';

/** The caller's own monthly emailed reports (investors and admins). */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('investor', 'admin')
@Controller('reports/subscriptions')
export class ReportSubscriptionsController {
  constructor(private readonly subscriptions: ReportSubscriptionsService) {}

  @Get()
  @ApiOkResponse({ type: ReportSubscriptionDto, isArray: true })
  list(@CurrentPrincipal() principal: Principal): Promise<ReportSubscription[]> {
    return this.subscriptions.list(requireUser(principal));
  }

  @Post()
  @ApiCreatedResponse({ type: ReportSubscriptionDto })
  @ApiConflictResponse({ description: 'The caller already has a subscription to this report type.' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateReportSubscriptionDto): Promise<ReportSubscription> {
    return this.subscriptions.create(requireUser(principal), body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such subscription of the caller.' })
  remove(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.subscriptions.remove(requireUser(principal), id);
  }
}
