import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OperatorApplicationSummary, Page } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, type Principal, Roles } from '../access/index.js';
import { ListApplicationsQuery, RejectOperatorDto } from './dto/onboarding-requests.dto.js';
import { OperatorApplicationPageDto, OperatorApplicationSummaryDto } from './dto/operator-views.dto.js';
import { OperatorsService } from './operators.service.js';

/** The review queue of operator applications. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/operators')
export class AdminOperatorsController {
  constructor(private readonly operators: OperatorsService) {}

  @Get()
  @ApiOkResponse({ type: OperatorApplicationPageDto, description: 'Applications with the status (default submitted), oldest submission first.' })
  list(@Query() query: ListApplicationsQuery): Promise<Page<OperatorApplicationSummary>> {
    return this.operators.listForReview(query.status, query.page, query.pageSize);
  }

  @Get(':id')
  @ApiOkResponse({ type: OperatorApplicationSummaryDto })
  @ApiNotFoundResponse({ description: 'operator_not_found' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OperatorApplicationSummary> {
    return this.operators.getForReview(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: OperatorApplicationSummaryDto, description: 'Approved: its published facilities are listed in the marketplace.' })
  @ApiConflictResponse({ description: 'application_not_submitted' })
  approve(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<OperatorApplicationSummary> {
    return this.operators.review(requireUser(principal), id, 'approved', null);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: OperatorApplicationSummaryDto, description: 'Rejected with the reason, which the applicant sees.' })
  @ApiConflictResponse({ description: 'application_not_submitted' })
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RejectOperatorDto,
  ): Promise<OperatorApplicationSummary> {
    return this.operators.review(requireUser(principal), id, 'rejected', body.reason);
  }
}
