import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { HealthReport } from '@aiparksit/shared';
import { HealthReportDto } from './dto/health-report.dto.js';
import { HEALTH_REPORT_SCHEMA } from './dto/health-report.schema.js';
import { ReadinessReportDto } from './dto/readiness-report.dto.js';
import { HealthService, type ReadinessReport } from './health.service.js';
import { JsonResponse, Public } from '../common/http/index.js';
import { SkipThrottle } from '@nestjs/throttler';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: 200 with the database up, 503 with it down. Kept to one `SELECT 1`. */
  @Get()
  @Public()
  @SkipThrottle()
  @JsonResponse({ 200: HEALTH_REPORT_SCHEMA, 503: HEALTH_REPORT_SCHEMA })
  @ApiOkResponse({ type: HealthReportDto, description: 'The API and its database answer.' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'The database does not answer: status degraded, db down.' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.report();
    reply.header('cache-control', 'no-store');
    if (report.db === 'down') reply.status(503);
    return report;
  }

  /** Readiness for load balancers: database, migrations, LISTEN; 503 names what failed. */
  @Get('ready')
  @Public()
  @SkipThrottle()
  @ApiOkResponse({ type: ReadinessReportDto, description: 'Ready to serve: the database answers, every migration is applied, LISTEN is connected.' })
  @ApiServiceUnavailableResponse({ type: ReadinessReportDto, description: 'Not ready: `failed` names the checks that failed.' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const report = await this.health.readiness();
    reply.header('cache-control', 'no-store');
    if (report.status !== 'ready') reply.status(503);
    return report;
  }
}
