import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SystemErrorsPage } from '@aiparksit/shared';
import { Roles } from '../access/index.js';
import { SystemErrorsPageDto, SystemErrorsQuery } from './dto/system-errors.dto.js';
import { SystemErrorsService } from './error-log.service.js';

/** The status page's recent errors: grouped, counted over all instances, newest first. */
@ApiTags('system')
@ApiBearerAuth()
@Roles('admin')
@Controller('system/errors')
export class SystemErrorsController {
  constructor(private readonly errors: SystemErrorsService) {}

  @Get()
  @ApiOkResponse({ type: SystemErrorsPageDto, description: 'Error groups with occurrences in the window, the latest first.' })
  @ApiForbiddenResponse({ description: 'Not an admin.' })
  list(@Query() query: SystemErrorsQuery): Promise<SystemErrorsPage> {
    return this.errors.list({ hours: query.hours, service: query.service, critical: query.critical, limit: query.limit });
  }
}
