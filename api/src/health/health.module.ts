import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';
import { RealtimeModule } from '../realtime/index.js';

@Module({ imports: [RealtimeModule], controllers: [HealthController], providers: [HealthService], exports: [HealthService] })
export class HealthModule {}
