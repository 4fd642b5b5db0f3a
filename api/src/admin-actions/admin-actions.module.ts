import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/index.js';
import { AuditModule } from '../audit/index.js';
import { BookingsModule } from '../bookings/index.js';
import { HarvestModule } from '../harvest/index.js';
import { MetricsModule } from '../metrics/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { OutboxModule } from '../outbox/index.js';
import { UsersModule } from '../users/index.js';
import { AdminActionsController } from './admin-actions.controller.js';
import { AdminActionsService } from './admin-actions.service.js';

/** POST /api/system/actions/:name (all but export-diagnostics) and GET /api/system/audit. */
@Module({
  imports: [AuditModule, OutboxModule, BookingsModule, HarvestModule, AnalyticsModule, MetricsModule, NotificationsModule, UsersModule],
  controllers: [AdminActionsController],
  providers: [AdminActionsService],
})
export class AdminActionsModule {}
