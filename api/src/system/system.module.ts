import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { ErrorLogModule } from '../error-log/index.js';
import { RealtimeModule } from '../realtime/index.js';
import { DiagnosticsService } from './diagnostics.service.js';
import { NginxProbe } from './nginx-probe.js';
import { PostgresProbe } from './postgres-probe.js';
import { SystemController } from './system.controller.js';
import { SystemStatusService } from './system-status.service.js';

/**
 * The admin's system status: `GET /api/system/status` from a snapshot in memory, the
 * `export-diagnostics` action, and `service_status_changed` on the admin feed. The API instances,
 * active users and routes come from the (global) telemetry module's `InstanceRegistry`.
 */
@Module({
  imports: [RealtimeModule, AuditModule, ErrorLogModule],
  controllers: [SystemController],
  providers: [SystemStatusService, PostgresProbe, NginxProbe, DiagnosticsService],
  exports: [SystemStatusService],
})
export class SystemModule {}
