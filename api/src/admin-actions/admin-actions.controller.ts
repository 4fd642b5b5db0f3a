import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuditPage, SystemActionResult } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { AdminActionsService, QUICK_ACTIONS } from './admin-actions.service.js';
import { AuditPageDto, AuditQueryDto, SystemActionRequestDto, SystemActionResultDto } from './dto/system-actions.dto.js';

/** The status page's quick actions and the audit list of what admins did. */
@ApiTags('system')
@ApiBearerAuth()
@Roles('admin')
@Controller('system')
export class AdminActionsController {
  constructor(private readonly actions: AdminActionsService) {}

  @Post('actions/:name')
  @HttpCode(200)
  @ApiParam({ name: 'name', enum: QUICK_ACTIONS })
  @ApiOkResponse({ type: SystemActionResultDto, description: 'Done (or failed, with the reason); audited either way.' })
  @ApiBadRequestResponse({ description: 'invalid_action_request: a field the action needs is missing or wrong (`details.field`).' })
  @ApiNotFoundResponse({ description: 'unknown_action' })
  @ApiForbiddenResponse({ description: 'Not an admin.' })
  run(@CurrentPrincipal() principal: Principal, @Param('name') name: string, @Body() body: SystemActionRequestDto): Promise<SystemActionResult> {
    return this.actions.run(requireUser(principal), name, body ?? {});
  }

  @Get('audit')
  @ApiOkResponse({ type: AuditPageDto, description: 'Audited admin actions, newest first.' })
  @ApiForbiddenResponse({ description: 'Not an admin.' })
  audit(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.actions.listAudit({ page: query.page, pageSize: query.pageSize, ...(query.action ? { action: query.action } : {}) });
  }
}
