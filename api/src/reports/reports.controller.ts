import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../access/index.js';
import { ReportExportRequestDto } from './dto/report-export-request.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('investor', 'admin')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('export')
  @HttpCode(200)
  @ApiProduces('application/pdf', 'text/csv')
  @ApiOkResponse({ description: 'The report file, as an attachment named aiparksit-<type>-<from>-to-<to>.<format>.' })
  @ApiBadRequestResponse({ description: 'invalid_report_request, or field errors.' })
  @ApiServiceUnavailableResponse({
    description: 'renderer_busy (queue full, with Retry-After), renderer_unavailable (no Chromium could start: says why), render_timeout.',
  })
  async export(@Body() body: ReportExportRequestDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const report = await this.reports.render(body);
    reply.header('content-type', report.contentType);
    reply.header('content-disposition', `attachment; filename="${report.filename}"`);
    reply.header('cache-control', 'no-store');
    return report.body;
  }
}
