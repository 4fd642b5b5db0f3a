import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { CommonModule } from './common/common.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { HealthModule } from './health/health.module.js';
import { SecurityModule } from './security/index.js';
import { AuthModule } from './auth/auth.module.js';
import { RealtimeModule } from './realtime/index.js';
import { ScheduleModule } from '@nestjs/schedule';
import { IdempotencyModule } from './common/idempotency/index.js';
import { BookingsModule } from './bookings/index.js';
import { PaymentsModule } from './payments/index.js';
import { OutboxModule } from './outbox/index.js';
import { NotificationsModule } from './notifications/index.js';
import { HarvestModule } from './harvest/index.js';
import { FacilitiesModule } from './facilities/index.js';
import { OperatorsModule } from './operators/index.js';
import { AnalyticsModule } from './analytics/index.js';
import { FacilityManagementModule } from './facility-management/index.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions({ url: databaseUrl, poolSize: config.values.dbPoolSize })),
        CommonModule,
        // First of the modules with guards: its APP_GUARD must run before authentication.
        SecurityModule,
        HealthModule,
        // After the rate limiter's module: global guards run in import order.
        AuthModule,
        // After AuthModule: the anti-harvesting guard counts the authenticated caller.
        HarvestModule,
        RealtimeModule,
        // Once for the whole app: each import would register every scheduled job again.
        ScheduleModule.forRoot(),
        IdempotencyModule,
        PaymentsModule,
        BookingsModule,
        OutboxModule,
        NotificationsModule,
        FacilitiesModule,
        OperatorsModule,
        AnalyticsModule,
        FacilityManagementModule,
      ],
    };
  }
}
