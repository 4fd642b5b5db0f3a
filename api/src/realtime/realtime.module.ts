import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/index.js';
import { AuthModule } from '../auth/index.js';
import { RealtimeAuthenticator } from './realtime-authenticator.js';
import { RealtimeEventsService } from './realtime-events.service.js';
import { AdminRealtimeGateway, InvestorRealtimeGateway, OperatorRealtimeGateway, PublicRealtimeGateway } from './realtime.gateways.js';
import { RealtimeHub } from './realtime-hub.js';
import { RealtimeRepository } from './realtime.repository.js';
import { RealtimeStats } from './realtime-stats.js';

/**
 * WebSockets fed by PostgreSQL: triggers → NOTIFY → this instance's listener → recount →
 * subscribed sockets. `RealtimeStats` and `RealtimeHub` (who is on the sockets, and the admin feed) are exported for the system page.
 */
@Module({
  imports: [AuthModule, ApiKeysModule],
  providers: [
    RealtimeRepository,
    RealtimeStats,
    RealtimeAuthenticator,
    RealtimeHub,
    RealtimeEventsService,
    PublicRealtimeGateway,
    OperatorRealtimeGateway,
    InvestorRealtimeGateway,
    AdminRealtimeGateway,
  ],
  exports: [RealtimeStats, RealtimeHub],
})
export class RealtimeModule {}
