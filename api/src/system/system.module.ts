import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '../audit/index.js';
import { RealtimeModule } from '../realtime/index.js';
import { ApiEndpoints } from './api-endpoints.js';
import { ApiFigures } from './api-figures.js';
import { DiagnosticsService } from './diagnostics.service.js';
import { LocalApiFigures } from './local-api-figures.js';
import { NginxProbe } from './nginx-probe.js';
import { PostgresProbe } from './postgres-probe.js';
import { SystemController } from './system.controller.js';
import { SystemErrorsReader } from './system-errors.reader.js';
import { SystemStatusService } from './system-status.service.js';

/**
 * The admin's system status: `GET /api/system/status` from a snapshot in memory, the
 * `export-diagnostics` action, and `service_status_changed` on the admin feed.
 */
@Module({
  imports: [DiscoveryModule, RealtimeModule, AuditModule],
  controllers: [SystemController],
  providers: [
    SystemStatusService,
    PostgresProbe,
    NginxProbe,
    SystemErrorsReader,
    ApiEndpoints,
    DiagnosticsService,
    { provide: ApiFigures, useClass: LocalApiFigures },
  ],
  exports: [SystemStatusService],
})
export class SystemModule {}
