import { Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { SystemStatus } from '@aiparksit/shared';
import { CurrentPrincipal, Roles, requireUser, type Principal } from '../access/index.js';
import { DiagnosticsService } from './diagnostics.service.js';
import { SYSTEM_STATUS_SCHEMA } from './system-status.schema.js';
import { SystemStatusService } from './system-status.service.js';

@ApiTags('system')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@ApiForbiddenResponse({ description: 'Signed in, but not an admin.' })
@Roles('admin')
@Controller('system')
export class SystemController {
  constructor(
    private readonly status: SystemStatusService,
    private readonly diagnostics: DiagnosticsService,
  ) {}

  @Get('status')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({
    schema: SYSTEM_STATUS_SCHEMA,
    description:
      'One snapshot of the services (API instances, nginx, PostgreSQL, WebSocket), disks, active users, routes and critical errors; at most SYSTEM_SNAPSHOT_MS old (see snapshotAgeMs).',
  })
  systemStatus(): Promise<SystemStatus> {
    return this.status.status();
  }

  @Post('actions/export-diagnostics')
  @HttpCode(200)
  @ApiProduces('application/json')
  @ApiOkResponse({
    description: 'A JSON attachment: status snapshot, recent error groups, instances, versions and the effective settings with secrets masked. Audited.',
    schema: { type: 'object', properties: { kind: { type: 'string', example: 'aiparksit-diagnostics' }, auditId: { type: 'string', format: 'uuid' } } },
  })
  async exportDiagnostics(@CurrentPrincipal() principal: Principal | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const file = await this.diagnostics.export(requireUser(principal).userId);
    reply.header('content-type', 'application/json; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    reply.header('cache-control', 'no-store');
    reply.header('x-audit-id', file.auditId);
    return file.body;
  }
}
